import { Alert, Button, Group, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../api';
import type { InvitationView } from '../../api/types';
import { ErrorAlert, FormError } from '../../components/ErrorAlert';
import { useApiForm } from '../../components/useApiForm';
import { roleLabel } from '../../labels';
import { useSessionChanged } from '../../session';
import { PublicLayout } from './PublicLayout';

export function InvitePage() {
  const { token = '' } = useParams();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<InvitationView>(`/invitations/${encodeURIComponent(token)}`),
    retry: false,
  });
  if (invitation.isPending)
    return (
      <PublicLayout title="Invitation">
        <Group justify="center" py="lg">
          <Loader />
        </Group>
      </PublicLayout>
    );
  if (invitation.isError)
    return (
      <PublicLayout title="Invitation">
        <ErrorAlert error={invitation.error} title="This invitation cannot be used" />
      </PublicLayout>
    );
  const inv = invitation.data;
  if (inv.expired)
    return (
      <PublicLayout title="Invitation expired">
        <Text>This invitation has expired. Ask the person who invited you to send a new one.</Text>
      </PublicLayout>
    );
  return <AcceptForm token={token} invitation={inv} />;
}

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationView }) {
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const [name, setName] = useState(invitation.name);
  const [password, setPassword] = useState('');
  const form = useApiForm({
    fieldNames: ['name', 'password'],
    mutationFn: () => api.post<{ csrfToken: string }>(`/invitations/${encodeURIComponent(token)}/accept`, { name, password }),
    onSuccess: async (res) => {
      await sessionChanged(res.csrfToken);
      navigate('/', { replace: true });
    },
  });
  const where = invitation.clientName ? `${invitation.clientName}, served by ${invitation.organisation}` : invitation.organisation;
  return (
    <PublicLayout title={`Join ${invitation.clientName ?? invitation.organisation}`} subtitle="Choose your name and a password to finish creating your account.">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          form.mutation.mutate(undefined);
        }}
      >
        <Stack>
          <Alert variant="light" color="blue">
            <Text size="sm">
              <strong>{invitation.email}</strong> is invited as {roleLabel(invitation.role).toLowerCase()} of <strong>{where}</strong>.
            </Text>
          </Alert>
          <TextInput label="E-mail" value={invitation.email} readOnly disabled />
          <TextInput label="Your name" required autoComplete="name" value={name} error={form.fieldError('name')} onChange={(e) => { setName(e.currentTarget.value); form.touch('name'); }} />
          <PasswordInput label="Password" description="At least 10 characters, not a common password" required autoComplete="new-password" value={password} error={form.fieldError('password')} onChange={(e) => { setPassword(e.currentTarget.value); form.touch('password'); }} />
          <FormError message={form.formError} />
          <Button type="submit" loading={form.mutation.isPending} fullWidth>
            Create my account
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}
