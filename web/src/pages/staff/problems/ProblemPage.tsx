import { Anchor, Breadcrumbs, Grid, Skeleton, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api';
import { useProblem } from '../../../api/journey-queries';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { NotFound } from '../../../components/NotFound';
import { PageHeader } from '../../../components/PageHeader';
import { SectionCard } from '../../../components/SectionCard';
import { MilestonesCard } from '../../../components/problems/MilestonesEditor';
import { ProblemAnalysisCard } from '../../../components/problems/ProblemAnalysisCard';
import { ProblemStatusBadge } from '../../../components/problems/ProblemStatusBadge';
import { ProblemStatusControl } from '../../../components/problems/ProblemStatusControl';
import { ProblemTicketsCard } from '../../../components/problems/ProblemTicketsCard';

/** Staff: one problem with its analysis, plan, milestones, status and linked tickets. */
export function ProblemPage() {
  const { problemId = '' } = useParams();
  const problem = useProblem(problemId);
  if (problem.isPending)
    return (
      <Stack>
        <Skeleton height={28} width="50%" />
        <Skeleton height={220} />
      </Stack>
    );
  if (problem.isError)
    return problem.error instanceof ApiError && (problem.error.status === 404 || problem.error.status === 400) ? (
      <NotFound what="problem" backTo="/problems" backLabel="Back to problems" />
    ) : (
      <ErrorAlert error={problem.error} title="The problem could not be loaded" onRetry={() => problem.refetch()} />
    );
  const p = problem.data;
  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/problems">
          Problems
        </Anchor>
        <Anchor component={Link} to={`/clients/${p.client.id}`}>
          {p.client.name}
        </Anchor>
        <Text size="sm">{p.reference}</Text>
      </Breadcrumbs>
      <PageHeader title={p.title} badge={<ProblemStatusBadge status={p.status} size="lg" />} description={`${p.reference} · ${p.client.name}`} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <ProblemAnalysisCard problem={p} />
            <MilestonesCard problem={p} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <SectionCard title="Status">
              <ProblemStatusControl problem={p} />
            </SectionCard>
            <ProblemTicketsCard problem={p} basePath="/tickets" editable />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
