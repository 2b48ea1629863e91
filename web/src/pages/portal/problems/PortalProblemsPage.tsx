import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconBug } from '@tabler/icons-react';
import { useProblemList } from '../../../api/journey-queries';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { ProblemsTable } from '../../../components/problems/ProblemsTable';
import { useSignedIn } from '../../../session';

/** The client admin's problems: long-standing issues of the company and where their plans stand. */
export function PortalProblemsPage() {
  const { tenant } = useSignedIn();
  const list = useProblemList({});
  const problems = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title="Problems" description={`Long-standing issues ${tenant.name} is working on for your company: the cause, how to get by meanwhile, and the plan.`} />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        {list.isPending ? (
          <TableSkeleton />
        ) : list.isError ? (
          <ErrorAlert error={list.error} title="The problems could not be loaded" onRetry={() => list.refetch()} />
        ) : problems.length === 0 ? (
          <EmptyState icon={<IconBug size={24} />} title="No problems recorded">
            When tickets keep coming back for the same cause, {tenant.name} records a problem here with its plan.
          </EmptyState>
        ) : (
          <Stack gap="sm">
            <ProblemsTable problems={problems} basePath="/portal/problems" showClient={false} />
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {problems.length} {problems.length === 1 ? 'problem' : 'problems'}
              </Text>
              {list.hasNextPage && (
                <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
                  Load more
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Paper>
    </>
  );
}
