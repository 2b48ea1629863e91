import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage } from '../../api';
import { surveyKeys, useTicketSatisfaction } from '../../api/survey-queries';
import type { TicketSatisfaction } from '../../api/survey-types';
import { FormError } from '../ErrorAlert';
import { SectionCard } from '../SectionCard';
import { RatingButtons, ratingLabel } from './RatingButtons';

/**
 * "How did we do?" on a resolved ticket in the portal: its requester rates it (and may change the
 * rating or add a comment); anyone else who sees the ticket sees the rating given. Nothing shows
 * before the ticket has a survey.
 */
export function RatingCard({ ticketId }: { ticketId: string }) {
  const satisfaction = useTicketSatisfaction(ticketId);
  if (!satisfaction.data?.survey) return null;
  return <RatingCardBody ticketId={ticketId} data={satisfaction.data} />;
}

function RatingCardBody({ ticketId, data }: { ticketId: string; data: TicketSatisfaction }) {
  const survey = data.survey!;
  const queryClient = useQueryClient();
  const [comment, setComment] = useState(survey.comment);
  const rate = useMutation({
    mutationFn: (body: { rating: number; comment?: string }) => api.put<TicketSatisfaction>(`/tickets/${ticketId}/satisfaction`, body),
    onSuccess: (saved) => queryClient.setQueryData(surveyKeys.ticket(ticketId), saved),
  });
  const question = 'How did we do on this ticket?';
  if (!data.canRespond)
    return (
      <SectionCard title="How did we do?">
        <Text size="sm">{survey.rating === null ? 'The requester has not rated this ticket yet.' : `Rated ${ratingLabel(survey.scale, survey.rating)}${survey.comment ? `: “${survey.comment}”` : ''}`}</Text>
      </SectionCard>
    );
  return (
    <SectionCard title="How did we do?">
      <Stack gap="sm">
        <Text size="sm">{survey.rating === null ? 'Your ticket is resolved. One click tells us how it went.' : 'Thank you for your rating. You can change it or add a comment.'}</Text>
        <RatingButtons scale={survey.scale} value={survey.rating} question={question} disabled={rate.isPending} onChange={(rating) => rate.mutate({ rating })} />
        {survey.rating !== null && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              rate.mutate({ rating: survey.rating!, comment: comment.trim() });
            }}
          >
            <Stack gap="xs">
              <Textarea label="Comment (optional)" autosize minRows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
              <Group justify="flex-end">
                <Button type="submit" size="xs" variant="light" loading={rate.isPending && rate.variables?.comment !== undefined} disabled={comment.trim() === survey.comment}>
                  Send comment
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        <FormError message={rate.error ? errorMessage(rate.error) : null} />
      </Stack>
    </SectionCard>
  );
}
