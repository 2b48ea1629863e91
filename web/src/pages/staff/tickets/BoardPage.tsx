import { Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconInbox, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useBoardStream, useTicketList } from '../../../api/ticket-queries';
import type { TicketFilters } from '../../../api/ticket-types';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { TicketsTable } from '../../../components/tickets/TicketsTable';
import { BoardFilters } from './BoardFilters';
import { SavedViewsMenu } from './SavedViewsMenu';

function LiveIndicator({ live }: { live: boolean }) {
  return (
    <Tooltip label={live ? 'Changes appear as they happen' : 'Refreshing every 15 seconds'}>
      <Badge variant="dot" color={live ? 'teal' : 'gray'} radius="sm">
        {live ? 'Live' : 'Polling'}
      </Badge>
    </Tooltip>
  );
}

/**
 * The dispatcher board: every open ticket across clients by next due instant, with live clocks.
 * `mine` makes it "My tickets" for technicians.
 */
export function BoardPage({ mine = false }: { mine?: boolean }) {
  const [filters, setFilters] = useState<TicketFilters>({});
  const [viewName, setViewName] = useState<string | null>(null);
  const [q] = useDebouncedValue(filters.q ?? '', 250);
  const stream = useBoardStream();
  const effective: TicketFilters = { ...filters, q: q.trim() || undefined, mine: mine || undefined };
  const list = useTicketList(effective, { pollMs: stream.pollMs });
  const tickets = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.values(filters).some((v) => v !== undefined && v !== '');
  const newButton = (
    <Button component={Link} to="/tickets/new" leftSection={<IconPlus size={16} />}>
      New ticket
    </Button>
  );
  const changeFilters = (f: TicketFilters) => {
    setFilters(f);
    setViewName(null);
  };
  return (
    <>
      <PageHeader
        title={mine ? 'My tickets' : 'Board'}
        badge={<LiveIndicator live={stream.live} />}
        description={mine ? 'Open tickets assigned to you, the next due first.' : 'Every open ticket across clients, the next due first.'}
        actions={
          <>
            <SavedViewsMenu
              filters={filters}
              onPick={(f, name) => {
                setFilters(f);
                setViewName(name);
              }}
            />
            {newButton}
          </>
        }
      />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          <BoardFilters filters={filters} onChange={changeFilters} mine={mine} />
          {(viewName || filtered) && (
            <Group gap="xs">
              {viewName && (
                <Text size="sm" c="dimmed">
                  View: <b>{viewName}</b>
                </Text>
              )}
              {filtered && (
                <Button size="compact-sm" variant="subtle" leftSection={<IconFilterOff size={14} />} onClick={() => changeFilters({})}>
                  Clear filters
                </Button>
              )}
            </Group>
          )}
          {list.isPending ? (
            <TableSkeleton rows={6} />
          ) : list.isError ? (
            <ErrorAlert error={list.error} title="The tickets could not be loaded" onRetry={() => list.refetch()} />
          ) : tickets.length === 0 ? (
            filtered ? (
              <EmptyState icon={<IconSearch size={24} />} title="No tickets match" action={<Button variant="light" onClick={() => changeFilters({})}>Clear filters</Button>}>
                Nothing open matches these filters.
              </EmptyState>
            ) : (
              <EmptyState icon={<IconInbox size={24} />} title={mine ? 'Nothing assigned to you' : 'No open tickets'} action={newButton}>
                {mine ? 'Take a ticket from the board, or open one for a client.' : 'New tickets from the portal, e-mail and monitoring appear here as they arrive.'}
              </EmptyState>
            )
          ) : (
            <Stack gap="sm">
              <TicketsTable tickets={tickets} basePath="/tickets" staff />
              {list.hasNextPage && (
                <Group justify="center">
                  <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
                    Load more
                  </Button>
                </Group>
              )}
            </Stack>
          )}
        </Stack>
      </Paper>
    </>
  );
}
