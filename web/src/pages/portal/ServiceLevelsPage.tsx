import { Badge, Group, Paper, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconFileCertificate, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../api';
import { useCatalog, useClientContracts, useContract, usePriorityMatrix } from '../../api/pact-queries';
import type { Amendment, CatalogItem, Contract, ContractTerms, PriorityMatrixDocument, Target } from '../../api/pact-types';
import { targetsFor } from '../../../../src/domain/pact/targets-for';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NotFound } from '../../components/NotFound';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { TableSkeleton } from '../../components/TableSkeleton';
import { AmendmentDecisionButtons } from '../../components/pact/AmendmentDecisionButtons';
import { AmendmentTimeline } from '../../components/pact/AmendmentTimeline';
import { useGoalScopeOptions } from '../../components/pact/ContractGoalsSection';
import { AmendmentGoalChanges, GoalList, ResponsibilityList } from '../../components/pact/GoalsAndResponsibilities';
import { PriorityBadge } from '../../components/pact/PriorityBadge';
import { ScheduleLinks } from '../../components/pact/ScheduleLinks';
import { TermsSummary } from '../../components/pact/TermsSummary';
import { ContractScorecardsCard } from '../../components/goals/ContractScorecardsCard';
import { formatDate } from '../../labels';
import { categoryLabels, targetText } from '../../pact-labels';
import { useSignedIn } from '../../session';
import { currentContract } from '../staff/pact/ContractSection';

/** "My service levels": the client's contract in plain words, and amendments waiting for them. */
export function ServiceLevelsPage() {
  const { user } = useSignedIn();
  const contracts = useClientContracts(user.clientId ?? '');
  if (contracts.isPending) return <PageSkeleton />;
  if (contracts.isError) return <ErrorAlert error={contracts.error} title="Your service levels could not be loaded" onRetry={() => contracts.refetch()} />;
  const current = currentContract(contracts.data.filter((c) => c.status !== 'draft'));
  if (!current)
    return (
      <>
        <PageHeader title="My service levels" />
        <EmptyState icon={<IconFileCertificate size={24} />} title="No contract in force">
          When your service provider activates your contract, the response and resolution times you can expect appear here.
        </EmptyState>
      </>
    );
  return <ContractServiceLevels contractId={current.id} />;
}

/** A contract opened by address in the portal: the API answers 404 for other clients' contracts. */
export function PortalContractPage() {
  const { contractId = '' } = useParams();
  return <ContractServiceLevels contractId={contractId} />;
}

function PageSkeleton() {
  return (
    <Stack>
      <Skeleton height={28} width="40%" />
      <Skeleton height={120} />
      <Skeleton height={240} />
    </Stack>
  );
}

function ContractServiceLevels({ contractId }: { contractId: string }) {
  const { user } = useSignedIn();
  const contract = useContract(contractId);
  if (contract.isPending) return <PageSkeleton />;
  if (contract.isError) {
    if (contract.error instanceof ApiError && (contract.error.status === 404 || contract.error.status === 400)) return <NotFound what="contract" backTo="/portal/service-levels" backLabel="Go to My service levels" />;
    return <ErrorAlert error={contract.error} title="Your contract could not be loaded" onRetry={() => contract.refetch()} />;
  }
  const c = contract.data;
  const pending = c.pendingAmendments ?? (c.amendments ?? []).filter((a) => a.status === 'proposed');
  return (
    <>
      <PageHeader
        title="My service levels"
        description={`${c.name} · since ${formatDate(c.startsAt)}${c.endsAt ? ` until ${formatDate(c.endsAt)}` : ''}. How fast your service provider responds to and resolves your tickets.`}
      />
      <Stack gap="lg">
        {pending.length > 0 && <PendingAmendments contract={c} pending={pending} canDecide={user.role === 'client_admin'} signerName={user.name} />}
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <Group justify="space-between" gap="sm" wrap="wrap">
            <div style={{ flex: '1 1 16rem' }}>
              <Text fw={600}>Service Level Schedule</Text>
              <Text size="sm" c="dimmed">
                The signed document with every target below, to read online or keep as PDF.
              </Text>
            </div>
            <ScheduleLinks contractId={c.id} />
          </Group>
        </Paper>
        {user.role === 'client_admin' && <ContractScorecardsCard contractId={c.id} portal />}
        <SectionCard title="Your plan">{c.termsNow ? <TermsSummary terms={c.termsNow} /> : <Text size="sm">No terms are in force yet.</Text>}</SectionCard>
        {c.termsNow && <GoalsSection contract={c} terms={c.termsNow} />}
        {c.termsNow && <CatalogTurnaroundSection terms={c.termsNow} />}
        {(c.amendments ?? []).length > 0 && (
          <SectionCard title="History">
            <AmendmentTimeline amendments={c.amendments ?? []} />
          </SectionCard>
        )}
      </Stack>
    </>
  );
}

