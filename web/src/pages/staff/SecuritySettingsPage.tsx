import { Button, Group, Paper, Skeleton, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api';
import { keys, useTenantSettings } from '../../api/queries';
import type { TenantSettings } from '../../api/types';
import { ErrorAlert, FormError } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useApiForm } from '../../components/useApiForm';
import { canAdminister, useSignedIn } from '../../session';

export function SecuritySettingsPage() {
  const tenant = useTenantSettings();
  return (
    <>
      <PageHeader title="Security settings" description="Your organisation's name and who must use two-factor authentication." />
      {tenant.isPending ? <Skeleton height={220} /> : tenant.isError ? <ErrorAlert error={tenant.error} onRetry={() => tenant.refetch()} /> : <SettingsForm tenant={tenant.data} />}
    </>
  );
}

function SettingsForm({ tenant }: { tenant: TenantSettings }) {
  const { user } = useSignedIn();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ name: tenant.name, mfaRequiredStaff: tenant.mfaRequiredStaff, mfaRequiredClientAdmin: tenant.mfaRequiredClientAdmin });
  const form = useApiForm({
    fieldNames: ['name', 'mfaRequiredStaff', 'mfaRequiredClientAdmin'],
    mutationFn: () => api.patch<TenantSettings>('/tenant', values, tenant.version),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: 'Settings saved' });
      await queryClient.invalidateQueries({ queryKey: keys.tenant });
      await queryClient.invalidateQueries({ queryKey: keys.session });
    },
  });
  const readOnly = !canAdminister(user.role);
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <form onSubmit={(e) => { e.preventDefault(); form.mutation.mutate(undefined); }}>
        <Stack maw={560}>
          <TextInput label="Organisation name" required disabled={readOnly} value={values.name} error={form.fieldError('name')} onChange={(e) => { setValues({ ...values, name: e.currentTarget.value }); form.touch('name'); }} />
          <Switch label="Require two-factor authentication for staff" description="Staff without it are asked to set it up at their next sign-in." disabled={readOnly} checked={values.mfaRequiredStaff} onChange={(e) => setValues({ ...values, mfaRequiredStaff: e.currentTarget.checked })} />
          <Switch label="Require two-factor authentication for client admins" description="Client admins approve changes and sign amendments; protect those accounts." disabled={readOnly} checked={values.mfaRequiredClientAdmin} onChange={(e) => setValues({ ...values, mfaRequiredClientAdmin: e.currentTarget.checked })} />
          <FormError message={form.formError} />
          {!readOnly && <Group><Button type="submit" loading={form.mutation.isPending}>Save settings</Button></Group>}
        </Stack>
      </form>
    </Paper>
  );
}
