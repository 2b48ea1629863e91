import { Anchor, Button, Group, Paper, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconBuilding, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useClientList, type ClientFilters } from '../../api/queries';
import { StatusBadge } from '../../components/Badges';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { SortableTh } from '../../components/SortableTh';
import { TableSkeleton } from '../../components/TableSkeleton';
import { formatDate } from '../../labels';
import { canWriteClients, useSignedIn } from '../../session';
import { ClientFormModal } from './ClientFormModal';

export function ClientsPage() {
  const { user } = useSignedIn();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [status, setStatus] = useState('active');
  const [sort, setSort] = useState<ClientFilters['sort']>('name');
  const [order, setOrder] = useState<ClientFilters['order']>('asc');
  const [creating, { open, close }] = useDisclosure(false);
  const list = useClientList({ q, status: status === 'all' ? '' : status, sort, order });
  const clients = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canWrite = canWriteClients(user.role);
  const sortBy = (column: ClientFilters['sort']) => {
    if (sort === column) setOrder(order === 'asc' ? 'desc' : 'asc');
    else {
      setSort(column);
      setOrder(column === 'name' ? 'asc' : 'desc');
    }
  };
  const newButton = canWrite && (
    <Button leftSection={<IconPlus size={16} />} onClick={open}>
      New client
    </Button>
  );
  const filtered = q !== '' || status === 'inactive';

  return (
    <>
      <PageHeader title="Clients" description="The companies you serve, with their sites and contacts." actions={newButton} />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Group mb="md" gap="sm" wrap="wrap">
          <TextInput
            aria-label="Search clients"
            placeholder="Search by name or code"
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: '1 1 16rem' }}
            type="search"
          />
          <SegmentedControl
            aria-label="Status"
            value={status}
            onChange={setStatus}
            data={[
              { value: 'active', label: 'Active' },
              { value: 'inactive', label: 'Inactive' },
              { value: 'all', label: 'All' },
            ]}
          />
        </Group>
        {list.isPending ? (
          <TableSkeleton />
        ) : list.isError ? (
          <ErrorAlert error={list.error} title="The clients could not be loaded" onRetry={() => list.refetch()} />
        ) : clients.length === 0 ? (
          filtered ? (
            <EmptyState icon={<IconSearch size={24} />} title="No clients match">
              Try a different search or status.
            </EmptyState>
          ) : (
            <EmptyState icon={<IconBuilding size={24} />} title="No clients yet" action={newButton}>
              Add the companies you serve. Each client gets sites, contacts and, later, a contract.
            </EmptyState>
          )
        ) : (
          <Stack gap="sm">
            <Table.ScrollContainer minWidth={340}>
              <Table highlightOnHover verticalSpacing="sm" aria-label="Clients">
                <Table.Thead>
                  <Table.Tr>
                    <SortableTh label="Name" active={sort === 'name'} order={order} onSort={() => sortBy('name')} />
                    <Table.Th visibleFrom="sm">Code</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th ta="right" visibleFrom="md">Sites</Table.Th>
                    <Table.Th ta="right" visibleFrom="md">Contacts</Table.Th>
                    <SortableTh label="Created" active={sort === 'createdAt'} order={order} onSort={() => sortBy('createdAt')} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {clients.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td maw={360}>
                        <Anchor component={Link} to={`/clients/${c.id}`} fw={500} style={{ overflowWrap: 'anywhere' }}>
                          {c.name}
                        </Anchor>
                        {c.mainSite && (
                          <Text size="xs" c="dimmed" lineClamp={1}>
                            {c.mainSite.name}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td visibleFrom="sm">
                        <Text size="sm" ff="monospace">
                          {c.code ?? '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={c.status} />
                      </Table.Td>
                      <Table.Td ta="right" visibleFrom="md">{c.siteCount ?? '—'}</Table.Td>
                      <Table.Td ta="right" visibleFrom="md">{c.contactCount ?? '—'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }} fz="sm">{formatDate(c.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {clients.length} {clients.length === 1 ? 'client' : 'clients'} shown
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
      <ClientFormModal opened={creating} onClose={close} onCreated={(c) => navigate(`/clients/${c.id}`)} />
    </>
  );
}
