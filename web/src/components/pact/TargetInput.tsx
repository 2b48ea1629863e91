import { Group, Input, NumberInput, Select } from '@mantine/core';
import type { Target } from '../../api/pact-types';

type Unit = 'minutes' | 'hours' | 'business_days';

function split(t: Target): { amount: number; unit: Unit } {
  if (t.unit === 'business_days') return { amount: t.days, unit: 'business_days' };
  if (t.minutes >= 60 && t.minutes % 60 === 0) return { amount: t.minutes / 60, unit: 'hours' };
  return { amount: t.minutes, unit: 'minutes' };
}

function join(amount: number, unit: Unit): Target {
  if (unit === 'business_days') return { unit: 'business_days', days: amount };
  return { unit: 'minutes', minutes: unit === 'hours' ? amount * 60 : amount };
}

/** A duration target: a number and a unit (minutes, hours, business days), stored as Target JSON. */
export function TargetInput({ label, value, onChange, error, hideLabel = false }: { label: string; value: Target; onChange: (t: Target) => void; error?: string; hideLabel?: boolean }) {
  const { amount, unit } = split(value);
  return (
    <Input.Wrapper label={hideLabel ? undefined : label} error={error} styles={{ label: { fontSize: 'var(--mantine-font-size-xs)' } }}>
      <Group gap={4} wrap="nowrap">
        <NumberInput
          aria-label={`${label}: amount`}
          min={1}
          value={amount}
          onChange={(v) => onChange(join(typeof v === 'number' ? v : 0, unit))}
          w={72}
          size="xs"
          hideControls
          error={!!error}
        />
        <Select
          aria-label={`${label}: unit`}
          size="xs"
          w={110}
          allowDeselect={false}
          data={[
            { value: 'minutes', label: 'minutes' },
            { value: 'hours', label: 'hours' },
            { value: 'business_days', label: 'business days' },
          ]}
          value={unit}
          onChange={(u) => u && onChange(join(amount, u as Unit))}
        />
      </Group>
    </Input.Wrapper>
  );
}
