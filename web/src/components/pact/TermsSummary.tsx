import { Badge, Group, List, Stack, Text } from '@mantine/core';
import type { ContractTerms } from '../../api/pact-types';
import { priceText, riderEffectText } from '../../pact-labels';
import { TermsTable } from './TermsTable';

/** The terms in force in plain words: the plan, its riders and the targets per priority. */
export function TermsSummary({ terms, calendarName }: { terms: ContractTerms; calendarName?: (id: string) => string | undefined }) {
  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="wrap">
        <Text size="sm">
          Plan <strong>{terms.plan.name}</strong>
        </Text>
        <Text size="sm" c="dimmed">
          · {priceText(terms.plan.price)}
        </Text>
        {terms.riders.map((r) => (
          <Badge key={r.riderId} variant="light" color="grape" radius="sm" style={{ minWidth: 'max-content' }}>
            + {r.name}
          </Badge>
        ))}
      </Group>
      {terms.riders.length > 0 && (
        <List size="sm" spacing={2}>
          {terms.riders.map((r) => (
            <List.Item key={r.riderId}>
              <strong>{r.name}</strong>: {riderEffectText(r.effect)} {priceText(r.price)}.
            </List.Item>
          ))}
        </List>
      )}
      <TermsTable terms={terms} calendarName={calendarName} />
      <Text size="xs" c="dimmed">
        Plan targets shown{terms.riders.length > 0 ? ' before riders' : ''}. {terms.plan.pausesStopResponse ? 'Waiting on the client pauses both clocks.' : 'Waiting on the client pauses the resolution clock only.'}
      </Text>
    </Stack>
  );
}
