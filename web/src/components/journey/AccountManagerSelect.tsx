import { Select } from '@mantine/core';
import { useStaffUsers } from '../../api/ticket-queries';
import type { Client } from '../../api/types';
import { roleLabel } from '../../labels';
import { isClientRole, useSignedIn } from '../../session';

/**
 * The client's account manager: any active staff member, or nobody (then bad ratings and
 * at-risk lists go to owners and admins). Only owners and admins may list staff; anyone else
 * can keep the current one, take it on themselves, or clear it.
 */
export function AccountManagerSelect({ client, value, onChange, error }: { client?: Client; value: string | null; onChange: (id: string | null) => void; error?: string }) {
  const { user } = useSignedIn();
  const staff = useStaffUsers();
  const options = (staff.data ?? []).filter((u) => !isClientRole(u.role)).map((u) => ({ value: u.id, label: `${u.name} · ${roleLabel(u.role)}` }));
  if (!isClientRole(user.role) && !options.some((o) => o.value === user.id)) options.unshift({ value: user.id, label: `${user.name} (you)` });
  const current = client?.accountManager;
  if (current && !options.some((o) => o.value === current.id)) options.unshift({ value: current.id, label: current.name });
  return (
    <Select
      label="Account manager"
      description="Gets the bad ratings and at-risk alerts of this client. Nobody: owners and admins get them."
      placeholder="Nobody named"
      data={options}
      value={value}
      onChange={onChange}
      clearable
      searchable
      error={error}
      nothingFoundMessage="No staff member matches"
      maw={420}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
