import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Announcement } from '../../../api/announcement-types';
import { AnnouncementStatusBadge, kindLabels } from '../../../components/announcements/announcement-format';
import { SafeHtml } from '../../../components/announcements/announcement-html';
import { PageHeader } from '../../../components/PageHeader';
import { SectionCard } from '../../../components/SectionCard';
import { formatDateTime } from '../../../labels';

/** A sent or cancelled announcement (or any, for staff who do not write): what went out, to how many. */
export function AnnouncementView({ announcement: a }: { announcement: Announcement }) {
  const c = a.counts;
  const stat = (label: string, value: number, color?: string) => (
    <Paper withBorder radius="sm" p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="xl" c={color}>
        {value}
      </Text>
    </Paper>
  );
  return (
    <>
      <PageHeader
        title={a.subject}
        badge={<AnnouncementStatusBadge status={a.status} />}
        description={
          <>
            {kindLabels[a.kind]} by {a.createdBy.name}
            {a.sentAt ? `, sent ${formatDateTime(a.sentAt)}` : a.scheduledFor ? `, scheduled for ${formatDateTime(a.scheduledFor)}` : ''}. <Anchor component={Link} to="/announcements">All announcements</Anchor>
          </>
        }
        actions={
          a.status === 'sent' ? (
            <Button component={Link} to={`/announcements/${a.id}/recipients`} leftSection={<IconUsers size={16} />} variant="default">
              Recipients
            </Button>
          ) : undefined
        }
      />
      <Stack gap="lg">
        {a.status === 'sent' && (
          <SimpleGrid cols={{ base: 2, sm: 5 }}>
            {stat('Recipients', c.total)}
            {stat('Sent', c.sent, 'green')}
            {stat('Queued', c.queued, 'blue')}
            {stat('Failed', c.failed, c.failed > 0 ? 'red' : undefined)}
            {stat('Unsubscribed', c.unsubscribed)}
          </SimpleGrid>
        )}
        {a.status === 'cancelled' && <Text c="dimmed">This scheduled announcement was cancelled; nothing was sent.</Text>}
        <SectionCard title="Message">
          <Title order={4} mb="xs">
            {a.subject}
          </Title>
          <SafeHtml html={a.bodyHtml} />
        </SectionCard>
        <Group>
          <Text size="sm" c="dimmed">
            Audience: {describeAudience(a)}
          </Text>
        </Group>
      </Stack>
    </>
  );
}

function describeAudience(a: Announcement): string {
  const parts: string[] = [];
  const n = (k: number, one: string) => `${k} ${one}${k === 1 ? '' : 's'}`;
  if (a.audience.clientIds.length) parts.push(n(a.audience.clientIds.length, 'client'));
  if (a.audience.planIds.length) parts.push(n(a.audience.planIds.length, 'plan'));
  if (a.audience.siteIds.length) parts.push(n(a.audience.siteIds.length, 'site'));
  if (a.audience.contactRoles.length) parts.push(`roles ${a.audience.contactRoles.join(', ')}`);
  return parts.length ? parts.join(' · ') : 'every active client';
}
