import { resolveViewer } from '~/server/auth/viewer';
import { downloadDocumentImage } from '~/server/trpc/routers/document-image.http';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string; imageId: string }> };

export async function GET(req: Request, { params }: Params) {
  const { id, imageId } = await params;
  return downloadDocumentImage(await resolveViewer(req.headers), { documentId: id, imageId }, new URL(req.url));
}
