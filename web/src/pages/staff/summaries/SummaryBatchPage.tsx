import { Alert, Button, Group, List, Paper, Progress, Select, Stack, Text } from '@mantine/core';
import { IconFiles } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage, fieldErrors } from '../../../api';
import { endedPeriods, useStartBatch, useSummaryBatch } from '../../../api/summary-queries';
import { FormError } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { canWriteContracts, useSignedIn } from '../../../session';

/** Generate a period's summaries for every client with a contract in force, with a progress bar. */
export function SummaryBatchPage() {
  const { user } = useSignedIn();
  const periods = endedPeriods();
  const [periodKey, setPeriodKey] = useState<string | null>(periods[0]?.value ?? null);
  // The batch in the address, so a reload (or a link) keeps showing its progress.
  const [params, setParams] = useSearchParams();
  const batchId = params.get('batch');
  const setBatchId = (id: string) => setParams({ batch: id }, { replace: true });
  const start = useStartBatch();
  const batch = useSummaryBatch(batchId);
  const b = batch.data;
  const errors = fieldErrors(start.error);
  const running = !!b && (b.status === 'queued' || b.status === 'running');
  const percent = b && b.total ? Math.round(((b.done + b.failed) / b.total) * 100) : b?.status === 'done' ? 100 : 0;
  const groups = (['Months', 'Quarters'] as const).map((g) => ({ group: g, items: periods.filter((p) => p.group === g).map(({ value, label }) => ({ value, label })) }));
  return (
    <>
      <PageHeader title="Generate executive summaries" description="One period's summaries for every client with a contract in force, generated in the background as drafts. Published summaries are left as they are; drafts are recomputed and keep their narrative." />
      <Paper withBorder radius="md" p="md" maw={640}>
        <Stack>
          <Select label="Period" description="A month or a quarter that has ended" data={groups} value={periodKey} onChange={setPeriodKey} error={errors.periodKey} allowDeselect={false} disabled={running} />
          <FormError message={start.error && !errors.periodKey ? errorMessage(start.error) : null} />
          <Group justify="flex-end">
            <Button
              leftSection={<IconFiles size={16} />}
              disabled={!canWriteContracts(user.role) || !periodKey || running}
              loading={start.isPending}
              onClick={() => periodKey && start.mutate(periodKey, { onSuccess: (x) => setBatchId(x.id) })}
            >
              Generate all
            </Button>
          </Group>
          {b && (
            <Stack gap={6} aria-live="polite">
              <Progress value={percent} size="lg" striped={running} animated={running} color={b.failed ? 'orange' : 'blue'} aria-label="Progress of the summaries" />
              <Text size="sm">
                {b.status === 'queued' && 'Waiting to start…'}
                {b.status === 'running' && `Generating: ${b.done + b.failed} of ${b.total} clients`}
                {b.status === 'done' && `Done: ${b.done} ${b.done === 1 ? 'summary' : 'summaries'} generated${b.failed ? `, ${b.failed} could not be` : ''}.`}
                {b.status === 'failed' && 'The batch stopped; the summaries generated so far are kept.'}
              </Text>
              {b.errors.length > 0 && (
                <Alert color="orange" title="Not generated">
                  <List size="sm">
                    {b.errors.map((e, i) => (
                      <List.Item key={i}>{e.message}</List.Item>
                    ))}
                  </List>
                </Alert>
              )}
            </Stack>
          )}
        </Stack>
      </Paper>
    </>
  );
}
