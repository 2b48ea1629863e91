import { Badge, Group, Paper, Progress, Stack, Text, Timeline } from '@mantine/core';
import type { TicketClock } from '../../api/ticket-types';
import { browserTimeZone } from '../TimeZoneSelect';
import { clockEventColours, clockEventText, clockStateColours, clockStateLabels, formatInZone, readClock } from '../../ticket-labels';
import { useNow } from './useNow';

/**
 * One SLA clock on the ticket page: its state, target in words, due instant in the client's zone
 * and the viewer's, the share of the target used, and every event that happened to it.
 */
export function ClockCard({ title, clock, clientTimeZone }: { title: string; clock: TicketClock; clientTimeZone: string | null }) {
  const now = useNow();
  const reading = readClock(clock, now);
  const viewerZone = browserTimeZone();
  const percent = Math.min(100, Math.max(0, reading.percent));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={`${title} clock`}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {title}
          </Text>
          <Badge color={clockStateColours[clock.state] ?? 'gray'} variant="light" radius="sm" aria-label={`${title} state: ${clockStateLabels[clock.state]}`}>
            {clockStateLabels[clock.state] ?? clock.state}
          </Badge>
        </Group>
        <Text size="lg" fw={650} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {reading.text.charAt(0).toUpperCase() + reading.text.slice(1)}
        </Text>
        <Text size="sm">Target: within {clock.target}</Text>
        <Progress value={percent} color={reading.colour === 'gray' ? 'gray' : reading.colour} aria-label={`${Math.round(reading.percent)} % of the target used`} size="md" />
        <Text size="xs" c="dimmed">
          {Math.round(reading.percent)} % of the target used
        </Text>
        <Stack gap={0}>
          <Text size="sm">
            {clock.completedAt ? 'Was due ' : 'Due '}
            {clientTimeZone ? formatInZone(clock.dueAt, clientTimeZone) : formatInZone(clock.dueAt, viewerZone)}
            {clientTimeZone && clientTimeZone !== viewerZone && " (client's time)"}
          </Text>
          {clientTimeZone && clientTimeZone !== viewerZone && (
            <Text size="xs" c="dimmed">
              {formatInZone(clock.dueAt, viewerZone)} (your time)
            </Text>
          )}
          {clock.completedAt && (
            <Text size="xs" c="dimmed">
              Completed {formatInZone(clock.completedAt, clientTimeZone ?? viewerZone)}
            </Text>
          )}
        </Stack>
        <ClockEventsTimeline clock={clock} title={title} zone={clientTimeZone ?? viewerZone} />
      </Stack>
    </Paper>
  );
}

function ClockEventsTimeline({ clock, title, zone }: { clock: TicketClock; title: string; zone: string }) {
  if (clock.events.length === 0) return null;
  return (
    <Timeline bulletSize={12} lineWidth={2} mt="xs" aria-label={`${title} events`} active={clock.events.length - 1}>
      {clock.events.map((e, i) => (
        <Timeline.Item key={i} color={clockEventColours[e.type] ?? 'gray'} title={<Text size="sm" fw={500}>{clockEventText(e)}</Text>}>
          <Text size="xs" c="dimmed">
            {formatInZone(e.at, zone)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
