const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "3 minutes ago", "yesterday" … */
export function timeAgo(date: Date, now: Date = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return relative.format(seconds, 'second');
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
  return relative.format(Math.round(seconds / 86_400), 'day');
}

export function clockTime(date: Date): string {
  return date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}

export const ACTIVITY_LABELS: Record<string, string> = {
  'community.create': 'founded the community',
  'community.join': 'joined',
  'project.create': 'started',
  'project.support': 'supported',
  'document.create': 'created a document in',
  'document.edit': 'edited a document in',
  'document.comment': 'commented in',
  'document.version': 'saved a version in',
  'need.create': 'proposed a need in',
  'need.open': 'opened a need for funding in',
  'need.feature': 'featured a need in',
  'need.funded': 'saw a need funded in',
  'need.claim': 'took on a need in',
  'need.complete': 'finished a need in',
  'need.verify': 'verified a need in',
  'need.cancel': 'cancelled a need in',
  'need.comment': 'commented on a need in',
  pledge: 'pledged to a need in',
  'bounty.attach': 'put up a bounty in',
  'bounty.paid': 'was paid a bounty in',
  'thanks.give': 'thanked someone',
  'thanks.receive': 'was thanked',
  'round.open': 'opened a funding round',
  'round.close': 'closed a funding round',
};

export const SHARE_MODE_LABELS = { public: 'Public', link: 'Link only', invite: 'Invite only' } as const;
