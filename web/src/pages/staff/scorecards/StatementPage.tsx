import { Button, Group, Text } from '@mantine/core';
import { IconChartLine } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useStatement } from '../../../api/goal-queries';
import { useContract } from '../../../api/pact-queries';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ScorecardStatusBadge } from '../../../components/goals/GoalBadges';
import { periodLabel } from '../../../components/goals/goal-format';
import { staffGoalPaths } from '../../../components/goals/goal-paths';
import { StatementView } from '../../../components/goals/StatementView';
import { usePrintable } from '../../../components/goals/usePrintable';
import { PageHeader } from '../../../components/PageHeader';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { ContractCrumbs, ContractLoadError, isNotFound } from './ContractCrumbs';

/** The month's statement of the latest revision; a draft one is marked as such. */
export function StatementPage() {
  const { contractId = '', periodKey = '' } = useParams();
  const contract = useContract(contractId);
  const statement = useStatement(contractId, periodKey);
  const paths = staffGoalPaths(contractId);
  usePrintable();
  if (contract.isError) return <ContractLoadError query={contract} />;
  const month = periodLabel(periodKey);
  const s = statement.data;
  return (
    <>
      <ContractCrumbs contract={contract.data} trail={[{ label: 'Scorecards', to: paths.list }, { label: month, to: paths.scorecard(periodKey) }, { label: 'Statement' }]} />
      <PageHeader
        title={`Statement · ${month}`}
        badge={s && (
          <Group gap={6} wrap="nowrap">
            <ScorecardStatusBadge status={s.status} />
            {s.revision && (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                Revision {s.revision}
              </Text>
            )}
          </Group>
        )}
        description={contract.data ? `${contract.data.clientName ?? ''}${contract.data.clientName ? ' · ' : ''}${contract.data.name}` : undefined}
        actions={
          <Button component={Link} to={paths.scorecard(periodKey)} variant="default" leftSection={<IconChartLine size={16} />} className="sp-no-print">
            Scorecard
          </Button>
        }
      />
      {statement.isPending ? (
        <TableSkeleton rows={5} />
      ) : statement.isError ? (
        isNotFound(statement.error) ? (
          <EmptyState icon={<IconChartLine size={24} />} title={`No statement for ${month} yet`}>
            The statement is part of the month&apos;s scorecard: it appears once the month has been evaluated.
          </EmptyState>
        ) : (
          <ErrorAlert error={statement.error} title="The statement could not be loaded" onRetry={() => statement.refetch()} />
        )
      ) : (
        statement.data && <StatementView statement={statement.data} contractId={contractId} showDraftNote />
      )}
    </>
  );
}
