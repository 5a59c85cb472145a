import { accountRouter } from './routers/account.router';
import { adminRouter } from './routers/admin.router';
import { directoryRouter } from './routers/directory.router';
import { directoryCurationRouter } from './routers/directory-curation.router';
import { archiveRouter } from './routers/archive.router';
import { systemRouter } from './routers/system.router';
import { communityRouter } from './routers/community.router';
import { projectRouter } from './routers/project.router';
import { documentRouter } from './routers/document.router';
import { chatRouter } from './routers/chat.router';
import { notificationRouter } from './routers/notification.router';
import { needRouter } from './routers/need.router';
import { fundingRouter } from './routers/funding.router';
import { experimentRouter } from './routers/experiment.router';
import { healthRouter } from './routers/health.router';
import { twinRouter } from './routers/twin.router';
import { experimentResultsRouter } from './routers/experiment-results.router';
import { simulationQueueRouter } from './routers/simulation-queue.router';
import { createCallerFactory, createTRPCRouter } from './init';

export const appRouter = createTRPCRouter({
  need: needRouter,
  funding: fundingRouter,
  system: systemRouter,
  account: accountRouter,
  admin: adminRouter,
  community: communityRouter,
  project: projectRouter,
  document: documentRouter,
  chat: chatRouter,
  notification: notificationRouter,
  directory: directoryRouter,
  directoryCuration: directoryCurationRouter,
  archive: archiveRouter,
  experiment: experimentRouter,
  health: healthRouter,
  twin: twinRouter,
  experimentResults: experimentResultsRouter,
  simulationQueue: simulationQueueRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
