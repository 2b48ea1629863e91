import { Button } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { useReviewPack } from '../../../api/goal-queries';
import { useContract } from '../../../api/pact-queries';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { staffGoalPaths } from '../../../components/goals/goal-paths';
import { ReviewPackSkeleton, ReviewPackView } from '../../../components/goals/ReviewPackView';
import { usePrintable } from '../../../components/goals/usePrintable';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate } from '../../../labels';
import { ContractCrumbs, ContractLoadError } from './ContractCrumbs';

/** The service review pack: what the review meeting goes through, ready to print. */
export function ReviewPackPage() {
  const { contractId = '' } = useParams();
  const contract = useContract(contractId);
  const pack = useReviewPack(contractId);
  const paths = staffGoalPaths(contractId);
  usePrintable();
  if (contract.isError) return <ContractLoadError query={contract} />;
  const c = contract.data;
  return (
    <>
      <ContractCrumbs contract={c} trail={[{ label: 'Scorecards', to: paths.list }, { label: 'Review pack' }]} />
      <PageHeader
        title="Service review pack"
        description={c ? `${c.clientName ? `${c.clientName} · ` : ''}${c.name} · prepared ${formatDate(new Date().toISOString())}` : undefined}
        actions={
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => window.print()} className="sp-no-print">
            Print
          </Button>
        }
      />
      {pack.isPending ? (
        <ReviewPackSkeleton />
      ) : pack.isError ? (
        <ErrorAlert error={pack.error} title="The review pack could not be loaded" onRetry={() => pack.refetch()} />
      ) : (
        <ReviewPackView pack={pack.data} paths={paths} emptyText="The review pack is built from the scorecards: the first one is prepared after the month ends." />
      )}
    </>
  );
}
