import { Alert, Stack } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader';
import { useSession, useSignedIn } from '../../session';
import { ChangePasswordCard } from './ChangePasswordCard';
import { TwoFactorCard } from './TwoFactorCard';
import { CalendarFeedsCard } from '../../components/meetings/CalendarFeedsCard';

export function MyAccountPage() {
  const { user } = useSignedIn();
  const { data: session } = useSession();
  return (
    <>
      <PageHeader title="My account" description={`${user.name} · ${user.email}`} />
      <Stack gap="lg">
        {session?.mfaEnrolmentRequired && (
          <Alert color="orange" icon={<IconShieldLock size={18} />} title="Two-factor authentication is required">
            Your organisation requires two-factor authentication for your role. Set it up below to continue using servicepact.
          </Alert>
        )}
        <TwoFactorCard />
        {!session?.mfaEnrolmentRequired && <ChangePasswordCard />}
        {!session?.mfaEnrolmentRequired && <CalendarFeedsCard />}
      </Stack>
    </>
  );
}
