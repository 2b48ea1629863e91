import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { FormError } from '../../components/ErrorAlert';
import { useApiForm } from '../../components/useApiForm';
import { useSessionChanged } from '../../session';
import { PublicLayout } from './PublicLayout';

type SetupBody = { setupToken: string; organisation: string; ownerName: string; ownerEmail: string; password: string };

export function SetupPage() {
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const [values, setValues] = useState<SetupBody>({ setupToken: '', organisation: '', ownerName: '', ownerEmail: '', password: '' });
  const form = useApiForm({
    fieldNames: Object.keys(values),
    mutationFn: (body: SetupBody) => api.post<{ csrfToken: string }>('/setup', body),
    onSuccess: async (res) => {
      await sessionChanged(res.csrfToken);
      navigate('/', { replace: true });
    },
  });
  const bind = (name: keyof SetupBody) => ({
    value: values[name],
    error: form.fieldError(name),
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      setValues({ ...values, [name]: e.currentTarget.value });
      form.touch(name);
    },
  });
  return (
    <PublicLayout title="Set up servicepact" subtitle="Create your organisation and its owner account. You can invite your team afterwards." width={480}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          form.mutation.mutate(values);
        }}
      >
        <Stack>
          <TextInput label="Set-up code" description="Printed in the terminal where servicepact started" required autoComplete="off" autoFocus {...bind('setupToken')} />
          <TextInput label="Organisation" description="Your MSP's name, as your clients know it" required {...bind('organisation')} />
          <TextInput label="Your name" required autoComplete="name" {...bind('ownerName')} />
          <TextInput label="E-mail" type="email" required autoComplete="email" {...bind('ownerEmail')} />
          <PasswordInput label="Password" description="At least 10 characters, not a common password" required autoComplete="new-password" {...bind('password')} />
          <FormError message={form.formError} />
          <Button type="submit" loading={form.mutation.isPending} fullWidth>
            Create organisation
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}
