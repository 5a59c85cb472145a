import { resolveViewer } from '~/server/auth/viewer';
import { uploadChatAttachment } from '~/server/trpc/routers/chat-attachment.http';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ channelId: string }> };

export async function PUT(req: Request, { params }: Params) {
  return uploadChatAttachment(await resolveViewer(req.headers), await params, req);
}
