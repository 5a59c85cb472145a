import { createOpenApiFetchHandler } from 'trpc-to-openapi';
import { appRouter } from '~/server/trpc/root';
import { createContextFromRequest } from '~/server/trpc/context';

export const dynamic = 'force-dynamic';

function handler(req: Request) {
  return createOpenApiFetchHandler({ endpoint: '/api/v1', router: appRouter, req, createContext: () => createContextFromRequest(req) });
}

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
