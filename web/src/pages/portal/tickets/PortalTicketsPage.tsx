import { Button, Group, Paper, SegmentedControl, Stack } from '@mantine/core';
import { IconPlus, IconTicket } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../api';
import { ticketKeys } from '../../../api/ticket-queries';
import type { Ticket } from '../../../api/ticket-types';
import type { Page } from '../../../api/types';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { TicketsTable } from '../../../components/tickets/TicketsTable';
import { useSignedIn } from '../../../session';

type Show = 'open' | 'closed' | 'all';

/** The client's tickets: those they requested or watch, or all of the company's for client admins. */
export function PortalTicketsPage() {
  const { user } = useSignedIn();
  const [show, setShow] = useState<Show>('open');
  const list = useInfiniteQuery({
    queryKey: [...ticketKeys.all, 'portal', show],
    queryFn: ({ pageParam }) => api.get<Page<Ticket>>('/tickets', { sort: 'created', order: 'desc', limit: 25, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (p) => p.nextCursor ?? undefined,
    refetchInterval: 30_000,
  });
  const all = list.data?.pages.flatMap((p) => p.items) ?? [];
  const closed = (t: Ticket) => t.status === 'resolved' || t.status === 'closed';
  const tickets = show === 'all' ? all : all.filter((t) => (show === 'closed' ? closed(t) : !closed(t)));
  const newButton = (
    <Button component={Link} to="/portal/tickets/new" leftSection={<IconPlus size={16} />}>
      New ticket
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Tickets"
        description={user.role === 'client_admin' ? "All of your company's tickets, with the clocks they are measured by." : 'The tickets you opened or follow, with the clocks they are measured by.'}
        actions={newButton}
      />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          <Group>
            <SegmentedControl
              aria-label="Show"
              value={show}
              onChange={(v) => setShow(v as Show)}
              data={[
                { value: 'open', label: 'Open' },
                { value: 'closed', label: 'Resolved' },
                { value: 'all', label: 'All' },
              ]}
            />
          </Group>
          {list.isPending ? (
            <TableSkeleton />
          ) : list.isError ? (
            <ErrorAlert error={list.error} title="Your tickets could not be loaded" onRetry={() => list.refetch()} />
          ) : tickets.length === 0 ? (
            <EmptyState icon={<IconTicket size={24} />} title={show === 'closed' ? 'No resolved tickets yet' : 'No open tickets'} action={newButton}>
              Something not working? Open a ticket and see straight away when to expect a response.
            </EmptyState>
          ) : (
            <Stack gap="sm">
              <TicketsTable tickets={tickets} basePath="/portal/tickets" staff={false} />
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
