import { List, Stack, Text, Title } from '@mantine/core';
import type { Agenda } from '../../api/meeting-types';

/** The agenda's sections in order; an empty one says why there is nothing to discuss. */
export function AgendaView({ agenda }: { agenda: Agenda | null }) {
  if (!agenda) return <Text size="sm" c="dimmed">The agenda has not been prepared yet.</Text>;
  return (
    <Stack gap="md">
      {agenda.sections.map((s) => (
        <section key={s.kind} aria-label={s.title}>
          <Title order={4} size="h5" mb={4}>
            {s.title}
          </Title>
          {s.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {s.empty}
            </Text>
          ) : (
            <List size="sm" spacing={4}>
              {s.items.map((i, n) => (
                <List.Item key={n}>
                  {i.text}
                  {i.detail && (
                    <Text size="xs" c="dimmed">
                      {i.detail}
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          )}
        </section>
      ))}
      <Text size="xs" c="dimmed">
        Prepared {new Date(agenda.builtAt).toLocaleString()}
      </Text>
    </Stack>
  );
}
