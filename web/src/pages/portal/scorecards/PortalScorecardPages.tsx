import { Anchor, Breadcrumbs, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconChartLine, IconFileCertificate, IconPresentation, IconPrinter } from '@tabler/icons-react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../api';
import { useReviewPack, useScorecard, useScorecards, useStatement } from '../../../api/goal-queries';
import { useClientContracts } from '../../../api/pact-queries';
import type { Contract } from '../../../api/pact-types';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ScorecardStatusBadge } from '../../../components/goals/GoalBadges';
import { periodLabel } from '../../../components/goals/goal-format';
import { portalGoalPaths } from '../../../components/goals/goal-paths';
import { ReviewPackSkeleton, ReviewPackView } from '../../../components/goals/ReviewPackView';
import { ScorecardList } from '../../../components/goals/ScorecardList';
import { ScorecardSkeleton, ScorecardView } from '../../../components/goals/ScorecardView';
import { StatementView } from '../../../components/goals/StatementView';
import { usePrintable } from '../../../components/goals/usePrintable';
import { NotFound } from '../../../components/NotFound';
import { PageHeader } from '../../../components/PageHeader';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { formatDate } from '../../../labels';
import { useSignedIn } from '../../../session';
import { currentContract } from '../../staff/pact/ContractSection';

const notFound = (e: unknown) => e instanceof ApiError && (e.status === 404 || e.status === 400);

/** The client's contracts that scorecards can exist for (drafts never have one). */
function useSignedContracts() {
  const { user } = useSignedIn();
  const contracts = useClientContracts(user.clientId ?? '');
  const signed = (contracts.data ?? []).filter((c) => c.status !== 'draft');
  return { query: contracts, signed };
}

function Crumbs({ contractId, trail }: { contractId: string; trail: Array<{ label: string; to?: string }> }) {
  const items = [{ label: 'Scorecards', to: portalGoalPaths(contractId).list }, ...trail];
  return (
    <Breadcrumbs mb="xs" fz="sm" className="sp-no-print">
      {items.map((i, n) =>
        i.to && n < items.length - 1 ? (
          <Anchor key={n} component={Link} to={i.to}>
            {i.label}
          </Anchor>
        ) : (
          <Text key={n} size="sm">
            {i.label}
          </Text>
        ),
      )}
    </Breadcrumbs>
  );
}

/** "Scorecards" in the portal: the contract in force, or the one chosen when there are several. */
export function PortalScorecardsPage() {
  const { contractId } = useParams();
  const { query, signed } = useSignedContracts();
  if (query.isPending)
    return (
      <>
        <PageHeader title="Scorecards" />
        <TableSkeleton rows={3} />
      </>
    );
  if (query.isError) return <ErrorAlert error={query.error} title="Your contracts could not be loaded" onRetry={() => query.refetch()} />;
  const chosen = contractId ? signed.find((c) => c.id === contractId) : currentContract(signed);
  if (!chosen && contractId) return <NotFound what="contract" backTo="/portal/scorecards" backLabel="Go to Scorecards" />;
  if (!chosen)
    return (
      <>
        <PageHeader title="Scorecards" />
        <EmptyState icon={<IconFileCertificate size={24} />} title="No contract in force">
          Scorecards measure the goals in your contract. They appear here once your contract is active and its first month has been reviewed.
        </EmptyState>
      </>
    );
  return <PortalScorecardList contract={chosen} contracts={signed} />;
}

function PortalScorecardList({ contract, contracts }: { contract: Contract; contracts: Contract[] }) {
  const navigate = useNavigate();
  const list = useScorecards(contract.id);
  const paths = portalGoalPaths(contract.id);
  return (
    <>
      <PageHeader
        title="Scorecards"
        description="How your service provider did against the goals in your contract, month by month, with the tickets behind every figure. A month appears here once your service provider has finalised it."
        actions={
          <Button component={Link} to={paths.reviewPack} variant="default" leftSection={<IconPresentation size={16} />}>
            Review pack
          </Button>
        }
      />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          {contracts.length > 1 && (
            <Select
              label="Contract"
              w={360}
              allowDeselect={false}
              value={contract.id}
              data={contracts.map((c) => ({ value: c.id, label: `${c.name} (${formatDate(c.startsAt)}${c.endsAt ? ` – ${formatDate(c.endsAt)}` : ''})` }))}
              onChange={(v) => v && navigate(portalGoalPaths(v).list)}
            />
          )}
          {list.isPending ? (
            <TableSkeleton rows={3} />
          ) : list.isError ? (
            <ErrorAlert error={list.error} title="The scorecards could not be loaded" onRetry={() => list.refetch()} />
          ) : (
            <ScorecardList items={list.data} paths={paths} emptyText="The first one is prepared after the month ends, and appears here once your service provider has reviewed and finalised it." />
          )}
        </Stack>
      </Paper>
    </>
  );
}

