import Link from 'next/link';
import { Sparkles, Star } from 'lucide-react';
import type { TNeedStatus } from '@p2pvalue/platform';
import { Badge } from '~/components/ui/badge';
import { NEED_STATUS_BADGE, NEED_STATUS_LABELS } from './funding-format';
import { ProgressBar } from './progress-bar';

export interface NeedCardData {
  id: string;
  title: string;
  status: TNeedStatus;
  featured: boolean;
  goal: number;
  stretchGoal: number | null;
  pledged: number;
  bountyTotal: number;
  effortHours: number;
  skills: string[];
  supporters: number;
  assignees: { userId: string; name: string }[];
  ratio: number;
  band: 'low' | 'middle' | 'high';
  almostThere: boolean;
}

/** One need in a list: status, "almost there", progress toward its goal, who is on it. */
export function NeedCard({ need, href, subtitle }: { need: NeedCardData; href: string; subtitle?: string }) {
  return (
    <Link href={href} className="block rounded-lg border p-4 transition-colors hover:bg-muted/50" data-testid="need-card">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{need.title}</span>
        <Badge variant={NEED_STATUS_BADGE[need.status]}>{NEED_STATUS_LABELS[need.status]}</Badge>
        {need.featured ? (
          <Badge>
            <Star className="size-3" aria-hidden /> Featured
          </Badge>
        ) : null}
        {need.almostThere ? (
          <Badge variant="warning">
            <Sparkles className="size-3" aria-hidden /> Almost there
          </Badge>
        ) : null}
      </div>
      {subtitle ? <p className="mt-1 text-xs text-muted-foreground">{subtitle}</p> : null}
      <ProgressBar className="mt-3" ratio={need.ratio} band={need.band} label={`${need.title}: ${need.pledged} of ${need.goal} credits`} />
      <p className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted-foreground">
        <span>
          {need.pledged} / {need.goal} credits{need.stretchGoal ? ` (stretch ${need.stretchGoal})` : ''}
        </span>
        <span>{need.supporters} supporters</span>
        <span>{need.effortHours} h</span>
        {need.bountyTotal > 0 ? <span>bounty {need.bountyTotal} pts</span> : null}
        {need.assignees.length > 0 ? <span>on it: {need.assignees.map((a) => a.name).join(', ')}</span> : null}
        {need.skills.length > 0 ? <span>{need.skills.join(' · ')}</span> : null}
      </p>
    </Link>
  );
}
