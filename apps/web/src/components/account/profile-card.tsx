import type { TUserRole } from '~/lib/roles';
import { ROLE_LABELS } from '~/lib/roles';
import { Badge } from '~/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '~/components/ui/card';

const ROLE_HELP: Record<TUserRole, string> = {
  member: 'Takes part in communities.',
  researcher: 'A member who also gets the research tools: simulations and datasets.',
  staff: 'Runs the site: everything researchers can do, plus account administration.',
};

export function ProfileCard({ name, email, role }: { name: string; email: string; role: TUserRole }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Profile</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-4 text-sm" data-testid="profile">
          <div className="grid gap-1">
            <dt className="text-muted-foreground">Name</dt>
            <dd className="font-medium">{name}</dd>
          </div>
          <div className="grid gap-1">
            <dt className="text-muted-foreground">Email</dt>
            <dd className="font-medium break-all">{email}</dd>
          </div>
          <div className="grid gap-1">
            <dt className="text-muted-foreground">Role</dt>
            <dd className="grid gap-1.5">
              <span>
                <Badge variant={role === 'member' ? 'secondary' : 'default'}>{ROLE_LABELS[role]}</Badge>
              </span>
              <span className="text-muted-foreground">{ROLE_HELP[role]}</span>
            </dd>
          </div>
        </dl>
      </CardContent>
    </Card>
  );
}
