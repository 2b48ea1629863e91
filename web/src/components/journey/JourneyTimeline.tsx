import { Stack, Text, Timeline } from '@mantine/core';
import type { JourneyChange } from '../../api/journey-types';
import { formatDateTime } from '../../labels';
import { EvidenceLinks } from './EvidenceLinks';
import { formatDay } from './journey-format';
import { StageBadge } from './StageBadge';

/** The changes of stage, newest first, each with its note and evidence. */
export function JourneyTimeline({ changes, portal = false }: { changes: JourneyChange[]; portal?: boolean }) {
  const newest = [...changes].sort((a, b) => (a.effectiveOn === b.effectiveOn ? b.createdAt.localeCompare(a.createdAt) : b.effectiveOn.localeCompare(a.effectiveOn)));
  return (
    <Timeline active={0} bulletSize={14} lineWidth={2} aria-label="Stage changes">
      {newest.map((c) => (
        <Timeline.Item key={c.id} title={<StageBadge stage={c.stage} size="md" />}>
          <Stack gap={4} mt={4}>
            <Text size="sm" fw={500}>
              From {formatDay(c.effectiveOn)}
            </Text>
            {c.note && (
              <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                {c.note}
              </Text>
            )}
            <EvidenceLinks evidence={c.evidence} portal={portal} />
            <Text size="xs" c="dimmed">
              Recorded {c.createdBy ? `by ${c.createdBy.name} ` : ''}on {formatDateTime(c.createdAt)}
            </Text>
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
