import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api';
import { FormError } from '../../components/ErrorAlert';
import { useApiForm } from '../../components/useApiForm';
import { useSession, useSessionChanged } from '../../session';
import { PublicLayout } from './PublicLayout';

type SignInResult = { mfaRequired: boolean; csrfToken: string };

/** Only same-site paths are honoured, so a crafted link cannot send people elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { data: session } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const [step, setStep] = useState<'password' | 'code'>(session?.mfaPending ? 'code' : 'password');
  const done = async (csrfToken: string) => {
    await sessionChanged(csrfToken);
    navigate(safeNext(params.get('next')), { replace: true });
  };
  return step === 'password' ? (
    <PasswordStep
      onSignedIn={async (res) => {
        if (res.mfaRequired) {
          await sessionChanged(res.csrfToken);
          setStep('code');
        } else await done(res.csrfToken);
      }}
    />
  ) : (
    <CodeStep onDone={done} onBack={async () => {
      await api.post('/auth/sign-out').catch(() => undefined);
      await sessionChanged(null);
      setStep('password');
    }} />
  );
}

function PasswordStep({ onSignedIn }: { onSignedIn: (r: SignInResult) => Promise<void> }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useApiForm({
    fieldNames: ['email', 'password'],
    mutationFn: () => api.post<SignInResult>('/auth/sign-in', { email, password }),
    onSuccess: onSignedIn,
  });
  return (
    <PublicLayout title="Sign in" subtitle="Welcome back. Sign in to your servicepact account.">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          form.mutation.mutate(undefined);
        }}
      >
        <Stack>
          <TextInput label="E-mail" type="email" autoComplete="username" required autoFocus value={email} error={form.fieldError('email')} onChange={(e) => { setEmail(e.currentTarget.value); form.touch('email'); }} />
          <PasswordInput label="Password" autoComplete="current-password" required value={password} error={form.fieldError('password')} onChange={(e) => { setPassword(e.currentTarget.value); form.touch('password'); }} />
          <FormError message={form.formError} />
          <Button type="submit" loading={form.mutation.isPending} fullWidth>
            Sign in
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}

function CodeStep({ onDone, onBack }: { onDone: (csrf: string) => Promise<void>; onBack: () => void }) {
  const [code, setCode] = useState('');
  const form = useApiForm({
    fieldNames: ['code'],
    mutationFn: () => api.post<SignInResult>('/auth/mfa', { code: code.trim() }),
    onSuccess: (res) => onDone(res.csrfToken),
  });
  return (
    <PublicLayout title="Two-factor authentication" subtitle="Enter the 6-digit code from your authenticator app, or one of your recovery codes.">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          form.mutation.mutate(undefined);
        }}
      >
        <Stack>
          <TextInput label="Code" autoComplete="one-time-code" inputMode="text" required autoFocus value={code} error={form.fieldError('code')} onChange={(e) => { setCode(e.currentTarget.value); form.touch('code'); }} styles={{ input: { letterSpacing: '0.15em', fontFamily: 'var(--mantine-font-family-monospace)' } }} />
          <FormError message={form.formError} />
          <Button type="submit" loading={form.mutation.isPending} fullWidth>
            Verify
          </Button>
          <Text size="sm" ta="center">
            <Anchor component="button" type="button" onClick={onBack}>
              Use a different account
            </Anchor>
          </Text>
        </Stack>
      </form>
    </PublicLayout>
  );
}
