import { Badge, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage } from '../../../api';
import { pactKeys, usePriorityMatrix } from '../../../api/pact-queries';
import type { PriorityMatrix } from '../../../api/pact-types';
import { ErrorAlert, FormError } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { canAdminister, useSignedIn } from '../../../session';

/** Urgency x impact -> priority; owners and admins change a cell with its Select. */
export function PriorityMatrixPage() {
  const { user } = useSignedIn();
  const canEdit = canAdminister(user.role);
  const matrix = usePriorityMatrix();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const change = async (m: PriorityMatrix, urgency: string, impact: string, priority: string) => {
    setError(null);
    const { version, ...rest } = m;
    const doc = { urgencies: rest.urgencies, impacts: rest.impacts, priorities: rest.priorities, cells: { ...rest.cells, [urgency]: { ...rest.cells[urgency], [impact]: priority } } };
    try {
      const saved = await api.put<PriorityMatrix>('/priority-matrix', doc, version);
      queryClient.setQueryData(pactKeys.matrix, saved);
      notifications.show({ color: 'teal', message: `Urgency ${urgency}, impact ${impact} is now ${priority}` });
    } catch (e) {
      setError(errorMessage(e));
      await queryClient.invalidateQueries({ queryKey: pactKeys.matrix });
    }
  };
  return (
    <>
      <PageHeader title="Priority matrix" description="How urgent and how wide an issue is decides its priority, and the priority its targets." />
      {matrix.isPending ? (
        <TableSkeleton rows={4} />
      ) : matrix.isError ? (
        <ErrorAlert error={matrix.error} title="The matrix could not be loaded" onRetry={() => matrix.refetch()} />
      ) : (
        <Stack>
          <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
            <FormError message={error} />
            <Table.ScrollContainer minWidth={640}>
              <Table aria-label="Priority matrix" withColumnBorders verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Urgency \ impact</Table.Th>
                    {matrix.data.impacts.map((i) => (
                      <Table.Th key={i.key}>{i.name}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {matrix.data.urgencies.map((u) => (
                    <Table.Tr key={u.key}>
                      <Table.Th scope="row"><Text size="sm" fw={600}>{u.name}</Text></Table.Th>
                      {matrix.data.impacts.map((i) => {
                        const p = matrix.data.cells[u.key]?.[i.key] ?? '';
                        const colour = matrix.data.priorities.find((x) => x.key === p)?.colour ?? '#999';
                        return (
                          <Table.Td key={i.key} style={{ background: `color-mix(in srgb, ${colour} 18%, white)` }}>
                            {canEdit ? (
                              <Select
                                aria-label={`Priority for urgency ${u.name}, impact ${i.name}`}
                                size="xs"
                                allowDeselect={false}
                                data={matrix.data.priorities.map((x) => ({ value: x.key, label: `${x.key} · ${x.name}` }))}
                                value={p}
                                onChange={(v) => v && v !== p && change(matrix.data, u.key, i.key, v)}
                              />
                            ) : (
                              <Badge color={colour} variant="filled" radius="sm">{p}</Badge>
                            )}
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <Group gap="sm">
            {matrix.data.priorities.map((p) => (
              <Badge key={p.key} color={p.colour} variant="filled" radius="sm">{p.key} · {p.name}</Badge>
            ))}
          </Group>
        </Stack>
      )}
    </>
  );
}
