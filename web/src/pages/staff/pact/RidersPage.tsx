import { Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconPuzzle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api';
import { pactKeys, useRiders } from '../../../api/pact-queries';
import type { PriceBasis, Rider, RiderEffect } from '../../../api/pact-types';
import { StatusBadge } from '../../../components/Badges';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert, FormError } from '../../../components/ErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { PageHeader } from '../../../components/PageHeader';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { useApiForm } from '../../../components/useApiForm';
import { priceBasisOptions, priceText, riderEffectText } from '../../../pact-labels';
import { canAdminister, useSignedIn } from '../../../session';

/** Add-ons to a plan (Premium Response...): what they do to targets and what they cost. */
export function RidersPage() {
  const { user } = useSignedIn();
  const canEdit = canAdminister(user.role);
  const riders = useRiders();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Rider | null>(null);
  const [opened, { open, close }] = useDisclosure(false);
  const start = (r: Rider | null) => {
    setEditing(r);
    open();
  };
  const newButton = canEdit && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => start(null)}>
      New rider
    </Button>
  );
  const retire = async (r: Rider) => {
    await api.post(`/riders/${r.id}/retire`);
    notifications.show({ color: 'teal', message: `${r.name} retired` });
    await queryClient.invalidateQueries({ queryKey: pactKeys.riders });
  };
  return (
    <>
      <PageHeader title="Riders" description="Add-ons a client can buy or drop at any time during a contract." actions={newButton} />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        {riders.isPending ? (
          <TableSkeleton rows={2} />
        ) : riders.isError ? (
          <ErrorAlert error={riders.error} title="The riders could not be loaded" onRetry={() => riders.refetch()} />
        ) : riders.data.length === 0 ? (
          <EmptyState icon={<IconPuzzle size={24} />} title="No riders yet" action={newButton}>
            Premium Response, for instance: faster targets for a fee.
          </EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing="sm" aria-label="Riders">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Rider</Table.Th>
                  <Table.Th>Effect</Table.Th>
                  <Table.Th>Price</Table.Th>
                  {canEdit && <Table.Th w={150}><span className="sp-visually-hidden">Actions</span></Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {riders.data.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Group gap={6}>
                        <Text size="sm" fw={500}>{r.name}</Text>
                        {r.status === 'retired' && <StatusBadge status="retired" />}
                      </Group>
                      {r.description && <Text size="xs" c="dimmed" lineClamp={2}>{r.description}</Text>}
                    </Table.Td>
                    <Table.Td><Text size="sm">{riderEffectText(r.effect)}</Text></Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{priceText(r.price)}</Table.Td>
                    {canEdit && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          <Button size="xs" variant="subtle" onClick={() => start(r)} aria-label={`Edit ${r.name}`}>Edit</Button>
                          {r.status === 'active' && (
                            <ConfirmButton size="xs" title="Retire rider" message={<>Retire <strong>{r.name}</strong>? Contracts that have it keep it; it can no longer be added.</>} confirmLabel="Retire rider" onConfirm={() => retire(r)}>
                              Retire
                            </ConfirmButton>
                          )}
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <FormModal opened={opened} onClose={close} title={editing ? 'Edit rider' : 'New rider'} size="lg">
        <RiderForm rider={editing} onDone={close} />
      </FormModal>
    </>
  );
}

type Values = { name: string; description: string; factorPercent: number; floorMinutes: number; amount: number; currency: string; basis: PriceBasis };

function RiderForm({ rider, onDone }: { rider: Rider | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const scale = rider?.effect.kind === 'scale' ? rider.effect : null;
  const [v, setV] = useState<Values>({
    name: rider?.name ?? '',
    description: rider?.description ?? '',
    factorPercent: scale?.factorPercent ?? 50,
    floorMinutes: scale?.floorMinutes ?? 15,
    amount: (rider?.price.amountMinor ?? 0) / 100,
    currency: rider?.price.currency ?? 'EUR',
    basis: rider?.price.basis ?? 'per_user',
  });
  const keepsReplace = rider?.effect.kind === 'replace';
  const form = useApiForm({
    fieldNames: ['name', 'description', 'effect', 'effect.factorPercent', 'effect.floorMinutes', 'price.amountMinor', 'price.currency'],
    mutationFn: (x: Values) => {
      const effect: RiderEffect = keepsReplace && rider ? rider.effect : { kind: 'scale', factorPercent: x.factorPercent, floorMinutes: x.floorMinutes };
      const body = { name: x.name.trim(), description: x.description, effect, price: { amountMinor: Math.round(x.amount * 100), currency: x.currency, basis: x.basis } };
      return rider ? api.put<Rider>(`/riders/${rider.id}`, body, rider.version) : api.post<Rider>('/riders', body);
    },
    onSuccess: async (saved) => {
      notifications.show({ color: 'teal', message: rider ? `${saved.name} saved` : `Rider ${saved.name} created` });
      await queryClient.invalidateQueries({ queryKey: pactKeys.riders });
      onDone();
    },
  });
  const set = <K extends keyof Values>(k: K, val: Values[K], field: string = k) => {
    setV({ ...v, [k]: val });
    form.touch(field);
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); form.mutation.mutate(v); }}>
      <Stack>
        <TextInput label="Name" required data-autofocus value={v.name} error={form.fieldError('name')} onChange={(e) => set('name', e.currentTarget.value)} />
        <Textarea label="Description" autosize minRows={2} value={v.description} onChange={(e) => set('description', e.currentTarget.value)} />
        {keepsReplace ? (
          <Text size="sm" c="dimmed">{rider && riderEffectText(rider.effect)} Replacement targets are edited through the API.</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <NumberInput label="Targets become" description="Percent of the plan's target" suffix=" %" min={1} max={100} value={v.factorPercent} error={form.fieldError('effect.factorPercent')} onChange={(x) => set('factorPercent', typeof x === 'number' ? x : 0, 'effect.factorPercent')} />
            <NumberInput label="But never below" description="Minutes" suffix=" min" min={0} value={v.floorMinutes} error={form.fieldError('effect.floorMinutes')} onChange={(x) => set('floorMinutes', typeof x === 'number' ? x : 0, 'effect.floorMinutes')} />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <NumberInput label="Price" min={0} decimalScale={2} fixedDecimalScale value={v.amount} error={form.fieldError('price.amountMinor')} onChange={(x) => set('amount', typeof x === 'number' ? x : 0, 'price.amountMinor')} />
          <TextInput label="Currency" maxLength={3} value={v.currency} error={form.fieldError('price.currency')} onChange={(e) => set('currency', e.currentTarget.value.toUpperCase(), 'price.currency')} />
          <Select label="Basis" allowDeselect={false} data={priceBasisOptions} value={v.basis} onChange={(x) => x && set('basis', x as PriceBasis)} />
        </SimpleGrid>
        <FormError message={form.formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={form.mutation.isPending}>{rider ? 'Save rider' : 'Create rider'}</Button>
        </Group>
      </Stack>
    </form>
  );
}
