import { Badge } from '@mantine/core';
import type { TicketClock } from '../../api/ticket-types';
import { readClock } from '../../ticket-labels';
import { useNow } from './useNow';

/** A live clock cell: "due in 1 h 12 min", "overdue 25 min", "met", "paused", coloured by percent used. */
export function ClockCountdown({ clock, label }: { clock: TicketClock | null | undefined; label: string }) {
  const now = useNow();
  if (!clock)
    return (
      <Badge variant="outline" color="gray" radius="sm" aria-label={`${label}: no clock`}>
        no SLA
      </Badge>
    );
  const reading = readClock(clock, now);
  return (
    <Badge
      variant={reading.colour === 'gray' || reading.colour === 'teal' ? 'light' : 'filled'}
      color={reading.colour}
      radius="sm"
      style={{ minWidth: 'max-content', fontVariantNumeric: 'tabular-nums' }}
      aria-label={`${label}: ${reading.text}`}
      title={`${label}: ${Math.round(reading.percent)} % of the target used`}
    >
      {reading.text}
    </Badge>
  );
}
