import { Alert, Button, Group, List, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalculator, IconChartLine, IconChecklist, IconLock, IconLockOpen, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { scorecardActions, useInvalidateScorecards, useScorecard, useScorecards } from '../../../api/goal-queries';
import type { GoalEvaluationView, ResponsibilityEvaluation, Scorecard } from '../../../api/goal-types';
import { useContract } from '../../../api/pact-queries';
import type { Contract } from '../../../api/pact-types';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ScorecardStatusBadge } from '../../../components/goals/GoalBadges';
import { periodLabel } from '../../../components/goals/goal-format';
import { staffGoalPaths, type GoalPaths } from '../../../components/goals/goal-paths';
import { ScorecardSkeleton, ScorecardView } from '../../../components/goals/ScorecardView';
import { usePrintable } from '../../../components/goals/usePrintable';
import { PageHeader } from '../../../components/PageHeader';
import { canWriteContracts, useSignedIn } from '../../../session';
import { ContractCrumbs, ContractLoadError, isNotFound } from './ContractCrumbs';
import { AttestationModal, EvaluateMonthModal, ManualValueModal, ReopenModal } from './ScorecardForms';

/** One month's scorecard for staff: review, enter what it needs, finalise or re-open. */
export function ScorecardPage() {
  const { contractId = '', periodKey = '' } = useParams();
  const [search] = useSearchParams();
  const revision = Number(search.get('revision')) || null;
  const { user } = useSignedIn();
  const contract = useContract(contractId);
  const scorecard = useScorecard(contractId, periodKey, revision);
  const paths = staffGoalPaths(contractId);
  const canWrite = canWriteContracts(user.role);
  usePrintable();
  if (contract.isError) return <ContractLoadError query={contract} />;
  const crumbs = <ContractCrumbs contract={contract.data} trail={[{ label: 'Scorecards', to: paths.list }, { label: periodLabel(periodKey) }]} />;
  if (scorecard.isPending)
    return (
      <>
        {crumbs}
        <ScorecardSkeleton />
      </>
    );
  if (scorecard.isError) {
    if (isNotFound(scorecard.error) && !revision)
      return (
        <>
          {crumbs}
          <PageHeader title={`Scorecard · ${periodLabel(periodKey)}`} />
          <NoScorecard contract={contract.data} periodKey={periodKey} canWrite={canWrite} paths={paths} />
        </>
      );
    return (
      <>
        {crumbs}
        <ErrorAlert error={scorecard.error} title="The scorecard could not be loaded" onRetry={() => scorecard.refetch()} />
      </>
    );
  }
  return (
    <>
      {crumbs}
      <StaffScorecard contractId={contractId} scorecard={scorecard.data} canWrite={canWrite} paths={paths} />
    </>
  );
}

function NoScorecard({ contract, periodKey, canWrite, paths }: { contract: Contract | undefined; periodKey: string; canWrite: boolean; paths: GoalPaths }) {
  const [opened, { open, close }] = useDisclosure(false);
  const list = useScorecards(contract?.id ?? '');
  return (
    <>
      <EmptyState
        icon={<IconChartLine size={24} />}
        title={`No scorecard for ${periodLabel(periodKey)} yet`}
        action={
          canWrite && contract ? (
            <Button leftSection={<IconCalculator size={16} />} onClick={open}>
              Evaluate month
            </Button>
          ) : (
            <Button component={Link} to={paths.list} variant="default">
              All scorecards
            </Button>
          )
        }
      >
        A month&apos;s scorecard is prepared after the month ends.
      </EmptyState>
      {contract && <EvaluateMonthModal opened={opened} onClose={close} contractId={contract.id} contractStartsAt={contract.startsAt} existing={list.data ?? []} paths={paths} initialMonth={periodKey} />}
    </>
  );
}

