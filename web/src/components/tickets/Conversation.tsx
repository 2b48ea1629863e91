import { Anchor, Avatar, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconLock, IconPhone } from '@tabler/icons-react';
import type { Attachment, TicketComment } from '../../api/ticket-types';
import { formatDateTime } from '../../labels';
import { bytesText } from '../../ticket-labels';
import { attachmentUrl } from './AttachmentsSection';

function initials(name: string) {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((p) => p[0]?.toUpperCase()).join('');
}

/** The conversation, oldest first; internal notes sit on a yellow ground with a lock. */
export function Conversation({ ticketId, comments, attachments }: { ticketId: string; comments: TicketComment[]; attachments: Attachment[] }) {
  if (comments.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No replies yet.
      </Text>
    );
  return (
    <Stack gap="sm" aria-label="Conversation" role="list">
      {comments.map((c) => (
        <CommentBubble key={c.id} ticketId={ticketId} comment={c} files={attachments.filter((a) => a.commentId === c.id)} />
      ))}
    </Stack>
  );
}

function CommentBubble({ ticketId, comment, files }: { ticketId: string; comment: TicketComment; files: Attachment[] }) {
  const name = comment.author.name;
  const internal = !comment.public;
  const call = comment.kind === 'call';
  return (
    <Paper
      role="listitem"
      aria-label={`${internal ? 'Internal note' : call ? 'Call' : 'Reply'} by ${name}`}
      withBorder
      radius="md"
      p="sm"
      bg={internal ? 'var(--mantine-color-yellow-0)' : 'white'}
      style={internal ? { borderColor: 'var(--mantine-color-yellow-4)', borderStyle: 'dashed' } : undefined}
    >
      <Group justify="space-between" gap="xs" mb={6} wrap="wrap">
        <Group gap={8} wrap="nowrap">
          <Avatar size={26} radius="xl" color={comment.author.contactId ? 'cyan' : 'indigo'}>
            {initials(name)}
          </Avatar>
          <Text size="sm" fw={600}>
            {name}
          </Text>
          {internal && (
            <Badge color="yellow" variant="light" radius="sm" leftSection={<IconLock size={12} />}>
              Internal
            </Badge>
          )}
          {call && (
            <Badge color="grape" variant="light" radius="sm" leftSection={<IconPhone size={12} />}>
              Call
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {formatDateTime(comment.createdAt)}
        </Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {comment.body}
      </Text>
      {files.length > 0 && (
        <Group gap="xs" mt="xs">
          {files.map((a) => (
            <Anchor key={a.id} href={attachmentUrl(ticketId, a.id)} size="xs" download>
              {a.filename} ({bytesText(a.size)})
            </Anchor>
          ))}
        </Group>
      )}
    </Paper>
  );
}
