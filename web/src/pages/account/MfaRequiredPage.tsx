import { Alert, Box, Button, Container, Group, Stack, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { Logo } from '../../components/Logo';
import { useSessionChanged } from '../../session';
import { TwoFactorCard } from './TwoFactorCard';

/** Shown whatever the person opens until they enrol, because the API refuses everything else. */
export function MfaRequiredPage() {
  const sessionChanged = useSessionChanged();
  const navigate = useNavigate();
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Container size="md" py="lg">
        <Group justify="space-between" mb="xl">
          <Logo />
          <Button
            variant="subtle"
            onClick={async () => {
              await api.post('/auth/sign-out').catch(() => undefined);
              await sessionChanged(null);
              navigate('/sign-in');
            }}
          >
            Sign out
          </Button>
        </Group>
        <Stack gap="lg" component="main">
          <Title order={2}>Set up two-factor authentication</Title>
          <Alert color="orange" icon={<IconShieldLock size={18} />} title="Required by your organisation">
            Your organisation requires two-factor authentication for your role. Set it up to continue; it takes a minute with an authenticator app on your phone.
          </Alert>
          <TwoFactorCard />
        </Stack>
      </Container>
    </Box>
  );
}
