import { Anchor, Grid, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api';
import { useProblem } from '../../../api/journey-queries';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { NotFound } from '../../../components/NotFound';
import { PageHeader } from '../../../components/PageHeader';
import { SectionCard } from '../../../components/SectionCard';
import { MilestonesList } from '../../../components/problems/MilestonesList';
import { ProblemAnalysisView } from '../../../components/problems/ProblemAnalysisCard';
import { problemStatusHelp } from '../../../components/problems/problem-format';
import { ProblemStatusBadge } from '../../../components/problems/ProblemStatusBadge';
import { ProblemTicketsCard } from '../../../components/problems/ProblemTicketsCard';
import { formatDateTime } from '../../../labels';

/** The client admin's view of one problem: status, workaround, plan with milestones, estimated cost, tickets. */
export function PortalProblemPage() {
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
    return problem.error instanceof ApiError && (problem.error.status === 404 || problem.error.status === 400 || problem.error.status === 403) ? (
      <NotFound what="problem" backTo="/portal/problems" backLabel="Back to problems" />
    ) : (
      <ErrorAlert error={problem.error} title="The problem could not be loaded" onRetry={() => problem.refetch()} />
    );
  const p = problem.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/portal/problems" size="sm">
        <IconArrowLeft size={14} style={{ verticalAlign: -2 }} /> Problems
      </Anchor>
      <PageHeader title={p.title} badge={<ProblemStatusBadge status={p.status} size="lg" />} description={`${p.reference} · ${problemStatusHelp[p.status]}`} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <SectionCard title="Cause and plan">
              <ProblemAnalysisView problem={p} />
            </SectionCard>
            <SectionCard title="Milestones" count={p.milestones.length}>
              <MilestonesList milestones={p.milestones} />
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <SectionCard title="Status">
              <Stack gap={4}>
                <div>
                  <ProblemStatusBadge status={p.status} />
                </div>
                <Text size="sm">{problemStatusHelp[p.status]}</Text>
                <Text size="xs" c="dimmed">
                  Opened {formatDateTime(p.openedAt)}
                  {p.resolvedAt ? ` · resolved ${formatDateTime(p.resolvedAt)}` : ''}
                </Text>
              </Stack>
            </SectionCard>
            <ProblemTicketsCard problem={p} basePath="/portal/tickets" editable={false} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
