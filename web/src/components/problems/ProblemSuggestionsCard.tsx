import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconRepeat } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useProblemSuggestions } from '../../api/journey-queries';
import type { ProblemSuggestion } from '../../api/journey-types';
import { SectionCard } from '../SectionCard';
import { formatDay } from '../journey/journey-format';
import { ticketRef } from './problem-format';

export function suggestionTitle(s: ProblemSuggestion): string {
  const what = s.catalogItem?.name ?? 'Tickets without a catalog item';
  return s.site ? `${what} at ${s.site.name}` : what;
}

/** Groups of recurring tickets (same catalog item and site within 90 days) not yet in a problem. */
export function ProblemSuggestionsCard({ clientId, onCreate }: { clientId?: string; onCreate: (s: ProblemSuggestion) => void }) {
  const suggestions = useProblemSuggestions(clientId);
  if (!suggestions.isSuccess || suggestions.data.length === 0) return null;
  return (
    <SectionCard title="Recurring tickets" count={suggestions.data.length}>
      <Text size="sm" c="dimmed" mb="sm">
        Three or more tickets of one client with the same catalog item and site within 90 days, not linked to a problem yet. One problem record can explain them.
      </Text>
      <Stack gap="xs">
        {suggestions.data.map((s, i) => (
          <Paper key={`${s.clientId}-${s.catalogItem?.id ?? 'none'}-${s.site?.id ?? 'none'}-${i}`} withBorder radius="sm" p="sm" component="article" aria-label={suggestionTitle(s)}>
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
              <Stack gap={4} style={{ minWidth: 0, flex: '1 1 20rem' }}>
                <Group gap={6}>
                  <IconRepeat size={16} aria-hidden />
                  <Text fw={600} size="sm">
                    {suggestionTitle(s)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    · {s.tickets.length} tickets{s.client ? ` · ${s.client.name}` : ''}
                  </Text>
                </Group>
                <Group gap="xs" wrap="wrap">
                  {s.tickets.map((t) => (
                    <Anchor key={t.id} component={Link} to={`/tickets/${t.id}`} size="sm" title={`${t.subject}, opened ${formatDay(t.createdAt)}`}>
                      {ticketRef(t)} {t.subject}
                    </Anchor>
                  ))}
                </Group>
              </Stack>
              <Button size="xs" variant="light" onClick={() => onCreate(s)}>
                Turn into a problem
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
    </SectionCard>
  );
}
