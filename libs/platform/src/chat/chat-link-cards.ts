import { isAppError } from '@p2pvalue/shared';
import type { AccessActor } from '../access/access.policy';
import type { AccessService } from '../access/access.service';
import type { NeedRepository } from '../funding/need.repository';
import type { TNeedStatus } from '../funding/need-lifecycle';

export type TChatLinkRef = { kind: 'document'; id: string } | { kind: 'need'; id: string };

export type ChatLinkCard =
  | { kind: 'document'; id: string; url: string; title: string; projectTitle: string; communityName: string; editedAt: Date }
  | { kind: 'need'; id: string; url: string; title: string; projectTitle: string; communityName: string; status: TNeedStatus; pledged: number; goal: number };

/** Cards per message at most (the first links win). */
export const MAX_LINK_CARDS_PER_MESSAGE = 3;

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const SEGMENT = '[^/\\s?#()\\]]+';
// A page of this site, as a full URL or a path: /communities/<c>/projects/<p>/documents/<id> or /communities/<c>/needs/<id>.
const LINK = new RegExp(`(?:https?://[^/\\s()\\]]+)?/communities/${SEGMENT}/(?:projects/${SEGMENT}/(documents)|(needs))/(${UUID})(?![0-9a-fA-F-])`, 'g');

/** The documents and needs a message links to (in order, without repeats, at most a few). */
export function chatLinkRefs(body: string): TChatLinkRef[] {
  const refs: TChatLinkRef[] = [];
  const seen = new Set<string>();
  for (const m of body.matchAll(LINK)) {
    const kind = m[1] ? 'document' : 'need';
    const id = m[3]!.toLowerCase();
    if (seen.has(`${kind}:${id}`)) continue;
    seen.add(`${kind}:${id}`);
    refs.push({ kind, id });
    if (refs.length === MAX_LINK_CARDS_PER_MESSAGE) break;
  }
  return refs;
}

/**
 * Turns a link into a card with the READER's permissions: a document or need the reader may not
 * see (or that does not exist) gives no card at all, so a card never tells more than the page would.
 */
export function createChatLinkCardResolver(deps: { access: AccessService; needs: Pick<NeedRepository, 'findById'> }) {
  const { access, needs } = deps;
  const hidden = (error: unknown) => {
    if (isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return null;
    throw error;
  };

  return async function resolveLinkCard(actor: AccessActor, ref: TChatLinkRef): Promise<ChatLinkCard | null> {
    if (ref.kind === 'document') {
      const ctx = await access.readableDocumentOrThrow(actor, ref.id).catch(hidden);
      if (!ctx) return null;
      return {
        kind: 'document',
        id: ctx.document.id,
        url: `/communities/${ctx.community.slug}/projects/${ctx.project.slug}/documents/${ctx.document.id}`,
        title: ctx.document.title,
        projectTitle: ctx.project.title,
        communityName: ctx.community.name,
        editedAt: ctx.document.editedAt ?? ctx.document.updatedAt,
      };
    }
    const need = await needs.findById(ref.id);
    if (!need) return null;
    const ctx = await access.readableProjectOrThrow(actor, need.projectId).catch(hidden);
    if (!ctx) return null;
    return {
      kind: 'need',
      id: need.id,
      url: `/communities/${ctx.community.slug}/needs/${need.id}`,
      title: need.title,
      projectTitle: ctx.project.title,
      communityName: ctx.community.name,
      status: need.status,
      pledged: need.pledged,
      goal: need.goal,
    };
  };
}

export type ChatLinkCardResolver = ReturnType<typeof createChatLinkCardResolver>;