/** A final scorecard, read-only, with the tickets behind each goal. */
export function PortalScorecardPage() {
  const { contractId = '', periodKey = '' } = useParams();
  const [search] = useSearchParams();
  const revision = Number(search.get('revision')) || null;
  const scorecard = useScorecard(contractId, periodKey, revision);
  const paths = portalGoalPaths(contractId);
  const month = periodLabel(periodKey);
  usePrintable();
  const crumbs = <Crumbs contractId={contractId} trail={[{ label: month }]} />;
  if (scorecard.isPending)
    return (
      <>
        {crumbs}
        <ScorecardSkeleton />
      </>
    );
  if (scorecard.isError)
    return (
      <>
        {crumbs}
        {notFound(scorecard.error) ? (
          <EmptyState
            icon={<IconChartLine size={24} />}
            title={`No scorecard for ${month} yet`}
            action={
              <Button component={Link} to={paths.list} variant="default">
                All scorecards
              </Button>
            }
          >
            The scorecard of a month appears once your service provider has reviewed and finalised it.
          </EmptyState>
        ) : (
          <ErrorAlert error={scorecard.error} title="The scorecard could not be loaded" onRetry={() => scorecard.refetch()} />
        )}
      </>
    );
  const s = scorecard.data;
  return (
    <>
      {crumbs}
      <PageHeader
        title={`Scorecard · ${month}`}
        badge={
          <Group gap={6} wrap="nowrap">
            <ScorecardStatusBadge status={s.status} />
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              Revision {s.revision}
            </Text>
          </Group>
        }
        description="Open a goal to see the tickets behind its figure."
      />
      <ScorecardView contractId={contractId} scorecard={s} paths={paths} portal />
    </>
  );
}

/** The month's statement with its downloads. */
export function PortalStatementPage() {
  const { contractId = '', periodKey = '' } = useParams();
  const statement = useStatement(contractId, periodKey);
  const paths = portalGoalPaths(contractId);
  const month = periodLabel(periodKey);
  usePrintable();
  return (
    <>
      <Crumbs contractId={contractId} trail={[{ label: month, to: paths.scorecard(periodKey) }, { label: 'Statement' }]} />
      <PageHeader
        title={`Statement · ${month}`}
        badge={statement.data && <ScorecardStatusBadge status={statement.data.status} />}
        actions={
          <Button component={Link} to={paths.scorecard(periodKey)} variant="default" leftSection={<IconChartLine size={16} />} className="sp-no-print">
            Scorecard
          </Button>
        }
      />
      {statement.isPending ? (
        <TableSkeleton rows={5} />
      ) : statement.isError ? (
        notFound(statement.error) ? (
          <EmptyState icon={<IconChartLine size={24} />} title={`No statement for ${month} yet`}>
            The statement of a month appears with its scorecard, once your service provider has finalised it.
          </EmptyState>
        ) : (
          <ErrorAlert error={statement.error} title="The statement could not be loaded" onRetry={() => statement.refetch()} />
        )
      ) : (
        <StatementView statement={statement.data} contractId={contractId} showDraftNote={false} />
      )}
    </>
  );
}

/** The review pack the service review meeting goes through, printable. */
export function PortalReviewPackPage() {
  const { contractId = '' } = useParams();
  const pack = useReviewPack(contractId);
  const paths = portalGoalPaths(contractId);
  usePrintable();
  return (
    <>
      <Crumbs contractId={contractId} trail={[{ label: 'Review pack' }]} />
      <PageHeader
        title="Service review pack"
        description={pack.data ? `${pack.data.contract.name} · prepared ${formatDate(new Date().toISOString())}` : undefined}
        actions={
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => window.print()} className="sp-no-print">
            Print
          </Button>
        }
      />
      {pack.isPending ? (
        <ReviewPackSkeleton />
      ) : pack.isError ? (
        notFound(pack.error) ? (
          <NotFound what="contract" backTo="/portal/scorecards" backLabel="Go to Scorecards" />
        ) : (
          <ErrorAlert error={pack.error} title="The review pack could not be loaded" onRetry={() => pack.refetch()} />
        )
      ) : (
        <ReviewPackView pack={pack.data} paths={paths} emptyText="The review pack is built from your finalised scorecards: the first one appears after a month ends and has been reviewed." />
      )}
    </>
  );
}

/** Staff-style addresses (/contracts/:id/scorecards/...) opened in the portal lead to the portal's pages. */
export function PortalScorecardRedirect({ to }: { to: 'list' | 'scorecard' | 'statement' | 'reviewPack' }) {
  const { contractId = '', periodKey = '' } = useParams();
  const [search] = useSearchParams();
  const paths = portalGoalPaths(contractId);
  const target = to === 'list' ? paths.list : to === 'scorecard' ? paths.scorecard(periodKey) : to === 'statement' ? paths.statement(periodKey) : paths.reviewPack;
  const qs = search.toString();
  return <Navigate to={`${target}${qs && to === 'scorecard' ? `${target.includes('?') ? '&' : '?'}${qs}` : ''}`} replace />;
}
