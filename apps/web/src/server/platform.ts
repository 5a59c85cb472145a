import { createPlatformServices, parseUserRole, type PlatformServices } from '@p2pvalue/platform';
import type { PrismaClient } from '@p2pvalue/db';
import { logger } from './logger';
import { evictChannelNonReaders, leaveUnreadableChatRooms } from './realtime/chat-broadcast';
import { createLiveDocuments } from './realtime/live-documents';

/** The collaboration services over a Prisma client (one composition for tRPC, REST and realtime). */
export function platformServices(db: PrismaClient): PlatformServices {
  const services: PlatformServices = createPlatformServices({
    db,
    live: createLiveDocuments(db),
    // A member who lost access stops receiving the channel's live broadcasts on every web process.
    onMembershipReduced: async (userId) => {
      try {
        await leaveUnreadableChatRooms(userId, (actor, channelId) => services.chat.canReadChannel({ id: actor.id, role: parseUserRole(actor.role) }, channelId));
      } catch (error) {
        logger.error({ err: error, userId }, 'could not drop chat rooms after a membership change');
      }
    },
    // A project closed to fewer people: whoever may no longer read its channel leaves the room.
    onShareModeChanged: async (projectId) => {
      try {
        const channelId = await services.chat.projectChannelId(projectId);
        if (channelId) await evictChannelNonReaders(channelId, (actor, id) => services.chat.canReadChannel({ id: actor.id, role: parseUserRole(actor.role) }, id));
      } catch (error) {
        logger.error({ err: error, projectId }, 'could not drop chat rooms after a share mode change');
      }
    },
  });
  return services;
}
