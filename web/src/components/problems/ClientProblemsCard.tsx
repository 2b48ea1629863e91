import { Button, Skeleton, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useClientProblems } from '../../api/journey-queries';
import { ErrorAlert } from '../ErrorAlert';
import { FormModal } from '../FormModal';
import { SectionCard } from '../SectionCard';
import { NewProblemForm } from './NewProblemForm';
import { ProblemsTable } from './ProblemsTable';

/** The client page's problems: long-standing issues with their plans. */
export function ClientProblemsCard({ clientId }: { clientId: string }) {
  const problems = useClientProblems(clientId);
  const navigate = useNavigate();
  const [creating, create] = useDisclosure(false);
  const items = problems.data ?? [];
  return (
    <SectionCard
      title="Problems"
      count={items.length}
      actions={
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={create.open}>
          New problem
        </Button>
      }
    >
      {problems.isPending ? (
        <Skeleton height={60} />
      ) : problems.isError ? (
        <ErrorAlert error={problems.error} title="The problems could not be loaded" onRetry={() => problems.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No problem records. Record one when tickets keep coming back for the same cause, so the plan to remove it is tracked.
        </Text>
      ) : (
        <ProblemsTable problems={items} basePath="/problems" showClient={false} />
      )}
      <FormModal opened={creating} onClose={create.close} title="New problem" size="lg">
        <NewProblemForm initial={{ clientId }} fixedClient onDone={create.close} onCreated={(p) => navigate(`/problems/${p.id}`)} />
      </FormModal>
    </SectionCard>
  );
}
