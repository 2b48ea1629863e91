import { Button, Paper } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalculator, IconPresentation } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useScorecards } from '../../../api/goal-queries';
import { useContract } from '../../../api/pact-queries';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { staffGoalPaths } from '../../../components/goals/goal-paths';
import { ScorecardList } from '../../../components/goals/ScorecardList';
import { PageHeader } from '../../../components/PageHeader';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { canWriteContracts, useSignedIn } from '../../../session';
import { ContractCrumbs, ContractLoadError } from './ContractCrumbs';
import { EvaluateMonthModal } from './ScorecardForms';

/** A contract's scorecards month by month, and "Evaluate month" for those who may. */
export function ScorecardsPage() {
  const { contractId = '' } = useParams();
  const { user } = useSignedIn();
  const contract = useContract(contractId);
  const list = useScorecards(contractId);
  const [evaluating, { open, close }] = useDisclosure(false);
  const paths = staffGoalPaths(contractId);
  const canWrite = canWriteContracts(user.role);
  if (contract.isError) return <ContractLoadError query={contract} />;
  const c = contract.data;
  const evaluateButton = canWrite && c && c.status !== 'draft' && (
    <Button leftSection={<IconCalculator size={16} />} onClick={open}>
      Evaluate month
    </Button>
  );
  return (
    <>
      <ContractCrumbs contract={c} trail={[{ label: 'Scorecards' }]} />
      <PageHeader
        title="Scorecards"
        description={c ? `${c.name}: each month's goals, client responsibilities and statement. Drafts are prepared after a month ends; the client sees them once finalised.` : undefined}
        actions={
          <>
            <Button component={Link} to={paths.reviewPack} variant="default" leftSection={<IconPresentation size={16} />}>
              Review pack
            </Button>
            {evaluateButton}
          </>
        }
      />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        {list.isPending ? (
          <TableSkeleton rows={4} />
        ) : list.isError ? (
          <ErrorAlert error={list.error} title="The scorecards could not be loaded" onRetry={() => list.refetch()} />
        ) : (
          <ScorecardList
            items={list.data}
            paths={paths}
            emptyText={
              c?.status === 'draft'
                ? 'The contract is a draft: scorecards start once it is active and its first month has ended.'
                : 'The first one is prepared after the month ends. You can also evaluate a month that has ended now.'
            }
            emptyAction={evaluateButton || undefined}
          />
        )}
      </Paper>
      {c && <EvaluateMonthModal opened={evaluating} onClose={close} contractId={contractId} contractStartsAt={c.startsAt} existing={list.data ?? []} paths={paths} />}
    </>
  );
}
