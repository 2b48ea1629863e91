import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconClock } from '@tabler/icons-react';
import type { Milestone } from '../../api/journey-types';
import { formatDay, todayIso } from '../journey/journey-format';

/** The plan's milestones in order: done ones ticked with their date, late ones said to be late. */
export function MilestonesList({ milestones }: { milestones: Milestone[] }) {
  if (milestones.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No milestones yet.
      </Text>
    );
  const today = todayIso();
  return (
    <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Milestones">
      {milestones.map((m) => {
        const late = !m.doneOn && !!m.dueOn && m.dueOn < today;
        return (
          <Group key={m.id} component="li" gap="sm" wrap="nowrap" align="flex-start">
            <ThemeIcon size={22} radius="xl" variant={m.doneOn ? 'filled' : 'light'} color={m.doneOn ? 'teal' : late ? 'red' : 'gray'} aria-hidden>
              {m.doneOn ? <IconCheck size={14} /> : <IconClock size={14} />}
            </ThemeIcon>
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                {m.title}
              </Text>
              <Text size="xs" c={late ? 'red' : 'dimmed'}>
                {m.doneOn ? `Done ${formatDay(m.doneOn)}` : m.dueOn ? `${late ? 'Late: was due' : 'Due'} ${formatDay(m.dueOn)}` : 'No date yet'}
              </Text>
            </div>
          </Group>
        );
      })}
    </Stack>
  );
}
