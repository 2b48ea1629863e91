import { Badge } from '@mantine/core';
import type { AnnouncementKind, AnnouncementStatus, RecipientStatus } from '../../api/announcement-types';
import type { ContactRole } from '../../api/types';

export const kindLabels: Record<AnnouncementKind, string> = { service_notice: 'Service notice', newsletter: 'Newsletter' };
export const kindHelp: Record<AnnouncementKind, string> = {
  service_notice: 'About the service itself (maintenance, outages, changes). Reaches every matching contact, also those who unsubscribed from newsletters.',
  newsletter: 'News and tips. Each e-mail carries an unsubscribe link; addresses that unsubscribed are left out.',
};

const statusColors: Record<AnnouncementStatus, string> = { draft: 'gray', scheduled: 'blue', sending: 'yellow', sent: 'green', cancelled: 'red' };
const statusLabels: Record<AnnouncementStatus, string> = { draft: 'Draft', scheduled: 'Scheduled', sending: 'Sending', sent: 'Sent', cancelled: 'Cancelled' };
export const ANNOUNCEMENT_STATUSES = Object.keys(statusLabels) as AnnouncementStatus[];
export const announcementStatusLabel = (s: AnnouncementStatus) => statusLabels[s];

export function AnnouncementStatusBadge({ status }: { status: AnnouncementStatus }) {
  return (
    <Badge color={statusColors[status]} variant="light">
      {statusLabels[status]}
    </Badge>
  );
}

const recipientColors: Record<RecipientStatus, string> = { queued: 'blue', sent: 'green', failed: 'red', unsubscribed: 'gray' };
export const recipientLabels: Record<RecipientStatus, string> = { queued: 'Queued', sent: 'Sent', failed: 'Failed', unsubscribed: 'Unsubscribed' };

export function RecipientStatusBadge({ status }: { status: RecipientStatus }) {
  return (
    <Badge color={recipientColors[status]} variant="light">
      {recipientLabels[status]}
    </Badge>
  );
}

export const contactRoleLabels: Record<ContactRole, string> = { primary: 'Primary', billing: 'Billing', technical: 'Technical', approver: 'Approver' };
