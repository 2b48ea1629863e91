import { Anchor, Badge, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFileCertificate, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../api';
import { useCalendars, useClientContracts, useContract, useInvalidateContracts, usePlans } from '../../../api/pact-queries';
import type { Contract, ContractTerms } from '../../../api/pact-types';
import { StatusBadge } from '../../../components/Badges';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert, FormError } from '../../../components/ErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { SectionCard } from '../../../components/SectionCard';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { TermsSummary } from '../../../components/pact/TermsSummary';
import { useApiForm } from '../../../components/useApiForm';
import { formatDate } from '../../../labels';
import { localInputToIso } from './date-inputs';

/** The contract a client has now (active, else the newest draft). */
export function currentContract(contracts: Contract[]): Contract | undefined {
  return contracts.find((c) => c.status === 'active') ?? [...contracts].filter((c) => c.status === 'draft').sort((a, b) => b.startsAt.localeCompare(a.startsAt))[0];
}

/** On the client page: the client's contracts, a draft form, activation and the terms in force. */
export function ContractSection({ clientId, clientName, canWrite }: { clientId: string; clientName: string; canWrite: boolean }) {
  const contracts = useClientContracts(clientId);
  const [creating, { open, close }] = useDisclosure(false);
  const navigate = useNavigate();
  const newButton = canWrite && (
    <Button size="sm" variant="light" leftSection={<IconPlus size={16} />} onClick={open}>
      New contract
    </Button>
  );
  const list = contracts.data ?? [];
  const current = currentContract(list);
  return (
    <SectionCard title="Contract" count={list.length > 1 ? list.length : undefined} actions={list.length ? newButton : null}>
      {contracts.isPending ? (
        <TableSkeleton rows={2} />
      ) : contracts.isError ? (
        <ErrorAlert error={contracts.error} title="The contracts could not be loaded" onRetry={() => contracts.refetch()} />
      ) : list.length === 0 ? (
        <EmptyState icon={<IconFileCertificate size={24} />} title="No contract yet" action={newButton}>
          A contract fixes the plan, riders and business calendar that every ticket of {clientName} is measured by.
        </EmptyState>
      ) : (
        <Stack gap="md">
          {current && <CurrentContract contract={current} canWrite={canWrite} />}
          {list.length > 1 && <ContractList contracts={list} />}
        </Stack>
      )}
      <FormModal opened={creating} onClose={close} title="New contract" size="lg">
        <ContractDraftForm clientId={clientId} clientName={clientName} onDone={close} onCreated={(c) => navigate(`/contracts/${c.id}`)} />
      </FormModal>
    </SectionCard>
  );
}

