import { Select } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { NewTicketForm } from '../../../components/tickets/NewTicketForm';
import { useAllClients } from './BoardFilters';

/** Staff open a ticket for a client (a phone call, a walk-in). */
export function NewTicketPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const clients = useAllClients();
  const [clientId, setClientId] = useState<string | null>(params.get('clientId'));
  return (
    <>
      <PageHeader title="New ticket" description="Open a ticket for a client. The targets come from the contract in force." />
      <NewTicketForm
        key={clientId ?? 'none'}
        clientId={clientId}
        staff
        clientPicker={
          <Select
            label="Client"
            placeholder={clients.isPending ? 'Loading clients…' : 'Choose the client'}
            required
            searchable
            data={(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={clientId}
            onChange={setClientId}
            nothingFoundMessage="No client matches"
          />
        }
        onCreated={(t) => navigate(`/tickets/${t.id}`)}
      />
    </>
  );
}
