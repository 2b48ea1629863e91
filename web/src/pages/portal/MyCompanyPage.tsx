import { Skeleton, Stack } from '@mantine/core';
import { ApiError } from '../../api';
import { useClient } from '../../api/queries';
import { ContactsSection } from '../../components/ContactsSection';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NotFound } from '../../components/NotFound';
import { PageHeader } from '../../components/PageHeader';
import { SitesSection } from '../../components/SitesSection';
import { useSignedIn } from '../../session';
import { PortalJourneySection } from '../../components/journey/PortalJourneySection';

/** The portal's start page: the signed-in person's own company, read-only. */
export function MyCompanyPage() {
  const { user, tenant } = useSignedIn();
  const clientId = user.clientId ?? '';
  const client = useClient(clientId);
  if (client.isPending)
    return (
      <Stack>
        <Skeleton height={28} width="40%" />
        <Skeleton height={160} />
      </Stack>
    );
  if (client.isError) {
    if (client.error instanceof ApiError && (client.error.status === 404 || client.error.status === 400)) return <NotFound what="company" />;
    return <ErrorAlert error={client.error} title="Your company could not be loaded" onRetry={() => client.refetch()} />;
  }
  return (
    <>
      <PageHeader title={client.data.name} description={`Your company's details as ${tenant.name} has them. Tell them if something is out of date.`} />
      <Stack gap="lg">
        {user.role === 'client_admin' && <PortalJourneySection clientId={clientId} providerName={tenant.name} />}
        <SitesSection clientId={clientId} canWrite={false} />
        <ContactsSection clientId={clientId} canWrite={false} canInvite={false} />
      </Stack>
    </>
  );
}
