/** What a notification says and where it leads; computed from its kind and stored ref. */
export interface NotificationText {
  text: string;
  href: string | null;
  excerpt: string | null;
}

const str = (ref: Record<string, unknown>, key: string, max = 200): string | null => {
  const value = ref[key];
  return typeof value === 'string' && value.trim().length > 0 ? value.trim().slice(0, max) : null;
};

/** Only same-site paths become links (never `//host` or `javascript:`). */
function safePath(value: string | null): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  return value;
}

const GROUP_LABELS: Record<string, string> = {
  'chat.mention': 'Mentions in chat',
  'chat.reply': 'Replies in your threads',
  'document.mention': 'Mentions in documents',
  'comment.mention': 'Mentions in comments',
  'community.join-request': 'Requests to join',
  'community.join-approved': 'Accepted requests',
  'community.invite-accepted': 'Invitations accepted',
  'community.role-changed': 'Role changes',
  'project.member-added': 'Added to projects',
  'need.funded': 'Needs funded',
  'need.claimed': 'Needs taken on',
  'thanks.received': 'Thanks',
  'round.opened': 'Funding rounds opened',
  'round.granted': 'Credits granted',
  'chat.direct': 'Direct messages',
};

/** The heading a kind is grouped under in the digest. */
export function notificationGroupLabel(kind: string): string {
  return GROUP_LABELS[kind] ?? 'Other';
}

/** The keys of `ref` that name the person who caused a notification, in order of preference. */
export const ACTOR_KEYS = ['actorId', 'authorId', 'requesterId'] as const;

export function actorIdOf(ref: Record<string, unknown>): string | null {
  for (const key of ACTOR_KEYS) {
    const value = str(ref, key, 100);
    if (value) return value;
  }
  return null;
}

export function describeNotification(kind: string, ref: Record<string, unknown>, actorName: string | null): NotificationText {
  const who = actorName ?? 'Someone';
  const slug = str(ref, 'slug') ?? str(ref, 'communitySlug');
  const community = str(ref, 'communityName') ?? slug ?? 'a community';
  const communityHref = slug ? `/communities/${encodeURIComponent(slug)}` : null;
  const href = safePath(str(ref, 'url', 500) ?? str(ref, 'href', 500));
  const excerpt = str(ref, 'excerpt');
  switch (kind) {
    case 'chat.mention':
      return { text: `${who} mentioned you in ${str(ref, 'channelName') ? `#${str(ref, 'channelName')}` : 'chat'}`, href, excerpt };
    case 'chat.reply':
      return { text: `${who} replied in your thread${str(ref, 'channelName') ? ` in #${str(ref, 'channelName')}` : ''}`, href, excerpt };
    case 'document.mention':
      return { text: `${who} mentioned you in ${str(ref, 'documentTitle') ?? 'a document'}`, href, excerpt };
    case 'comment.mention':
      return { text: `${who} mentioned you in a comment`, href: href ?? communityHref, excerpt };
    case 'community.join-request':
      return { text: `${who} asked to join ${community}`, href: communityHref ? `${communityHref}/members` : null, excerpt: null };
    case 'community.join-approved':
      return { text: `You are now a member of ${community}`, href: communityHref, excerpt: null };
    case 'community.invite-accepted':
      return { text: `${who} joined ${community} with your invitation`, href: communityHref ? `${communityHref}/members` : null, excerpt: null };
    case 'community.role-changed':
      return { text: `${who} made you ${str(ref, 'role') ?? 'a member'} of ${community}`, href: communityHref, excerpt: null };
    case 'project.member-added':
      return { text: `${who} added you to the project ${str(ref, 'projectTitle') ?? ''}`.trim(), href: href ?? communityHref, excerpt: null };
    case 'need.funded':
      return { text: `“${str(ref, 'needTitle') ?? 'A need'}” is funded${str(ref, 'roundTitle') ? ` in ${str(ref, 'roundTitle')}` : ''}`, href: href ?? communityHref, excerpt: null };
    case 'need.claimed':
      return { text: `${who} took on “${str(ref, 'needTitle') ?? 'your need'}”`, href: href ?? communityHref, excerpt: null };
    case 'thanks.received':
      return { text: `${who} thanked you${str(ref, 'needTitle') ? ` for “${str(ref, 'needTitle')}”` : ''}`, href: href ?? communityHref, excerpt };
    case 'round.opened': {
      const credits = typeof ref.credits === 'number' && Number.isFinite(ref.credits) ? ref.credits : null;
      const title = str(ref, 'roundTitle');
      return {
        text: `Funding round ${title ? `“${title}”` : 'of ' + community} is open${credits !== null ? `: you have ${credits} credit${credits === 1 ? '' : 's'}` : ''}`,
        href: href ?? communityHref,
        excerpt: null,
      };
    }
    case 'round.granted': {
      const credits = typeof ref.credits === 'number' && Number.isFinite(ref.credits) ? ref.credits : null;
      const title = str(ref, 'roundTitle');
      return {
        text: `${who} granted you ${credits !== null ? `${credits} credit${credits === 1 ? '' : 's'}` : 'credits'}${title ? ` in “${title}”` : ''}`,
        href: href ?? communityHref,
        excerpt: null,
      };
    }
    case 'chat.direct':
      return { text: `${who} sent you a direct message`, href, excerpt };
    default:
      return { text: 'New notification', href: href ?? communityHref, excerpt };
  }
}
