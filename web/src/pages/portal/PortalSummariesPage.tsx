import { Anchor, Breadcrumbs, Button, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconFileDescription } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api';
import { useSummaries, useSummary } from '../../api/summary-queries';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NotFound } from '../../components/NotFound';
import { PageHeader } from '../../components/PageHeader';
import { SummaryDocumentView } from '../../components/summaries/SummaryDocumentView';
import { percentText } from '../../components/summaries/summary-format';
import { formatDate } from '../../labels';
import { useSignedIn } from '../../session';

/** The client admin's published executive summaries, newest first. */
export function PortalSummariesPage() {
  const { user } = useSignedIn();
  const clientId = user.clientId ?? '';
  const list = useSummaries(clientId);
  const items = list.data ?? [];
  return (
    <>
      <PageHeader title="Executive summaries" description="How the service went, month by month or quarter by quarter, as your service provider reports it." />
      {list.isPending ? (
        <Skeleton height={120} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} title="The summaries could not be loaded" onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={<IconFileDescription size={24} />} title="No summaries yet">
          Your service provider has not published an executive summary yet. Published summaries appear here.
        </EmptyState>
      ) : (
        <Table highlightOnHover fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Period</Table.Th>
              <Table.Th ta="right">Tickets</Table.Th>
              <Table.Th ta="right">Response in time</Table.Th>
              <Table.Th>Published</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/portal/summaries/${s.periodKey}`}>
                    {s.periodLabel}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{s.headline?.opened ?? '—'}</Table.Td>
                <Table.Td ta="right">{s.headline ? percentText(s.headline.firstResponseCompliance) : '—'}</Table.Td>
                <Table.Td>{formatDate(s.publishedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

export function PortalSummaryPage() {
  const { user } = useSignedIn();
  const { periodKey = '' } = useParams();
  const summary = useSummary(user.clientId ?? '', periodKey);
  if (summary.isPending) return <Skeleton height={400} />;
  if (summary.isError) {
    if (summary.error instanceof ApiError && (summary.error.status === 404 || summary.error.status === 400)) return <NotFound what="summary" backTo="/portal/summaries" backLabel="Back to the summaries" />;
    return <ErrorAlert error={summary.error} title="The summary could not be loaded" onRetry={() => summary.refetch()} />;
  }
  const s = summary.data;
  return (
    <Stack>
      <Breadcrumbs fz="sm">
        <Anchor component={Link} to="/portal/summaries">
          Executive summaries
        </Anchor>
        <Text size="sm">{s.periodLabel}</Text>
      </Breadcrumbs>
      <PageHeader
        title={`Executive summary, ${s.periodLabel}`}
        actions={
          <Button component="a" href={s.pdfUrl} variant="default" leftSection={<IconDownload size={16} />} download>
            Download PDF
          </Button>
        }
      />
      <SummaryDocumentView doc={s.document} narrative={s.narrative} status={s.status} publishedAt={s.publishedAt} />
    </Stack>
  );
}
