import { Alert, Anchor, Button, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconFileInvoice, IconHistory, IconPresentation } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useGoalTrend } from '../../api/goal-queries';
import type { GoalEvaluationView, ResponsibilityEvaluation, Scorecard, ScorecardRevisionRef } from '../../api/goal-types';
import { formatDate, formatDateTime, timeZoneLabel } from '../../labels';
import { ErrorAlert } from '../ErrorAlert';
import { SectionCard } from '../SectionCard';
import { MoneyAmount, ScorecardStatusBadge } from './GoalBadges';
import { periodLabel, periodRangeText, personName } from './goal-format';
import type { GoalPaths } from './goal-paths';
import { GoalsTable } from './GoalsTable';
import { GoalTicketsDrawer } from './GoalTicketsDrawer';
import { GoalTrendChart } from './GoalTrendChart';
import { ExcludedTicketsTable, ResponsibilitiesTable } from './ResponsibilitiesTable';

export function ScorecardSkeleton() {
  return (
    <Stack aria-busy="true" aria-label="Loading the scorecard">
      <Skeleton height={28} width="40%" />
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} height={72} />
        ))}
      </SimpleGrid>
      <Skeleton height={260} />
      <Skeleton height={160} />
    </Stack>
  );
}

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <div>{children}</div>
    </Paper>
  );
}

function revisionLabel(r: ScorecardRevisionRef, latest: number) {
  const what = r.status === 'final' ? `final${r.finalisedAt ? `, ${formatDate(r.finalisedAt)}` : ''}` : 'draft';
  return `Revision ${r.revision} · ${what}${r.revision === latest ? ' (current)' : ''}`;
}

/** The revision switcher: older revisions open read-only. */
export function RevisionSwitcher({ scorecard, paths, portal }: { scorecard: Scorecard; paths: GoalPaths; portal: boolean }) {
  const navigate = useNavigate();
  const revisions = scorecard.revisions.filter((r) => !portal || r.status === 'final');
  if (revisions.length < 2) return null;
  const latest = Math.max(...revisions.map((r) => r.revision));
  return (
    <Select
      label="Revision"
      size="sm"
      w={340}
      allowDeselect={false}
      leftSection={<IconHistory size={16} />}
      value={String(scorecard.revision)}
      data={[...revisions].sort((a, b) => b.revision - a.revision).map((r) => ({ value: String(r.revision), label: revisionLabel(r, latest) }))}
      onChange={(v) => v && navigate(paths.scorecard(scorecard.periodKey, Number(v) === latest ? null : Number(v)))}
    />
  );
}

/**
 * A scorecard as staff and the client read it: the month's totals, the goals (each opening its
 * tickets), the client's responsibilities, excluded tickets and the trends. Staff pass their
 * actions in; the portal passes none.
 */
