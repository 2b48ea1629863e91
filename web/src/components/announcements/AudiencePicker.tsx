import { MultiSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { Audience } from '../../api/announcement-types';
import { usePlans } from '../../api/pact-queries';
import { allPages, keys } from '../../api/queries';
import type { Client, ContactRole, Site } from '../../api/types';
import { contactRoleLabels } from './announcement-format';

type Props = { value: Audience; onChange: (a: Audience) => void; errors: Record<string, string | undefined> };

/**
 * Who receives the announcement: clients, plans (the contract in force), sites and contact roles.
 * An empty filter does not filter; all chosen filters apply together.
 */
export function AudiencePicker({ value, onChange, errors }: Props) {
  const clients = useQuery({ queryKey: ['clients', 'active-all'], queryFn: () => allPages<Client>('/clients', { status: 'active', sort: 'name', order: 'asc' }), staleTime: 60_000 });
  const plans = usePlans();
  // Sites belong to clients: offered for the chosen clients.
  const sites = useQueries({
    queries: value.clientIds.map((id) => ({ queryKey: keys.sites(id), queryFn: () => allPages<Site>(`/clients/${encodeURIComponent(id)}/sites`), staleTime: 60_000 })),
  });
  const clientName = new Map((clients.data ?? []).map((c) => [c.id, c.name]));
  const siteOptions = sites.flatMap((q, i) => (q.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${clientName.get(value.clientIds[i]!) ?? 'client'})` })));
  // Keep sites whose client is no longer chosen out of the filter.
  const set = (patch: Partial<Audience>) => {
    const next = { ...value, ...patch };
    if (patch.clientIds) {
      const allowed = new Set(sites.flatMap((q, i) => (patch.clientIds!.includes(value.clientIds[i]!) ? (q.data ?? []).map((s) => s.id) : [])));
      next.siteIds = next.siteIds.filter((s) => allowed.has(s));
    }
    onChange(next);
  };
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        Leave a filter empty to include everyone for it. Contacts must match every filter you set; each address receives one e-mail. Inactive clients and contacts without an e-mail address are left out.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect
          label="Clients"
          placeholder={value.clientIds.length ? undefined : 'All active clients'}
          searchable
          clearable
          data={(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={value.clientIds}
          onChange={(v) => set({ clientIds: v })}
          error={errors['audience.clientIds']}
          nothingFoundMessage={clients.isPending ? 'Loading…' : 'No client matches'}
        />
        <MultiSelect
          label="Plans"
          description="Clients whose contract in force is on one of these plans"
          placeholder={value.planIds.length ? undefined : 'Any plan, or none'}
          searchable
          clearable
          data={(plans.data ?? []).map((p) => ({ value: p.id, label: p.status === 'retired' ? `${p.name} (retired)` : p.name }))}
          value={value.planIds}
          onChange={(v) => set({ planIds: v })}
          error={errors['audience.planIds']}
        />
        <MultiSelect
          label="Sites"
          description={value.clientIds.length ? 'Clients with one of these sites' : 'Choose clients first to pick from their sites'}
          placeholder={value.siteIds.length ? undefined : 'Any site'}
          disabled={value.clientIds.length === 0}
          searchable
          clearable
          data={siteOptions}
          value={value.siteIds}
          onChange={(v) => set({ siteIds: v })}
          error={errors['audience.siteIds']}
        />
        <MultiSelect
          label="Contact roles"
          description="Contacts holding one of these roles"
          placeholder={value.contactRoles.length ? undefined : 'Any role'}
          clearable
          data={(Object.keys(contactRoleLabels) as ContactRole[]).map((r) => ({ value: r, label: contactRoleLabels[r] }))}
          value={value.contactRoles}
          onChange={(v) => set({ contactRoles: v as ContactRole[] })}
          error={errors['audience.contactRoles']}
        />
      </SimpleGrid>
    </Stack>
  );
}
