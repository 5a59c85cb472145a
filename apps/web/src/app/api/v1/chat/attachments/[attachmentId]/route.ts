import { resolveViewer } from '~/server/auth/viewer';
import { downloadChatAttachment } from '~/server/trpc/routers/chat-attachment.http';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ attachmentId: string }> };

export async function GET(req: Request, { params }: Params) {
  return downloadChatAttachment(await resolveViewer(req.headers), await params);
}
