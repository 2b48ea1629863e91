import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { usePortalAnnouncements } from '../../api/announcement-queries';
import { kindLabels } from '../../components/announcements/announcement-format';
import { SafeHtml } from '../../components/announcements/announcement-html';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { TableSkeleton } from '../../components/TableSkeleton';
import { formatDateTime } from '../../labels';

/** Client portal: the announcements the company received, newest first. */
export function PortalAnnouncementsPage() {
  const list = usePortalAnnouncements();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title="Announcements" description="Service notices and newsletters your IT provider sent to your company's contacts." />
      {list.isPending ? (
        <TableSkeleton />
      ) : list.isError ? (
        <ErrorAlert error={list.error} title="The announcements could not be loaded" onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={<IconSpeakerphone size={24} />} title="No announcements yet">
          Maintenance windows, outages and news from your IT provider appear here once they are sent.
        </EmptyState>
      ) : (
        <Stack gap="md">
          {items.map((a) => (
            <Paper key={a.id} withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="article" aria-labelledby={`announcement-${a.id}`}>
              <Group justify="space-between" align="flex-start" mb="xs" wrap="wrap">
                <Title order={3} size="h4" id={`announcement-${a.id}`}>
                  {a.subject}
                </Title>
                <Group gap="xs">
                  <Badge variant="light" color={a.kind === 'service_notice' ? 'blue' : 'grape'}>
                    {kindLabels[a.kind]}
                  </Badge>
                  <Text size="sm" c="dimmed">
                    {formatDateTime(a.sentAt)}
                  </Text>
                </Group>
              </Group>
              <SafeHtml html={a.bodyHtml} />
            </Paper>
          ))}
          {list.hasNextPage && (
            <Group justify="center">
              <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
                Show older announcements
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </>
  );
}
