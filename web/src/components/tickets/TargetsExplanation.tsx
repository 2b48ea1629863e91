import { List, Text } from '@mantine/core';
import { SectionCard } from '../SectionCard';

/** Which rule gave each number (rule 1), shown to staff and clients alike. */
export function TargetsExplanation({ lines }: { lines: string[] }) {
  return (
    <SectionCard title="How the targets were set">
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          No targets apply to this ticket.
        </Text>
      ) : (
        <List size="sm" spacing={4} aria-label="Targets explanation">
          {lines.map((line, i) => (
            <List.Item key={i}>{line}</List.Item>
          ))}
        </List>
      )}
    </SectionCard>
  );
}
