import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

export function NoContractBanner() {
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title="No active contract: this ticket has no SLA clocks">
      The client had no contract in force when the ticket was opened, so no response or resolution targets apply.
    </Alert>
  );
}
