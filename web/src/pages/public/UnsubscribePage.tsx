import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, ApiError, errorMessage } from '../../api';
import type { PublicUnsubscribe } from '../../api/announcement-types';
import { FormError } from '../../components/ErrorAlert';
import { PublicLayout } from './PublicLayout';

/**
 * `/unsubscribe/:token`, from a newsletter's footer, no sign-in. Opening the page changes nothing
 * (mail scanners follow links); the button unsubscribes. Service notices still arrive.
 */
export function UnsubscribePage() {
  const { token = '' } = useParams();
  const path = `/public/unsubscribe/${encodeURIComponent(token)}`;
  const info = useQuery({ queryKey: ['public-unsubscribe', token], queryFn: () => api.get<PublicUnsubscribe>(path), retry: false, refetchOnWindowFocus: false });
  const confirm = useMutation({ mutationFn: () => api.post<PublicUnsubscribe>(path, {}) });
  if (info.isPending)
    return (
      <PublicLayout title="Unsubscribe">
        <Group justify="center" py="lg">
          <Loader aria-label="Loading" />
        </Group>
      </PublicLayout>
    );
  if (info.isError)
    return (
      <PublicLayout title={info.error instanceof ApiError && info.error.status === 404 ? 'This link does not work' : 'Unsubscribe'}>
        <Text>
          {info.error instanceof ApiError && info.error.status === 404
            ? 'The link is incomplete or has been changed. Open it again from the newsletter, making sure the whole address is used, or reply to the newsletter and ask to be removed.'
            : errorMessage(info.error)}
        </Text>
      </PublicLayout>
    );
  const d = confirm.data ?? info.data;
  if (d.unsubscribed)
    return (
      <PublicLayout title="You are unsubscribed">
        <Stack gap="sm">
          <Text>
            {d.email} will no longer receive newsletters from {d.organisation}.
          </Text>
          <Text size="sm" c="dimmed">
            Service notices about your IT services (maintenance, outages, changes) still reach you, because they concern the service your company receives.
          </Text>
        </Stack>
      </PublicLayout>
    );
  return (
    <PublicLayout title="Unsubscribe from newsletters" subtitle={`From ${d.organisation}`}>
      <Stack gap="md">
        <Text>
          Stop sending newsletters such as “{d.subject}” to <strong>{d.email}</strong>?
        </Text>
        <Text size="sm" c="dimmed">
          Service notices about your IT services will still be sent.
        </Text>
        <FormError message={confirm.isError ? errorMessage(confirm.error) : null} />
        <Button onClick={() => confirm.mutate()} loading={confirm.isPending}>
          Unsubscribe
        </Button>
      </Stack>
    </PublicLayout>
  );
}
