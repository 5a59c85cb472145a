import { accountRouter } from './routers/account.router';
import { adminRouter } from './routers/admin.router';
import { directoryRouter } from './routers/directory.router';
import { systemRouter } from './routers/system.router';
import { createCallerFactory, createTRPCRouter } from './init';

export const appRouter = createTRPCRouter({
  system: systemRouter,
  account: accountRouter,
  admin: adminRouter,
  directory: directoryRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
