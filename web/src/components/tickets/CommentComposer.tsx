import { Button, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock, IconPhone, IconSend, IconWorld } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../api';
import { ticketPath, useInvalidateTickets } from '../../api/ticket-queries';
import { FormError } from '../ErrorAlert';
import { useApiForm } from '../useApiForm';

type Send = { kind: 'comment'; body: string; public: boolean } | { kind: 'call'; note: string };

/**
 * The reply box. Staff choose Public (the default: the client sees it, and the first one is the
 * first response) or Internal, and may log a call; client users always reply publicly.
 */
export function CommentComposer({ ticketId, staff }: { ticketId: string; staff: boolean }) {
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<'public' | 'internal'>('public');
  const invalidate = useInvalidateTickets();
  const form = useApiForm({
    fieldNames: ['body', 'note'],
    mutationFn: (s: Send) => (s.kind === 'call' ? api.post(`${ticketPath(ticketId)}/calls`, { note: s.note }) : api.post(`${ticketPath(ticketId)}/comments`, { body: s.body, public: s.public })),
    onSuccess: async (_d, s) => {
      setBody('');
      notifications.show({ color: 'teal', message: s.kind === 'call' ? 'Call logged' : s.public ? 'Reply sent' : 'Internal note added' });
      await invalidate();
    },
  });
  const internal = staff && visibility === 'internal';
  const send = () => {
    if (body.trim() === '') return;
    form.mutation.mutate({ kind: 'comment', body: body.trim(), public: !internal });
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <Stack gap="xs">
        {staff && (
          <Group gap="sm" wrap="wrap">
            <SegmentedControl
              aria-label="Visibility"
              size="xs"
              value={visibility}
              onChange={(v) => setVisibility(v as 'public' | 'internal')}
              color={internal ? 'yellow' : 'indigo'}
              data={[
                { value: 'public', label: <Group gap={4} wrap="nowrap"><IconWorld size={14} />Public</Group> },
                { value: 'internal', label: <Group gap={4} wrap="nowrap"><IconLock size={14} />Internal</Group> },
              ]}
            />
            <Text size="xs" c="dimmed">
              {internal ? 'Only staff will see this note.' : 'The client will see this reply.'}
            </Text>
          </Group>
        )}
        <Textarea
          label={internal ? 'Internal note' : 'Reply'}
          placeholder={internal ? 'A note for the team' : staff ? 'Write to the client' : 'Write a reply'}
          autosize
          minRows={3}
          maxRows={12}
          value={body}
          onChange={(e) => {
            setBody(e.currentTarget.value);
            form.touch('body');
            form.touch('note');
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send();
          }}
          error={form.fieldError('body') ?? form.fieldError('note')}
          styles={internal ? { input: { background: 'var(--mantine-color-yellow-0)' } } : undefined}
        />
        <FormError message={form.formError} />
        <Group justify="flex-end" gap="xs">
          {staff && (
            <Button
              variant="default"
              leftSection={<IconPhone size={16} />}
              disabled={body.trim() === ''}
              loading={form.mutation.isPending && form.mutation.variables?.kind === 'call'}
              onClick={() => form.mutation.mutate({ kind: 'call', note: body.trim() })}
            >
              Log a call
            </Button>
          )}
          <Button type="submit" color={internal ? 'yellow' : undefined} leftSection={internal ? <IconLock size={16} /> : <IconSend size={16} />} disabled={body.trim() === ''} loading={form.mutation.isPending && form.mutation.variables?.kind === 'comment'}>
            {internal ? 'Add internal note' : 'Send reply'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
