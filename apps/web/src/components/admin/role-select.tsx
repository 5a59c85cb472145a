'use client';

import { ROLE_LABELS, ROLE_OPTIONS, type TUserRole } from '~/lib/roles';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '~/components/ui/select';

interface RoleSelectProps {
  value: TUserRole;
  userLabel: string;
  disabled?: boolean;
  onChange: (role: TUserRole) => void;
}

export function RoleSelect({ value, userLabel, disabled, onChange }: RoleSelectProps) {
  return (
    <Select value={value} disabled={disabled} onValueChange={(next) => onChange(next as TUserRole)}>
      <SelectTrigger className="w-36" aria-label={`Role of ${userLabel}`} data-testid="role-select">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {ROLE_OPTIONS.map((role) => (
          <SelectItem key={role} value={role}>
            {ROLE_LABELS[role]}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
