import { Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { usePriorityMatrix } from '../../../api/pact-queries';
import { allPages } from '../../../api/queries';
import type { TicketFilters } from '../../../api/ticket-types';
import { useStaffUsers } from '../../../api/ticket-queries';
import type { Client } from '../../../api/types';
import { openStatuses, statusLabel } from '../../../ticket-labels';

export function useAllClients() {
  return useQuery({ queryKey: ['clients', 'all-active'], queryFn: () => allPages<Client>('/clients', { status: 'active', sort: 'name', order: 'asc' }), staleTime: 60_000 });
}

/** Client, assignee, priority, status, risk and a search over the board. */
export function BoardFilters({ filters, onChange, mine }: { filters: TicketFilters; onChange: (f: TicketFilters) => void; mine: boolean }) {
  const clients = useAllClients();
  const staff = useStaffUsers();
  const matrix = usePriorityMatrix();
  const set = <K extends keyof TicketFilters>(k: K, v: TicketFilters[K]) => onChange({ ...filters, [k]: v ?? undefined });
  return (
    <Group gap="sm" wrap="wrap" align="flex-end">
      <TextInput
        aria-label="Search tickets"
        placeholder="Search subject or reference"
        leftSection={<IconSearch size={16} />}
        type="search"
        value={filters.q ?? ''}
        onChange={(e) => set('q', e.currentTarget.value || undefined)}
        style={{ flex: '1 1 14rem' }}
      />
      <Select
        aria-label="Client"
        placeholder="All clients"
        searchable
        clearable
        data={(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={filters.clientId ?? null}
        onChange={(v) => set('clientId', v ?? undefined)}
        w={{ base: '100%', xs: 190 }}
      />
      {!mine && (
        <Select
          aria-label="Assignee"
          placeholder="Anyone"
          searchable
          clearable
          data={[{ value: 'none', label: 'Unassigned' }, ...(staff.data ?? []).map((u) => ({ value: u.id, label: u.name }))]}
          value={filters.assigneeId ?? null}
          onChange={(v) => set('assigneeId', v ?? undefined)}
          w={{ base: '100%', xs: 170 }}
        />
      )}
      <Select
        aria-label="Priority"
        placeholder="Any priority"
        clearable
        data={(matrix.data?.priorities ?? []).map((p) => ({ value: p.key, label: `${p.key} · ${p.name}` }))}
        value={filters.priority ?? null}
        onChange={(v) => set('priority', v ?? undefined)}
        w={{ base: '100%', xs: 160 }}
      />
      <Select
        aria-label="Status"
        placeholder="Any open status"
        clearable
        data={openStatuses.map((s) => ({ value: s, label: statusLabel(s) }))}
        value={filters.status ?? null}
        onChange={(v) => set('status', v ?? undefined)}
        w={{ base: '100%', xs: 180 }}
      />
      <SegmentedControl
        aria-label="Risk"
        value={filters.risk || 'all'}
        onChange={(v) => set('risk', v === 'all' ? undefined : (v as TicketFilters['risk']))}
        data={[
          { value: 'all', label: 'All' },
          { value: 'at_risk', label: 'At risk' },
          { value: 'breached', label: 'Breached' },
        ]}
      />
    </Group>
  );
}
