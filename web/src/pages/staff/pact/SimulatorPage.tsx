import { Paper, Select } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useClientList } from '../../../api/queries';
import { PageHeader } from '../../../components/PageHeader';
import { SimulatorPanel } from '../../../components/pact/SimulatorPanel';

/** Staff: what targets would a ticket of this client get, and why. */
export function SimulatorPage() {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const clients = useClientList({ q: search.trim(), status: 'active', sort: 'name', order: 'asc' });
  const clientId = params.get('clientId');
  const options = clients.data?.pages.flatMap((p) => p.items).map((c) => ({ value: c.id, label: c.name })) ?? [];
  return (
    <>
      <PageHeader title="What would this ticket get?" description="The targets a new ticket would be held to under the client's contract, with the rule behind each number." />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} mb="lg">
        <Select
          label="Client"
          placeholder="Search clients"
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          data={options}
          value={clientId}
          onChange={(v) => setParams(v ? { clientId: v } : {}, { replace: true })}
          nothingFoundMessage={clients.isPending ? 'Loading…' : 'No client matches'}
          maw={480}
        />
      </Paper>
      <SimulatorPanel key={clientId ?? ''} clientId={clientId} />
    </>
  );
}