function PendingAmendments({ contract, pending, canDecide, signerName }: { contract: Contract; pending: Amendment[]; canDecide: boolean; signerName: string }) {
  const { siteNames } = useGoalScopeOptions(contract.clientId);
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-label="Pending amendments" style={{ borderColor: 'var(--mantine-color-yellow-5)' }}>
      <Group gap={8} mb="sm">
        <Title order={3} size="h4">
          Pending amendments
        </Title>
        <Badge color="yellow" variant="light" radius="sm">
          {pending.length}
        </Badge>
      </Group>
      <Stack gap="md">
        {pending.map((a) => (
          <Stack key={a.number} gap={6} data-testid={`pending-amendment-${a.number}`}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              #{a.number} · {a.summary}
            </Text>
            <Text size="sm" c="dimmed">
              Effective from {formatDate(a.effectiveAt)}, or from acceptance if that is later.
            </Text>
            <AmendmentGoalChanges amendment={a} currency={a.terms?.plan.price.currency ?? contract.termsNow?.plan.price.currency ?? 'EUR'} siteNames={siteNames} />
            <Group gap="xs" wrap="wrap">
              <ScheduleLinks contractId={contract.id} amendment={a.number} size="xs" />
              {canDecide ? (
                <AmendmentDecisionButtons contractId={contract.id} amendment={a} signerName={signerName} />
              ) : (
                <Text size="sm" c="dimmed">
                  Your client admin decides on amendments.
                </Text>
              )}
            </Group>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

/** The goals you and your provider agreed, and your own responsibilities, as the scorecard evaluates them. */
function GoalsSection({ contract, terms }: { contract: Contract; terms: ContractTerms }) {
  const { siteNames } = useGoalScopeOptions(contract.clientId);
  const goals = terms.goals ?? [];
  const responsibilities = terms.responsibilities ?? [];
  if (goals.length === 0 && responsibilities.length === 0) return null;
  return (
    <SectionCard title="Goals and your responsibilities">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Each goal is evaluated every period from the same tickets as the times above; your scorecard shows the figure, the outcome and any credit.
        </Text>
        <Stack gap="xs">
          <Title order={4} size="h5">
            Goals
          </Title>
          <GoalList goals={goals} currency={terms.plan.price.currency} siteNames={siteNames} />
        </Stack>
        <Stack gap="xs">
          <Title order={4} size="h5">
            Your responsibilities
          </Title>
          <ResponsibilityList responsibilities={responsibilities} empty="No responsibilities of yours are agreed." />
        </Stack>
      </Stack>
    </SectionCard>
  );
}

type Expected = { response?: Target; resolution?: Target; priority: string | null };

/** What a ticket for this catalog item gets under these terms, riders included (the same lookup the server does). */
function expectedFor(item: CatalogItem, terms: ContractTerms, matrix: PriorityMatrixDocument): Expected {
  try {
    const r = targetsFor({ terms, matrix, catalogItem: item, urgency: item.defaultUrgency, impact: item.defaultImpact });
    return { priority: r.priority, response: r.firstResponse.target, resolution: r.resolution.target };
  } catch {
    return { priority: null };
  }
}

function CatalogTurnaroundSection({ terms }: { terms: ContractTerms }) {
  const catalog = useCatalog();
  const matrix = usePriorityMatrix();
  const [search, setSearch] = useState('');
  const q = search.trim().toLowerCase();
  const items = (catalog.data ?? []).filter((i) => i.status !== 'retired' && (!q || i.name.toLowerCase().includes(q) || i.category.includes(q)));
  return (
    <SectionCard title="Common issues and what to expect">
      <TextInput aria-label="Search issues" placeholder="Search issues" leftSection={<IconSearch size={16} />} type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} mb="sm" maw={360} />
      {catalog.isPending || matrix.isPending ? (
        <TableSkeleton rows={4} />
      ) : catalog.isError ? (
        <ErrorAlert error={catalog.error} title="The catalog could not be loaded" onRetry={() => catalog.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No issue matches.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs" aria-label="Catalog" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Issue</Table.Th>
                <Table.Th>Priority</Table.Th>
                <Table.Th>First response</Table.Th>
                <Table.Th>Resolved</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => {
                const e = matrix.data ? expectedFor(item, terms, matrix.data) : { priority: null };
                return (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {item.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {categoryLabels[item.category]}
                        {item.deliveryMode === 'onsite' ? ' · on-site' : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>{e.priority ? <PriorityBadge priority={e.priority} /> : '—'}</Table.Td>
                    <Table.Td>{targetText(e.response)}</Table.Td>
                    <Table.Td>{targetText(e.resolution)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        In business time on your contract&apos;s calendar{terms.riders.length > 0 ? `, with ${terms.riders.map((r) => r.name).join(', ')} applied` : ''}. On-site visits add the travel time to your site.
      </Text>
    </SectionCard>
  );
}
