import { Button, Group } from '@mantine/core';
import { IconExternalLink, IconFileTypePdf } from '@tabler/icons-react';
import { schedulePdfUrl, scheduleUrl } from '../../api/pact-queries';

/** The Service Level Schedule: the HTML page in a new tab, the PDF as a download. */
export function ScheduleLinks({ contractId, amendment, size = 'sm' }: { contractId: string; amendment?: number; size?: 'xs' | 'sm' }) {
  const what = amendment ? `amendment ${amendment}` : 'the contract';
  return (
    <Group gap="xs" wrap="wrap">
      <Button
        component="a"
        href={scheduleUrl(contractId, amendment)}
        target="_blank"
        rel="noopener"
        size={size}
        variant="light"
        leftSection={<IconExternalLink size={16} />}
        aria-label={`Open the Service Level Schedule of ${what} in a new tab`}
      >
        {amendment ? 'Preview schedule' : 'Service Level Schedule'}
      </Button>
      <Button
        component="a"
        href={schedulePdfUrl(contractId, amendment)}
        download
        size={size}
        variant="default"
        leftSection={<IconFileTypePdf size={16} />}
        aria-label={`Download the Service Level Schedule of ${what} as PDF`}
      >
        PDF
      </Button>
    </Group>
  );
}
