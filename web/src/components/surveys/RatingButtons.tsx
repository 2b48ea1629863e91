import { Button, Group, Stack, Text } from '@mantine/core';
import type { CsatScale } from '../../api/survey-types';

export type RatingScale = CsatScale | 'nps';

const CSAT: Record<CsatScale, Array<{ value: number; label: string; color: string }>> = {
  three: [
    { value: 3, label: 'Good', color: 'teal' },
    { value: 2, label: 'Okay', color: 'yellow' },
    { value: 1, label: 'Bad', color: 'red' },
  ],
  five: [
    { value: 5, label: '5 – Excellent', color: 'teal' },
    { value: 4, label: '4 – Good', color: 'teal' },
    { value: 3, label: '3 – Okay', color: 'yellow' },
    { value: 2, label: '2 – Poor', color: 'orange' },
    { value: 1, label: '1 – Very poor', color: 'red' },
  ],
};

/** The answers a scale offers, best first for CSAT, 0 to 10 for NPS. */
export function ratingOptions(scale: RatingScale): Array<{ value: number; label: string; color: string }> {
  if (scale === 'nps') return Array.from({ length: 11 }, (_, i) => ({ value: i, label: String(i), color: i >= 9 ? 'teal' : i >= 7 ? 'yellow' : 'red' }));
  return CSAT[scale];
}

/** How an answer reads: "Good", "4 – Good", "9". */
export function ratingLabel(scale: RatingScale, rating: number): string {
  return ratingOptions(scale).find((o) => o.value === rating)?.label ?? String(rating);
}

/**
 * One button per answer, in a labelled group; the chosen one is pressed (aria-pressed), so a
 * screen reader tells which answer stands.
 */
export function RatingButtons({ scale, value, onChange, disabled, question }: { scale: RatingScale; value: number | null; onChange: (rating: number) => void; disabled?: boolean; question: string }) {
  const options = ratingOptions(scale);
  return (
    <Stack gap={6}>
      <Group gap="xs" role="group" aria-label={question} wrap="wrap">
        {options.map((o) => (
          <Button
            key={o.value}
            type="button"
            size={scale === 'nps' ? 'sm' : 'md'}
            miw={scale === 'nps' ? 44 : undefined}
            px={scale === 'nps' ? 'xs' : undefined}
            color={o.color}
            variant={value === o.value ? 'filled' : 'default'}
            aria-pressed={value === o.value}
            disabled={disabled}
            onClick={() => onChange(o.value)}
          >
            {o.label}
          </Button>
        ))}
      </Group>
      {scale === 'nps' && (
        <Group justify="space-between" maw={11 * 52}>
          <Text size="xs" c="dimmed">
            0 = not at all likely
          </Text>
          <Text size="xs" c="dimmed">
            10 = extremely likely
          </Text>
        </Group>
      )}
    </Stack>
  );
}
