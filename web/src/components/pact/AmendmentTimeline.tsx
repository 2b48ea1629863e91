import { Group, Stack, Text, Timeline } from '@mantine/core';
import { IconCheck, IconClock, IconMinus, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Amendment, AmendmentStatus } from '../../api/pact-types';
import { formatDateTime } from '../../labels';
import { AmendmentStatusBadge } from './AmendmentStatusBadge';

const icons: Record<AmendmentStatus, ReactNode> = {
  proposed: <IconClock size={12} />,
  accepted: <IconCheck size={12} />,
  rejected: <IconX size={12} />,
  withdrawn: <IconMinus size={12} />,
};

/** Every amendment of a contract, oldest first: what changed, when, and who decided. */
export function AmendmentTimeline({ amendments, actions }: { amendments: Amendment[]; actions?: (a: Amendment) => ReactNode }) {
  const sorted = [...amendments].sort((a, b) => a.number - b.number);
  const active = sorted.filter((a) => a.status === 'accepted').length - 1;
  return (
    <Timeline bulletSize={22} lineWidth={2} active={active} aria-label="Amendments">
      {sorted.map((a) => (
        <Timeline.Item key={a.number} bullet={icons[a.status]} color={a.status === 'accepted' ? 'teal' : a.status === 'proposed' ? 'yellow' : 'gray'}>
          <Stack gap={4} data-testid={`amendment-${a.number}`}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600} size="sm">
                #{a.number}
              </Text>
              <AmendmentStatusBadge status={a.status} />
              <Text size="sm" style={{ overflowWrap: 'anywhere', flex: '1 1 14rem' }}>
                {a.summary}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              Effective {formatDateTime(a.effectiveAt)}
              {a.inForceFrom && <> · in force from {formatDateTime(a.inForceFrom)}</>}
              {a.proposedAt && a.number > 1 && <> · proposed {formatDateTime(a.proposedAt)}</>}
            </Text>
            {a.decision && (
              <Text size="xs" c="dimmed">
                {a.status === 'withdrawn' ? 'Withdrawn' : a.status === 'rejected' ? 'Rejected' : 'Accepted'} {formatDateTime(a.decision.at)}
                {a.decision.byName && ` by ${a.decision.byName}`}
              </Text>
            )}
            {a.decision?.reason && (
              <Text size="xs" c="red.8">
                Reason: {a.decision.reason}
              </Text>
            )}
            {actions?.(a)}
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