export function ScorecardView({
  contractId,
  scorecard,
  paths,
  portal,
  attention,
  goalActions,
  responsibilityActions,
}: {
  contractId: string;
  scorecard: Scorecard;
  paths: GoalPaths;
  portal: boolean;
  attention?: ReactNode;
  goalActions?: (g: GoalEvaluationView) => ReactNode;
  responsibilityActions?: (r: ResponsibilityEvaluation) => ReactNode;
}) {
  const [search, setSearch] = useSearchParams();
  const doc = scorecard.document;
  const currency = doc.statement.currency;
  const openGoalId = search.get('goal');
  const openGoal = doc.goals.find((g) => g.goalId === openGoalId) ?? null;
  const revisionParam = search.get('revision');
  const latestRevision = Math.max(scorecard.revision, ...scorecard.revisions.map((r) => r.revision));
  const isLatest = scorecard.revision === latestRevision;
  const thisRevision = scorecard.revisions.find((r) => r.revision === scorecard.revision);
  const met = doc.goals.filter((g) => g.outcome === 'met').length;
  const missed = doc.goals.filter((g) => g.outcome === 'missed').length;
  const notEvaluable = doc.goals.filter((g) => g.outcome === 'not_evaluable').length;
  const credits = doc.goals.filter((g) => g.amountMinor < 0).reduce((s, g) => s + g.amountMinor, 0);
  const incentives = doc.goals.filter((g) => g.amountMinor > 0).reduce((s, g) => s + g.amountMinor, 0);
  const setGoal = (goalId: string | null) => {
    const next = new URLSearchParams(search);
    if (goalId) next.set('goal', goalId);
    else next.delete('goal');
    setSearch(next, { replace: goalId === null });
  };
  const finalisedBy = personName(scorecard.finalisedBy);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
        <Text size="sm" c="dimmed">
          {periodRangeText(doc.periodFrom, doc.periodTo, doc.timeZone)} ({timeZoneLabel(doc.timeZone)}) · evaluated {formatDateTime(doc.evaluatedAt)}
          {scorecard.status === 'final' && scorecard.finalisedAt ? ` · finalised ${formatDateTime(scorecard.finalisedAt)}${finalisedBy ? ` by ${finalisedBy}` : ''}` : ''}
        </Text>
        <Group gap="xs" className="sp-no-print" align="flex-end">
          <RevisionSwitcher scorecard={scorecard} paths={paths} portal={portal} />
          <Button component={Link} to={paths.statement(scorecard.periodKey)} variant="light" leftSection={<IconFileInvoice size={16} />}>
            Statement
          </Button>
          <Button component={Link} to={paths.reviewPack} variant="default" leftSection={<IconPresentation size={16} />}>
            Review pack
          </Button>
        </Group>
      </Group>

      {!isLatest && (
        <Alert color="gray" icon={<IconHistory size={18} />} title={`Revision ${scorecard.revision}: read-only`}>
          <Text size="sm">
            This is an earlier revision of {periodLabel(scorecard.periodKey)}, kept as it was {scorecard.status === 'final' ? 'finalised' : 'evaluated'}.
            {thisRevision?.reopenReason ? ` It was re-opened: “${thisRevision.reopenReason}”.` : ''}{' '}
            <Anchor component={Link} to={paths.scorecard(scorecard.periodKey)} size="sm">
              Open the current revision ({latestRevision})
            </Anchor>
          </Text>
        </Alert>
      )}
      {isLatest && revisionParam === null && scorecard.revisions.some((r) => r.reopenReason && r.revision < scorecard.revision) && (
        <Text size="sm" c="dimmed">
          Re-opened from revision {scorecard.revision - 1}: “{scorecard.revisions.find((r) => r.revision === scorecard.revision - 1)?.reopenReason}”.
        </Text>
      )}
      {scorecard.status === 'draft' && !portal && (
        <Alert color="yellow" variant="light" title="Draft">
          These figures are recomputed from the ticket data each time the month is evaluated. The client sees the scorecard once it is finalised.
        </Alert>
      )}
      {isLatest && attention}

      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Stat label="Goals met">
          <Text size="xl" fw={700}>
            {met} <Text span size="sm" c="dimmed">of {doc.goals.length}</Text>
          </Text>
        </Stat>
        <Stat label="Missed / not evaluable">
          <Text size="xl" fw={700}>
            {missed} <Text span size="sm" c="dimmed">/ {notEvaluable}</Text>
          </Text>
        </Stat>
        <Stat label="Service credits">
          <Text size="xl" fw={700} c={credits < 0 ? 'red.8' : undefined}>
            <MoneyAmount amountMinor={credits} currency={currency} fw={700} />
          </Text>
        </Stat>
        <Stat label="Incentives">
          <Text size="xl" fw={700}>
            <MoneyAmount amountMinor={incentives} currency={currency} fw={700} />
          </Text>
        </Stat>
      </SimpleGrid>

      <SectionCard title="Goals" count={doc.goals.length}>
        {doc.goals.length === 0 ? (
          <Text size="sm" c="dimmed">
            No goals were in the terms in force at the end of {periodLabel(scorecard.periodKey)}.
          </Text>
        ) : (
          <GoalsTable goals={doc.goals} currency={currency} onOpen={setGoal} actions={goalActions} />
        )}
      </SectionCard>

      <SectionCard title="Client responsibilities" count={doc.responsibilities.length}>
        {doc.responsibilities.length === 0 ? (
          <Text size="sm" c="dimmed">
            The contract names no client responsibilities for this month.
          </Text>
        ) : (
          <ResponsibilitiesTable responsibilities={doc.responsibilities} paths={paths} actions={responsibilityActions} />
        )}
      </SectionCard>

      <SectionCard title="Excluded tickets" count={doc.excluded.length}>
        {doc.excluded.length === 0 ? (
          <Text size="sm" c="dimmed">
            No tickets were left out of the compliance figures this month.
          </Text>
        ) : (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              Left out of compliance and time figures because the client breached a responsibility on them.
            </Text>
            <ExcludedTicketsTable excluded={doc.excluded} paths={paths} />
          </Stack>
        )}
      </SectionCard>

      <TrendSection contractId={contractId} goalIds={doc.goals.map((g) => g.goalId)} />

      <GoalTicketsDrawer contractId={contractId} periodKey={scorecard.periodKey} revision={isLatest ? null : scorecard.revision} goal={openGoal} currency={currency} timeZone={doc.timeZone} paths={paths} onClose={() => setGoal(null)} />
    </Stack>
  );
}

/** One chart per goal over the past twelve months. */
export function TrendSection({ contractId, goalIds }: { contractId: string; goalIds?: string[] }) {
  const trend = useGoalTrend(contractId);
  const goals = (trend.data?.goals ?? []).filter((g) => !goalIds || goalIds.includes(g.goalId));
  return (
    <SectionCard title="Trends">
      {trend.isPending ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Skeleton height={240} />
          <Skeleton height={240} />
        </SimpleGrid>
      ) : trend.isError ? (
        <ErrorAlert error={trend.error} title="The trends could not be loaded" onRetry={() => trend.refetch()} />
      ) : goals.length === 0 ? (
        <Text size="sm" c="dimmed">
          Trends appear once months have been evaluated.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {goals.map((g) => (
            <GoalTrendChart key={g.goalId} trend={g} />
          ))}
        </SimpleGrid>
      )}
    </SectionCard>
  );
}
