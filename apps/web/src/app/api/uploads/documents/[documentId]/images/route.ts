import { resolveViewer } from '~/server/auth/viewer';
import { uploadDocumentImage } from '~/server/trpc/routers/document-image.http';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ documentId: string }> };

export async function PUT(req: Request, { params }: Params) {
  return uploadDocumentImage(await resolveViewer(req.headers), await params, req);
}
