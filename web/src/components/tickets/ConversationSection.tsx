import { Divider, Skeleton, Stack } from '@mantine/core';
import { useAttachments, useComments } from '../../api/ticket-queries';
import { ErrorAlert } from '../ErrorAlert';
import { SectionCard } from '../SectionCard';
import { CommentComposer } from './CommentComposer';
import { Conversation } from './Conversation';

/** The conversation with its reply box (the API leaves internal notes out for client users). */
export function ConversationSection({ ticketId, staff }: { ticketId: string; staff: boolean }) {
  const comments = useComments(ticketId);
  const attachments = useAttachments(ticketId);
  return (
    <SectionCard title="Conversation" count={comments.data?.length}>
      <Stack gap="md">
        {comments.isPending ? (
          <Stack gap="xs" aria-busy="true" aria-label="Loading">
            <Skeleton height={64} />
            <Skeleton height={64} />
          </Stack>
        ) : comments.isError ? (
          <ErrorAlert error={comments.error} title="The conversation could not be loaded" onRetry={() => comments.refetch()} />
        ) : (
          <Conversation ticketId={ticketId} comments={comments.data} attachments={attachments.data ?? []} />
        )}
        <Divider />
        <CommentComposer ticketId={ticketId} staff={staff} />
      </Stack>
    </SectionCard>
  );
}