function ContractList({ contracts }: { contracts: Contract[] }) {
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing="xs" aria-label="Contracts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Contract</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Period</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contracts.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/contracts/${c.id}`} size="sm">
                  {c.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={c.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDate(c.startsAt)} – {c.endsAt ? formatDate(c.endsAt) : 'open-ended'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CurrentContract({ contract, canWrite }: { contract: Contract; canWrite: boolean }) {
  const detail = useContract(contract.id);
  const calendars = useCalendars();
  const invalidate = useInvalidateContracts();
  const calendarName = (id: string) => calendars.data?.find((c) => c.id === id)?.name;
  const activate = async () => {
    await api.post(`/contracts/${contract.id}/activate`);
    notifications.show({ color: 'teal', message: `${contract.name} is active` });
    await invalidate();
  };
  const pending = detail.data?.pendingAmendments?.length ?? 0;
  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/contracts/${contract.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {contract.name}
          </Anchor>
          <StatusBadge status={contract.status} />
          {pending > 0 && (
            <Badge color="yellow" variant="light" radius="sm">
              {pending} pending
            </Badge>
          )}
          <Text size="sm" c="dimmed">
            {formatDate(contract.startsAt)} – {contract.endsAt ? formatDate(contract.endsAt) : 'open-ended'}
          </Text>
        </Group>
        <Group gap="xs">
          {canWrite && contract.status === 'draft' && (
            <ConfirmButton
              color="teal"
              variant="filled"
              confirmColor="teal"
              title="Activate contract"
              message={
                <>
                  Activate <strong>{contract.name}</strong>? The draft terms become amendment #1, &quot;Original agreement&quot;, accepted on behalf of the client
                  by you, and are in force from {formatDate(contract.startsAt)}. Later changes need an amendment the client accepts.
                </>
              }
              confirmLabel="Activate"
              onConfirm={activate}
            >
              Activate
            </ConfirmButton>
          )}
          <Button component={Link} to={`/contracts/${contract.id}`} variant="default" size="sm">
            Open contract
          </Button>
        </Group>
      </Group>
      {detail.isPending ? (
        <TableSkeleton rows={4} />
      ) : detail.isError ? (
        <ErrorAlert error={detail.error} title="The terms could not be loaded" onRetry={() => detail.refetch()} />
      ) : detail.data.termsNow ? (
        <>
          <Text size="sm" fw={600}>
            {contract.status === 'draft' ? 'Draft terms' : 'Terms in force now'}
          </Text>
          <TermsSummary terms={detail.data.termsNow} calendarName={calendarName} />
          <GoalsLine terms={detail.data.termsNow} contractId={contract.id} />
        </>
      ) : (
        <Text size="sm" c="dimmed">
          No terms are in force yet.
        </Text>
      )}
    </Stack>
  );
}

/** "2 goals (Fast answers, Few reopens) and 1 client responsibility", linking to the contract where they are edited. */
function GoalsLine({ terms, contractId }: { terms: ContractTerms; contractId: string }) {
  const goals = terms.goals ?? [];
  const responsibilities = terms.responsibilities ?? [];
  if (goals.length === 0 && responsibilities.length === 0) return null;
  const goalText = goals.length ? `${goals.length} goal${goals.length === 1 ? '' : 's'} (${goals.map((g) => g.objective).join(', ')})` : 'no goals';
  const respText = responsibilities.length ? `${responsibilities.length} client responsibilit${responsibilities.length === 1 ? 'y' : 'ies'}` : 'no client responsibilities';
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
      {goalText.charAt(0).toUpperCase() + goalText.slice(1)} and {respText}.{' '}
      <Anchor component={Link} to={`/contracts/${contractId}`} size="sm">
        See them on the contract
      </Anchor>
    </Text>
  );
}

type DraftValues = { name: string; planId: string | null; calendarId: string | null; startsAt: string; endsAt: string };

const today = () => new Date().toISOString().slice(0, 10);

export function ContractDraftForm({ clientId, clientName, onDone, onCreated }: { clientId: string; clientName: string; onDone: () => void; onCreated: (c: Contract) => void }) {
  const plans = usePlans();
  const calendars = useCalendars();
  const invalidate = useInvalidateContracts();
  const [values, setValues] = useState<DraftValues>({ name: `${clientName} service agreement`, planId: null, calendarId: null, startsAt: today(), endsAt: '' });
  const form = useApiForm({
    fieldNames: ['name', 'planId', 'calendarId', 'startsAt', 'endsAt'],
    mutationFn: (v: DraftValues) =>
      api.post<Contract>('/contracts', {
        clientId,
        name: v.name.trim(),
        planId: v.planId ?? '',
        ...(v.calendarId ? { calendarId: v.calendarId } : {}),
        startsAt: localInputToIso(v.startsAt),
        ...(v.endsAt ? { endsAt: localInputToIso(v.endsAt) } : {}),
      }),
    onSuccess: async (c) => {
      notifications.show({ color: 'teal', message: `Draft ${c.name} created` });
      await invalidate();
      onDone();
      onCreated(c);
    },
  });
  const set = <K extends keyof DraftValues>(k: K, v: DraftValues[K]) => {
    setValues({ ...values, [k]: v });
    form.touch(k);
  };
  const activePlans = (plans.data ?? []).filter((p) => p.status !== 'retired');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        form.mutation.mutate(values);
      }}
    >
      <Stack>
        <TextInput label="Name" required value={values.name} error={form.fieldError('name')} onChange={(e) => set('name', e.currentTarget.value)} />
        <Select
          label="Plan"
          required
          data-autofocus
          placeholder={plans.isPending ? 'Loading plans…' : 'Pick a plan'}
          data={activePlans.map((p) => ({ value: p.id, label: p.name }))}
          value={values.planId}
          onChange={(v) => set('planId', v)}
          error={form.fieldError('planId')}
          nothingFoundMessage="No plans yet"
        />
        <Select
          label="Business calendar"
          description="Empty: business hours in the time zone of the client's main site"
          clearable
          data={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={values.calendarId}
          onChange={(v) => set('calendarId', v)}
          error={form.fieldError('calendarId')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label="Starts" type="date" required value={values.startsAt} error={form.fieldError('startsAt')} onChange={(e) => set('startsAt', e.currentTarget.value)} />
          <TextInput label="Ends" description="Empty: open-ended" type="date" value={values.endsAt} error={form.fieldError('endsAt')} onChange={(e) => set('endsAt', e.currentTarget.value)} />
        </SimpleGrid>
        <FormError message={form.formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={form.mutation.isPending}>
            Create draft
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
