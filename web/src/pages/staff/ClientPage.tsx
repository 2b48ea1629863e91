import { Anchor, Breadcrumbs, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api';
import { useClient } from '../../api/queries';
import type { Client } from '../../api/types';
import { StatusBadge } from '../../components/Badges';
import { ContactsSection } from '../../components/ContactsSection';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NotFound } from '../../components/NotFound';
import { PageHeader } from '../../components/PageHeader';
import { SitesSection } from '../../components/SitesSection';
import { CalendarFeedsCard } from '../../components/meetings/CalendarFeedsCard';
import { formatDate } from '../../labels';
import { canWriteClients, canWriteContracts, useSignedIn } from '../../session';
import { ContractSection } from './pact/ContractSection';
import { ClientFormModal } from './ClientFormModal';
import { JourneySection } from '../../components/journey/JourneySection';
import { ClientProblemsCard } from '../../components/problems/ClientProblemsCard';
import { SummariesSection } from '../../components/summaries/SummariesSection';

export function ClientPage() {
  const { clientId = '' } = useParams();
  const { user } = useSignedIn();
  const client = useClient(clientId);
  const [editing, { open, close }] = useDisclosure(false);
  const canWrite = canWriteClients(user.role);

  if (client.isPending)
    return (
      <Stack>
        <Skeleton height={28} width="40%" />
        <Skeleton height={90} />
        <Skeleton height={180} />
      </Stack>
    );
  if (client.isError) {
    if (client.error instanceof ApiError && (client.error.status === 404 || client.error.status === 400)) return <NotFound what="client" backTo="/clients" backLabel="Back to clients" />;
    return <ErrorAlert error={client.error} title="The client could not be loaded" onRetry={() => client.refetch()} />;
  }
  const c = client.data;
  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/clients">
          Clients
        </Anchor>
        <Text size="sm" lineClamp={1}>
          {c.name}
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={c.name}
        badge={<StatusBadge status={c.status} />}
        description={c.code ? <Text span ff="monospace" size="sm">{c.code}</Text> : undefined}
        actions={
          canWrite && (
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={open}>
              Edit client
            </Button>
          )
        }
      />
      <Stack gap="lg">
        <ClientSummary client={c} />
        <ContractSection clientId={c.id} clientName={c.name} canWrite={canWriteContracts(user.role)} />
        <JourneySection clientId={c.id} role={user.role} />
        <ClientProblemsCard clientId={c.id} />
        <SummariesSection clientId={c.id} canWrite={canWriteContracts(user.role)} />
        <SitesSection clientId={c.id} canWrite={canWrite} />
        <ContactsSection clientId={c.id} canWrite={canWrite} canInvite={canWrite} />
        <CalendarFeedsCard client={{ id: c.id, name: c.name }} />
      </Stack>
      <ClientFormModal opened={editing} onClose={close} client={c} />
    </>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="sm" mt={2} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function ClientSummary({ client }: { client: Client }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
        <Fact label="Main site">{client.mainSite ? `${client.mainSite.name} · ${client.mainSite.timeZone.replaceAll('_', ' ')}` : '—'}</Fact>
        <Fact label="Sites">{client.siteCount ?? '—'}</Fact>
        <Fact label="Contacts">{client.contactCount ?? '—'}</Fact>
        <Fact label="Client since">{formatDate(client.createdAt)}</Fact>
        <Fact label="Account manager">{client.accountManager?.name ?? 'Nobody named'}</Fact>
      </SimpleGrid>
      {client.notes && (
        <Group mt="md">
          <Fact label="Notes">
            <span style={{ whiteSpace: 'pre-line' }}>{client.notes}</span>
          </Fact>
        </Group>
      )}
    </Paper>
  );
}
