import { Button, Group, NumberInput, SegmentedControl, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api';
import { contractPath, goalKeys } from '../../api/goal-queries';
import type { PriceBasis } from '../../api/pact-types';
import { formatCivilDate, formatDateTime } from '../../labels';
import { FormError } from '../ErrorAlert';
import { FormModal } from '../FormModal';
import { SectionCard } from '../SectionCard';
import { useApiForm } from '../useApiForm';

type CountKind = 'users' | 'devices';
type CountRecord = { id: string; kind: CountKind; count: number; effectiveFrom: string; note: string; recordedBy: { id: string; name: string } | null; recordedAt: string };
type CountInput = { kind: CountKind; count: number; effectiveFrom: string; note?: string };

const KIND_WORDS: Record<CountKind, string> = { users: 'Users', devices: 'Devices' };

const countsKey = (contractId: string) => [...goalKeys.contract(contractId), 'counts'] as const;

function useCounts(contractId: string) {
  return useQuery({
    queryKey: countsKey(contractId),
    queryFn: async () => (await api.get<{ items: CountRecord[] }>(`${contractPath(contractId)}/counts`)).items,
  });
}

/** The plan bills per user or per device: which count matters (flat fees need none). */
function countKindFor(basis: PriceBasis | undefined): CountKind | null {
  if (basis === 'per_user') return 'users';
  if (basis === 'per_device') return 'devices';
  return null;
}

/**
 * User and device counts of a contract: per-user and per-device plan fees bill the latest count
 * effective on or before a month's last day, so the statement needs them recorded here.
 */
export function ContractCountsSection({ contractId, priceBasis, canWrite }: { contractId: string; priceBasis: PriceBasis | undefined; canWrite: boolean }) {
  const counts = useCounts(contractId);
  const [adding, setAdding] = useState(false);
  const billed = countKindFor(priceBasis);
  const rows = [...(counts.data ?? [])].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.recordedAt.localeCompare(a.recordedAt));
  const missing = billed !== null && !rows.some((r) => r.kind === billed);
  return (
    <SectionCard
      title="User and device counts"
      count={rows.length}
      actions={
        canWrite && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
            Record count
          </Button>
        )
      }
    >
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {billed
            ? `The plan is billed per ${billed === 'users' ? 'user' : 'device'}: each month's statement uses the latest ${billed === 'users' ? 'user' : 'device'} count effective on or before the month's last day.`
            : 'The plan has a flat fee; counts are kept for the record and for per-unit riders.'}
        </Text>
        {missing && (
          <Text size="sm" c="orange.8">
            No {billed === 'users' ? 'user' : 'device'} count is recorded yet: statements show the plan fee as 0 with a warning until one is.
          </Text>
        )}
        {counts.isError ? (
          <FormError message="The counts could not be loaded." />
        ) : rows.length === 0 ? (
          !missing && (
            <Text size="sm" c="dimmed">
              No counts recorded.
            </Text>
          )
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table striped verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Effective from</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th ta="right">Count</Table.Th>
                  <Table.Th>Note</Table.Th>
                  <Table.Th>Recorded</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{formatCivilDate(r.effectiveFrom)}</Table.Td>
                    <Table.Td>{KIND_WORDS[r.kind]}</Table.Td>
                    <Table.Td ta="right">{r.count.toLocaleString('en')}</Table.Td>
                    <Table.Td>{r.note || '—'}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {r.recordedBy?.name ?? 'Unknown'}, {formatDateTime(r.recordedAt)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <FormModal opened={adding} onClose={() => setAdding(false)} title="Record a count">
        <RecordCountForm contractId={contractId} initialKind={billed ?? 'users'} onDone={() => setAdding(false)} />
      </FormModal>
    </SectionCard>
  );
}

function RecordCountForm({ contractId, initialKind, onDone }: { contractId: string; initialKind: CountKind; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<CountKind>(initialKind);
  const [count, setCount] = useState<number | string>('');
  const [effectiveFrom, setEffectiveFrom] = useState(new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState('');
  const form = useApiForm({
    fieldNames: ['kind', 'count', 'effectiveFrom', 'note'],
    mutationFn: (input: CountInput) => api.post<CountRecord>(`${contractPath(contractId)}/counts`, input),
    onSuccess: async (r) => {
      notifications.show({ color: 'teal', message: `${KIND_WORDS[r.kind]}: ${r.count.toLocaleString('en')} from ${formatCivilDate(r.effectiveFrom)} recorded` });
      await queryClient.invalidateQueries({ queryKey: goalKeys.contract(contractId) });
      onDone();
    },
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // An empty number goes to the server as a string so the answer names the field.
        form.mutation.mutate({ kind, count: count === '' ? (count as unknown as number) : Number(count), effectiveFrom, ...(note.trim() ? { note: note.trim() } : {}) });
      }}
    >
      <Stack>
        <div>
          <Text size="sm" fw={500} mb={4} id="count-kind-label">
            What is counted
          </Text>
          <SegmentedControl
            aria-labelledby="count-kind-label"
            value={kind}
            onChange={(v) => setKind(v as CountKind)}
            data={[
              { value: 'users', label: 'Users' },
              { value: 'devices', label: 'Devices' },
            ]}
          />
        </div>
        <NumberInput
          label="Count"
          description="Whole number as of the date below."
          min={0}
          allowDecimal={false}
          thousandSeparator=","
          value={count}
          onChange={(v) => {
            setCount(v);
            form.touch('count');
          }}
          error={form.fieldError('count')}
          required
          data-autofocus
        />
        <TextInput
          type="date"
          label="Effective from"
          description="The count applies from this day until a later one is recorded."
          value={effectiveFrom}
          onChange={(e) => {
            setEffectiveFrom(e.currentTarget.value);
            form.touch('effectiveFrom');
          }}
          error={form.fieldError('effectiveFrom')}
          required
        />
        <Textarea label="Note" description="Optional: where the figure comes from (an RMM export, the client's HR list...)." autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={form.fieldError('note')} />
        <FormError message={form.formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={form.mutation.isPending}>
            Record
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
