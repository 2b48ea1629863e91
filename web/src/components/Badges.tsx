import { Badge } from '@mantine/core';
import { roleLabel } from '../labels';

export function StatusBadge({ status }: { status: string }) {
  const color = status === 'active' ? 'teal' : status === 'disabled' || status === 'revoked' ? 'red' : status === 'invited' ? 'blue' : 'gray';
  return (
    <Badge color={color} variant="light" radius="sm" style={{ minWidth: 'max-content' }}>
      {status.charAt(0).toUpperCase() + status.slice(1).replaceAll('_', ' ')}
    </Badge>
  );
}

export function RoleBadge({ role }: { role: string }) {
  const color = role === 'owner' ? 'grape' : role === 'admin' ? 'indigo' : role.startsWith('client') ? 'cyan' : 'blue';
  return (
    <Badge color={color} variant="light" radius="sm" style={{ minWidth: 'max-content' }}>
      {roleLabel(role)}
    </Badge>
  );
}
