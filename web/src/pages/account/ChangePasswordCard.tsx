import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { api } from '../../api';
import { FormError } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { useApiForm } from '../../components/useApiForm';

export function ChangePasswordCard() {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const form = useApiForm({
    fieldNames: ['currentPassword', 'newPassword'],
    mutationFn: () => api.post('/me/password', { currentPassword, newPassword }),
    onSuccess: () => {
      setCurrent('');
      setNew('');
      notifications.show({ color: 'teal', message: 'Password changed. Your other sessions were signed out.' });
    },
  });
  return (
    <SectionCard title="Password">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          form.mutation.mutate(undefined);
        }}
      >
        <Stack maw={420}>
          <Text size="sm" c="dimmed">
            Changing your password signs you out everywhere else.
          </Text>
          <PasswordInput label="Current password" autoComplete="current-password" required value={currentPassword} error={form.fieldError('currentPassword')} onChange={(e) => { setCurrent(e.currentTarget.value); form.touch('currentPassword'); }} />
          <PasswordInput label="New password" description="At least 10 characters, not a common password" autoComplete="new-password" required value={newPassword} error={form.fieldError('newPassword')} onChange={(e) => { setNew(e.currentTarget.value); form.touch('newPassword'); }} />
          <FormError message={form.formError} />
          <Group>
            <Button type="submit" loading={form.mutation.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
