import { Badge } from '@mantine/core';
import type { AmendmentStatus } from '../../api/pact-types';
import { amendmentStatusColours } from '../../pact-labels';

export function AmendmentStatusBadge({ status }: { status: AmendmentStatus }) {
  return (
    <Badge color={amendmentStatusColours[status] ?? 'gray'} variant="light" radius="sm" style={{ minWidth: 'max-content' }}>
      {status.charAt(0).toUpperCase() + status.slice(1)}
    </Badge>
  );
}
