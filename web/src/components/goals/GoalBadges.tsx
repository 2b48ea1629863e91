import { Badge, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed, IconCircleX, IconLock, IconPencil } from '@tabler/icons-react';
import type { Contribution, GoalOutcome, ResponsibilityOutcome, ScorecardStatus } from '../../api/goal-types';
import {
  contributionColours,
  contributionLabels,
  goalOutcomeColours,
  goalOutcomeLabels,
  money,
  responsibilityOutcomeColours,
  responsibilityOutcomeLabels,
} from './goal-format';

const icon = (o: 'good' | 'bad' | 'none') => (o === 'good' ? <IconCircleCheck size={14} /> : o === 'bad' ? <IconCircleX size={14} /> : <IconCircleDashed size={14} />);

/** Met / Missed / Not evaluable: a word and an icon, never the colour alone. */
export function GoalOutcomeBadge({ outcome }: { outcome: GoalOutcome }) {
  return (
    <Badge color={goalOutcomeColours[outcome]} variant="light" radius="sm" leftSection={icon(outcome === 'met' ? 'good' : outcome === 'missed' ? 'bad' : 'none')} style={{ minWidth: 'max-content' }}>
      {goalOutcomeLabels[outcome]}
    </Badge>
  );
}

export function ResponsibilityOutcomeBadge({ outcome }: { outcome: ResponsibilityOutcome }) {
  return (
    <Badge
      color={responsibilityOutcomeColours[outcome]}
      variant="light"
      radius="sm"
      leftSection={icon(outcome === 'kept' ? 'good' : outcome === 'breached' ? 'bad' : 'none')}
      style={{ minWidth: 'max-content' }}
    >
      {responsibilityOutcomeLabels[outcome]}
    </Badge>
  );
}

export function ContributionBadge({ outcome }: { outcome: Contribution['outcome'] }) {
  return (
    <Badge color={contributionColours[outcome]} variant="light" radius="sm" style={{ minWidth: 'max-content' }}>
      {contributionLabels[outcome]}
    </Badge>
  );
}

/** Draft (still recomputed) or Final (immutable). */
export function ScorecardStatusBadge({ status, size = 'md' }: { status: ScorecardStatus; size?: 'sm' | 'md' | 'lg' }) {
  return status === 'final' ? (
    <Badge color="indigo" variant="filled" radius="sm" size={size} leftSection={<IconLock size={12} />} style={{ minWidth: 'max-content' }}>
      Final
    </Badge>
  ) : (
    <Badge color="yellow" variant="light" radius="sm" size={size} leftSection={<IconPencil size={12} />} style={{ minWidth: 'max-content' }}>
      Draft
    </Badge>
  );
}

/** A signed amount: credits to the client in red with a minus sign, incentives with a plus. */
export function MoneyAmount({ amountMinor, currency, signed = true, fw }: { amountMinor: number; currency: string; signed?: boolean; fw?: number }) {
  return (
    <Text span size="sm" fw={fw} c={amountMinor < 0 ? 'red.8' : undefined} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {money(amountMinor, currency, { signed })}
    </Text>
  );
}
