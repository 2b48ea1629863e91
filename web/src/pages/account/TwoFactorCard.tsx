import { Alert, Badge, Button, Code, CopyButton, Group, Image, Modal, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../api';
import type { MfaEnrolment } from '../../api/types';
import { FormError } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { useApiForm } from '../../components/useApiForm';
import { useSession, useSessionChanged, useSignedIn } from '../../session';

/**
 * Two-factor set-up: start (QR + secret), confirm with a code, then the recovery codes once.
 * The codes stay on screen until the person says they saved them, because they are never shown again.
 */
export function TwoFactorCard() {
  const { user } = useSignedIn();
  const { data: session } = useSession();
  const sessionChanged = useSessionChanged();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  if (recoveryCodes)
    return (
      <SectionCard title="Two-factor authentication">
        <RecoveryCodes codes={recoveryCodes} onDone={async () => { setRecoveryCodes(null); await sessionChanged(); }} />
      </SectionCard>
    );
  return (
    <SectionCard title="Two-factor authentication" actions={user.mfaEnabled ? <Badge color="teal" variant="light">On</Badge> : <Badge color="gray" variant="light">Off</Badge>}>
      {user.mfaEnabled && !session?.mfaEnrolmentRequired ? <MfaEnabled /> : <Enrolment onConfirmed={setRecoveryCodes} />}
    </SectionCard>
  );
}

function Enrolment({ onConfirmed }: { onConfirmed: (codes: string[]) => void }) {
  const [code, setCode] = useState('');
  const start = useApiForm({ fieldNames: [], mutationFn: () => api.post<MfaEnrolment>('/me/mfa/enrolment') });
  const confirm = useApiForm({
    fieldNames: ['code'],
    mutationFn: () => api.post<{ recoveryCodes: string[] }>('/me/mfa/enrolment/confirm', { code: code.trim() }),
    onSuccess: (res) => onConfirmed(res.recoveryCodes),
  });
  const enrolment = start.mutation.data;
  if (!enrolment)
    return (
      <Stack align="flex-start">
        <Text size="sm">
          Protect your account with a second step at sign-in: a 6-digit code from an authenticator app such as 1Password, Google Authenticator or Microsoft Authenticator.
        </Text>
        <FormError message={start.formError} />
        <Button leftSection={<IconShieldCheck size={16} />} onClick={() => start.mutation.mutate(undefined)} loading={start.mutation.isPending}>
          Set up two-factor authentication
        </Button>
      </Stack>
    );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
      <Stack gap="xs" align="center">
        <Image src={enrolment.qrDataUrl} alt="QR code to scan with your authenticator app" w={200} h={200} fit="contain" />
        <Text size="xs" c="dimmed" ta="center">
          Can't scan? Enter this secret in your app:
        </Text>
        <Code data-testid="mfa-secret" style={{ wordBreak: 'break-all', fontSize: 14 }}>
          {enrolment.secret}
        </Code>
      </Stack>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          confirm.mutation.mutate(undefined);
        }}
      >
        <Stack>
          <Text size="sm">1. Scan the QR code with your authenticator app.</Text>
          <Text size="sm">2. Enter the 6-digit code it shows to confirm.</Text>
          <TextInput label="Code from your app" autoComplete="one-time-code" inputMode="numeric" maxLength={6} required value={code} error={confirm.fieldError('code')} onChange={(e) => { setCode(e.currentTarget.value); confirm.touch('code'); }} maw={200} styles={{ input: { letterSpacing: '0.2em', fontFamily: 'var(--mantine-font-family-monospace)' } }} />
          <FormError message={confirm.formError} />
          <Group>
            <Button type="submit" loading={confirm.mutation.isPending}>
              Turn on two-factor
            </Button>
          </Group>
        </Stack>
      </form>
    </SimpleGrid>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const text = codes.join('\n');
  const download = () => {
    const url = URL.createObjectURL(new Blob([`servicepact recovery codes\n\n${text}\n`], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'servicepact-recovery-codes.txt';
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Stack>
      <Alert color="yellow" title="Save your recovery codes now">
        Each code signs you in once if you lose your phone. They are shown only this once.
      </Alert>
      <SimpleGrid cols={2} spacing={6} maw={360} data-testid="recovery-codes" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {codes.map((c) => (
          <li key={c}>
            <Code style={{ fontSize: 14 }}>{c}</Code>
          </li>
        ))}
      </SimpleGrid>
      <Group>
        <CopyButton value={text}>{({ copied, copy }) => <Button variant="default" onClick={copy}>{copied ? 'Copied' : 'Copy codes'}</Button>}</CopyButton>
        <Button variant="default" leftSection={<IconDownload size={16} />} onClick={download}>
          Download
        </Button>
        <Button onClick={onDone}>I have saved them</Button>
      </Group>
    </Stack>
  );
}

function MfaEnabled() {
  const sessionChanged = useSessionChanged();
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  const [opened, { open, close }] = useDisclosure(false);
  const [password, setPassword] = useState('');
  const disable = useApiForm({
    fieldNames: ['password'],
    mutationFn: () => api.post('/me/mfa/disable', { password }),
    onSuccess: async () => {
      close();
      notifications.show({ color: 'teal', message: 'Two-factor authentication turned off' });
      await sessionChanged();
    },
  });
  return (
    <Stack align="flex-start">
      <Text size="sm">Two-factor authentication is on. At sign-in you enter a code from your authenticator app after your password.</Text>
      {newCodes ? (
        <RecoveryCodes codes={newCodes} onDone={() => setNewCodes(null)} />
      ) : (
        <Group>
          <NewRecoveryCodesButton onCodes={setNewCodes} />
          <Button color="red" variant="light" onClick={open}>
            Turn off two-factor
          </Button>
        </Group>
      )}
      <Modal opened={opened} onClose={close} title="Turn off two-factor authentication" centered>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            disable.mutation.mutate(undefined);
          }}
        >
          <Stack>
            <Text size="sm">Your account will be protected by your password only. Confirm with your password.</Text>
            <PasswordInput label="Password" autoComplete="current-password" required data-autofocus value={password} error={disable.fieldError('password')} onChange={(e) => { setPassword(e.currentTarget.value); disable.touch('password'); }} />
            <FormError message={disable.formError} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>Cancel</Button>
              <Button color="red" type="submit" loading={disable.mutation.isPending}>Turn off</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}

/** Replaces the recovery codes (the old ones stop working); needs a current code from the app. */
function NewRecoveryCodesButton({ onCodes }: { onCodes: (codes: string[]) => void }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [code, setCode] = useState('');
  const form = useApiForm({
    fieldNames: ['code'],
    mutationFn: () => api.post<{ recoveryCodes: string[] }>('/me/mfa/recovery-codes', { code: code.trim() }),
    onSuccess: (res) => {
      close();
      setCode('');
      onCodes(res.recoveryCodes);
    },
  });
  return (
    <>
      <Button variant="default" onClick={open}>
        New recovery codes
      </Button>
      <Modal opened={opened} onClose={close} title="New recovery codes" centered>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            form.mutation.mutate(undefined);
          }}
        >
          <Stack>
            <Text size="sm">Your current recovery codes stop working. Confirm with a code from your authenticator app.</Text>
            <TextInput label="Code from your app" autoComplete="one-time-code" inputMode="numeric" required data-autofocus value={code} error={form.fieldError('code')} onChange={(e) => { setCode(e.currentTarget.value); form.touch('code'); }} maw={200} />
            <FormError message={form.formError} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>Cancel</Button>
              <Button type="submit" loading={form.mutation.isPending}>Create new codes</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