function StaffScorecard({ contractId, scorecard, canWrite, paths }: { contractId: string; scorecard: Scorecard; canWrite: boolean; paths: GoalPaths }) {
  const invalidate = useInvalidateScorecards(contractId);
  const [reopening, reopen] = useDisclosure(false);
  // The last goal or responsibility stays set while its modal animates closed.
  const [manualGoal, setManualGoalState] = useState<GoalEvaluationView | null>(null);
  const [manualOpen, setManualOpen] = useState(false);
  const [attesting, setAttestingState] = useState<ResponsibilityEvaluation | null>(null);
  const [attestOpen, setAttestOpen] = useState(false);
  const setManualGoal = (g: GoalEvaluationView) => {
    setManualGoalState(g);
    setManualOpen(true);
  };
  const setAttesting = (r: ResponsibilityEvaluation) => {
    setAttestingState(r);
    setAttestOpen(true);
  };
  const [recomputing, setRecomputing] = useState(false);
  const latest = Math.max(scorecard.revision, ...scorecard.revisions.map((r) => r.revision));
  const isLatest = scorecard.revision === latest;
  const editable = canWrite && isLatest && scorecard.status === 'draft';
  const month = periodLabel(scorecard.periodKey);
  const doc = scorecard.document;
  const missingValues = doc.goals.filter((g) => g.metric.key === 'manual' && !g.manual);
  const missingAttestations = doc.responsibilities.filter((r) => r.measure === 'attested' && !r.attestation);

  const finalise = async () => {
    await scorecardActions.finalise(contractId, scorecard.periodKey, scorecard.version);
    notifications.show({ color: 'teal', message: `${month} is final` });
    await invalidate();
  };
  const recompute = async () => {
    setRecomputing(true);
    try {
      await scorecardActions.evaluate(contractId, scorecard.periodKey);
      notifications.show({ color: 'teal', message: `${month} recomputed from the data now` });
      await invalidate();
    } catch (e) {
      notifications.show({ color: 'red', title: 'The month could not be evaluated', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setRecomputing(false);
    }
  };

  const attention = editable && (missingValues.length > 0 || missingAttestations.length > 0) && (
    <Alert color="orange" variant="light" icon={<IconChecklist size={18} />} title="This scorecard needs input before it is finalised">
      <List size="sm" spacing={4}>
        {missingValues.map((g) => (
          <List.Item key={g.goalId}>
            <Group gap="xs">
              <Text size="sm">A value for “{g.objective}” ({g.metric.manualName ?? g.metricLabel})</Text>
              <Button size="compact-xs" variant="light" onClick={() => setManualGoal(g)}>
                Enter value
              </Button>
            </Group>
          </List.Item>
        ))}
        {missingAttestations.map((r) => (
          <List.Item key={r.responsibilityId}>
            <Group gap="xs">
              <Text size="sm">An attestation for “{r.description}”</Text>
              <Button size="compact-xs" variant="light" onClick={() => setAttesting(r)}>
                Attest
              </Button>
            </Group>
          </List.Item>
        ))}
      </List>
    </Alert>
  );

  return (
    <>
      <PageHeader
        title={`Scorecard · ${month}`}
        badge={
          <Group gap={6} wrap="nowrap">
            <ScorecardStatusBadge status={scorecard.status} />
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              Revision {scorecard.revision}
            </Text>
          </Group>
        }
        actions={
          canWrite &&
          isLatest && (
            <span className="sp-no-print" style={{ display: 'contents' }}>
              {scorecard.status === 'draft' ? (
                <>
                  <Button variant="default" leftSection={<IconCalculator size={16} />} loading={recomputing} onClick={recompute}>
                    Evaluate again
                  </Button>
                  <ConfirmButton
                    variant="filled"
                    color="indigo"
                    confirmColor="indigo"
                    leftSection={<IconLock size={16} />}
                    title={`Finalise ${month}`}
                    message={
                      <>
                        <Text size="sm" mb="xs">
                          Finalise revision {scorecard.revision} of {month}? Its figures, service credits, incentives and statement become final and{' '}
                          <strong>cannot be changed afterwards</strong>. The client admin sees it in the portal.
                        </Text>
                        <Text size="sm" c="dimmed">
                          To correct a final scorecard you re-open it with a reason: this revision stays as it is and a new one is evaluated.
                        </Text>
                        {(missingValues.length > 0 || missingAttestations.length > 0) && (
                          <Text size="sm" c="orange.8" mt="xs">
                            {missingValues.length + missingAttestations.length} entr{missingValues.length + missingAttestations.length === 1 ? 'y is' : 'ies are'} still missing: those goals
                            and responsibilities stay not evaluable or not assessed.
                          </Text>
                        )}
                      </>
                    }
                    confirmLabel="Finalise"
                    onConfirm={finalise}
                  >
                    Finalise
                  </ConfirmButton>
                </>
              ) : (
                <Button variant="default" color="orange" leftSection={<IconLockOpen size={16} />} onClick={reopen.open}>
                  Re-open
                </Button>
              )}
            </span>
          )
        }
      />
      <ScorecardView
        contractId={contractId}
        scorecard={scorecard}
        paths={paths}
        portal={false}
        attention={attention || undefined}
        goalActions={
          editable
            ? (g) =>
                g.metric.key === 'manual' && (
                  <Button size="compact-sm" variant="light" leftSection={<IconPencil size={14} />} onClick={() => setManualGoal(g)} aria-label={`Enter value for ${g.objective}`}>
                    {g.manual ? 'Change value' : 'Enter value'}
                  </Button>
                )
            : undefined
        }
        responsibilityActions={
          editable && doc.responsibilities.some((r) => r.measure === 'attested')
            ? (r) =>
                r.measure === 'attested' && (
                  <Button size="compact-sm" variant="light" onClick={() => setAttesting(r)} aria-label={`Attest: ${r.description}`}>
                    {r.attestation ? 'Change' : 'Attest'}
                  </Button>
                )
            : undefined
        }
      />
      <ReopenModal opened={reopening} onClose={reopen.close} contractId={contractId} periodKey={scorecard.periodKey} revision={scorecard.revision} paths={paths} />
      <ManualValueModal opened={manualOpen} onClose={() => setManualOpen(false)} contractId={contractId} periodKey={scorecard.periodKey} goal={manualGoal} />
      <AttestationModal opened={attestOpen} onClose={() => setAttestOpen(false)} contractId={contractId} periodKey={scorecard.periodKey} responsibility={attesting} />
    </>
  );
}
