import { Anchor, Breadcrumbs, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFilePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../../api';
import { useCalendars, useContract, useInvalidateContracts } from '../../../api/pact-queries';
import type { Amendment, Contract } from '../../../api/pact-types';
import { useClient } from '../../../api/queries';
import { StatusBadge } from '../../../components/Badges';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { NotFound } from '../../../components/NotFound';
import { PageHeader } from '../../../components/PageHeader';
import { SectionCard } from '../../../components/SectionCard';
import { AmendmentTimeline } from '../../../components/pact/AmendmentTimeline';
import { ContractGoalsSection, type TermsProposal } from '../../../components/pact/ContractGoalsSection';
import { ScheduleLinks } from '../../../components/pact/ScheduleLinks';
import { TermsSummary } from '../../../components/pact/TermsSummary';
import { ContractCountsSection } from '../../../components/goals/ContractCountsSection';
import { ContractScorecardsCard } from '../../../components/goals/ContractScorecardsCard';
import { ReviewMeetingsSection } from '../../../components/meetings/ReviewMeetingsSection';
import { formatDate } from '../../../labels';
import { canWriteContracts, useSignedIn } from '../../../session';
import { ProposeAmendmentForm } from './ProposeAmendmentForm';

/** One contract: its terms in force, the amendment timeline, proposals and the schedule. */
export function ContractPage() {
  const { contractId = '' } = useParams();
  const { user } = useSignedIn();
  const contract = useContract(contractId);
  const canWrite = canWriteContracts(user.role);
  if (contract.isPending)
    return (
      <Stack>
        <Skeleton height={28} width="40%" />
        <Skeleton height={120} />
        <Skeleton height={220} />
      </Stack>
    );
  if (contract.isError) {
    if (contract.error instanceof ApiError && (contract.error.status === 404 || contract.error.status === 400)) return <NotFound what="contract" backTo="/clients" backLabel="Back to clients" />;
    return <ErrorAlert error={contract.error} title="The contract could not be loaded" onRetry={() => contract.refetch()} />;
  }
  return <ContractView contract={contract.data} canWrite={canWrite} />;
}

function ContractView({ contract, canWrite }: { contract: Contract; canWrite: boolean }) {
  const client = useClient(contract.clientId);
  const calendars = useCalendars();
  const invalidate = useInvalidateContracts();
  // The propose form, opened blank or on a goal or responsibility from the goals section.
  const [proposing, setProposing] = useState<{ initial?: TermsProposal } | null>(null);
  const open = () => setProposing({});
  const close = () => setProposing(null);
  const clientName = contract.clientName ?? client.data?.name ?? 'Client';
  const calendarName = (id: string) => calendars.data?.find((c) => c.id === id)?.name;
  const activate = async () => {
    await api.post(`/contracts/${contract.id}/activate`);
    notifications.show({ color: 'teal', message: `${contract.name} is active` });
    await invalidate();
  };
  const withdraw = async (a: Amendment) => {
    await api.post(`/contracts/${contract.id}/amendments/${a.number}/withdraw`);
    notifications.show({ color: 'teal', message: `Amendment ${a.number} withdrawn` });
    await invalidate();
  };
  const amendments = contract.amendments ?? [];
  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/clients">
          Clients
        </Anchor>
        <Anchor component={Link} to={`/clients/${contract.clientId}`} lineClamp={1}>
          {clientName}
        </Anchor>
        <Text size="sm" lineClamp={1}>
          Contract
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={contract.name}
        badge={<StatusBadge status={contract.status} />}
        description={`${clientName} · ${formatDate(contract.startsAt)} – ${contract.endsAt ? formatDate(contract.endsAt) : 'open-ended'}`}
        actions={
          <>
            {canWrite && contract.status === 'draft' && (
              <ConfirmButton
                color="teal"
                variant="filled"
                confirmColor="teal"
                title="Activate contract"
                message={
                  <>
                    Activate <strong>{contract.name}</strong>? The draft terms become amendment #1, &quot;Original agreement&quot;, accepted on behalf of the client by
                    you, in force from {formatDate(contract.startsAt)}.
                  </>
                }
                confirmLabel="Activate"
                onConfirm={activate}
              >
                Activate
              </ConfirmButton>
            )}
            {canWrite && contract.status === 'active' && (
              <Button leftSection={<IconFilePlus size={16} />} onClick={open}>
                Propose amendment
              </Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <div>
              <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                Service Level Schedule
              </Text>
              <Text size="sm" c="dimmed" mb="xs">
                The terms in force, per priority and catalog item, as the client reads them.
              </Text>
              <ScheduleLinks contractId={contract.id} />
            </div>
            {contract.termsNow && (
              <div>
                <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                  Business calendar
                </Text>
                <Text size="sm">{calendarName(contract.termsNow.calendarId) ?? '—'}</Text>
              </div>
            )}
          </SimpleGrid>
        </Paper>
        {contract.status !== 'draft' && <ContractScorecardsCard contractId={contract.id} />}
        <SectionCard title={contract.status === 'draft' ? 'Draft terms' : 'Terms in force now'}>
          {contract.termsNow ? <TermsSummary terms={contract.termsNow} calendarName={calendarName} /> : <Text size="sm" c="dimmed">No terms are in force yet.</Text>}
        </SectionCard>
        <ContractGoalsSection contract={contract} canWrite={canWrite} onPropose={(initial) => setProposing({ initial })} />
        {contract.status !== 'draft' && <ReviewMeetingsSection contractId={contract.id} canWrite={canWrite} />}
        {contract.status !== 'draft' && <ContractCountsSection contractId={contract.id} priceBasis={contract.termsNow?.plan.price.basis} canWrite={canWrite} />}
        <SectionCard title="Amendments" count={amendments.length}>
          {amendments.length === 0 ? (
            <Text size="sm" c="dimmed">
              {contract.status === 'draft' ? 'Activating the contract records the original agreement as amendment #1.' : 'No amendments yet.'}
            </Text>
          ) : (
            <AmendmentTimeline
              amendments={amendments}
              actions={(a) =>
                a.status === 'proposed' && (
                  <Group gap="xs" mt={4}>
                    <ScheduleLinks contractId={contract.id} amendment={a.number} size="xs" />
                    {canWrite && (
                      <ConfirmButton
                        size="xs"
                        title={`Withdraw amendment ${a.number}`}
                        message={<>Withdraw &quot;{a.summary}&quot;? The client can no longer accept it.</>}
                        confirmLabel="Withdraw"
                        onConfirm={() => withdraw(a)}
                      >
                        Withdraw
                      </ConfirmButton>
                    )}
                  </Group>
                )
              }
            />
          )}
        </SectionCard>
      </Stack>
      <FormModal opened={proposing !== null} onClose={close} title="Propose amendment" size="xl">
        <ProposeAmendmentForm contract={contract} onDone={close} initial={proposing?.initial} />
      </FormModal>
    </>
  );
}
