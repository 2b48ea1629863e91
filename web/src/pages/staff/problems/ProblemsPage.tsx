import { Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconBug, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useProblemList } from '../../../api/journey-queries';
import type { ProblemSuggestion } from '../../../api/journey-types';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { PageHeader } from '../../../components/PageHeader';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { ClientPicker } from '../../../components/problems/ClientPicker';
import { NewProblemForm, type NewProblemInitial } from '../../../components/problems/NewProblemForm';
import { PROBLEM_STATUSES, problemStatusLabels } from '../../../components/problems/problem-format';
import { ProblemsTable } from '../../../components/problems/ProblemsTable';
import { ProblemSuggestionsCard, suggestionTitle } from '../../../components/problems/ProblemSuggestionsCard';

/** Staff: every problem record, filtered by client, status and words; recurring tickets to turn into one. */
export function ProblemsPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const clientId = params.get('clientId') ?? '';
  const status = params.get('status') ?? '';
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 250);
  const list = useProblemList({ clientId: clientId || undefined, status: status || undefined, q: q || undefined });
  const problems = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [creating, create] = useDisclosure(false);
  const [initial, setInitial] = useState<NewProblemInitial | undefined>(undefined);
  const setParam = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const startNew = (values?: NewProblemInitial) => {
    setInitial(values ?? (clientId ? { clientId } : undefined));
    create.open();
  };
  const fromSuggestion = (s: ProblemSuggestion) =>
    startNew({ clientId: s.clientId, title: `Recurring: ${suggestionTitle(s)}`, description: `${s.tickets.length} tickets with the same catalog item and site within 90 days.`, tickets: s.tickets });
  const filtered = !!clientId || !!status || q !== '';
  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => startNew()}>
      New problem
    </Button>
  );

  return (
    <>
      <PageHeader title="Problems" description="Long-standing issues behind recurring tickets, with their root cause, workaround and plan. Clients see the problems of their company." actions={newButton} />
      <Stack gap="lg">
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
          <Group mb="md" gap="sm" wrap="wrap" align="flex-end">
            <TextInput
              aria-label="Search problems"
              placeholder="Search by title or PRB number"
              leftSection={<IconSearch size={16} />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              style={{ flex: '1 1 14rem' }}
              type="search"
            />
            <ClientPicker aria-label="Client" placeholder="All clients" clearable value={clientId || null} onChange={(v) => setParam('clientId', v)} w={240} />
            <Select
              aria-label="Status"
              placeholder="All statuses"
              clearable
              data={PROBLEM_STATUSES.map((s) => ({ value: s, label: problemStatusLabels[s] }))}
              value={status || null}
              onChange={(v) => setParam('status', v)}
              w={180}
            />
          </Group>
          {list.isPending ? (
            <TableSkeleton />
          ) : list.isError ? (
            <ErrorAlert error={list.error} title="The problems could not be loaded" onRetry={() => list.refetch()} />
          ) : problems.length === 0 ? (
            filtered ? (
              <EmptyState icon={<IconSearch size={24} />} title="No problems match">
                Try another client, status or search.
              </EmptyState>
            ) : (
              <EmptyState icon={<IconBug size={24} />} title="No problems recorded" action={newButton}>
                When tickets keep coming back for the same cause, record a problem: link the tickets, note the root cause and workaround, and agree a plan with the client.
              </EmptyState>
            )
          ) : (
            <Stack gap="sm">
              <ProblemsTable problems={problems} basePath="/problems" showClient />
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {problems.length} {problems.length === 1 ? 'problem' : 'problems'} shown
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
        <ProblemSuggestionsCard clientId={clientId || undefined} onCreate={fromSuggestion} />
      </Stack>
      <FormModal opened={creating} onClose={create.close} title="New problem" size="lg">
        <NewProblemForm initial={initial} onDone={create.close} onCreated={(p) => navigate(`/problems/${p.id}`)} />
      </FormModal>
    </>
  );
}
