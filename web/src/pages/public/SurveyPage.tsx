import { Alert, Button, Group, Loader, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api, ApiError, errorMessage } from '../../api';
import type { PublicSurvey, SurveyAnswer } from '../../api/survey-types';
import { FormError } from '../../components/ErrorAlert';
import { RatingButtons, ratingOptions } from '../../components/surveys/RatingButtons';
import { PublicLayout } from './PublicLayout';

const COMMENT_MAX = 2000;

/**
 * The page a survey link opens (`/s/csat/:token?r=3`, `/s/nps/:token?r=9`), no sign-in. The
 * rating in the link is posted from the browser once the page has loaded, so a mail scanner that
 * fetches the link records nothing; then a comment box. Expired and broken links get plain words.
 */
export function SurveyPage() {
  const { token = '' } = useParams();
  const [params] = useSearchParams();
  const survey = useQuery({
    queryKey: ['public-survey', token],
    queryFn: () => api.get<PublicSurvey>(`/public/surveys/${encodeURIComponent(token)}`),
    retry: false,
    refetchOnWindowFocus: false,
  });
  if (survey.isPending)
    return (
      <PublicLayout title="Your feedback">
        <Group justify="center" py="lg">
          <Loader aria-label="Loading the survey" />
        </Group>
      </PublicLayout>
    );
  if (survey.isError) return <LinkProblem error={survey.error} />;
  return <SurveyForm token={token} survey={survey.data} linkRating={params.get('r')} />;
}

function LinkProblem({ error }: { error: Error }) {
  const code = error instanceof ApiError ? error.code : '';
  if (code === 'survey_link_expired')
    return (
      <PublicLayout title="This link has expired">
        <Text>Survey links work for a limited time, and this one has run out. If you still want to tell us how it went, reply to the e-mail that brought you here.</Text>
      </PublicLayout>
    );
  if (code === 'survey_link_invalid' || (error instanceof ApiError && error.status === 404))
    return (
      <PublicLayout title="This link does not work">
        <Text>The link is incomplete or has been changed. Open it again from the e-mail, making sure the whole address is used. If it still does not work, reply to the e-mail instead.</Text>
      </PublicLayout>
    );
  if (code === 'rate_limited')
    return (
      <PublicLayout title="Too many attempts">
        <Text>Please wait a minute, then reload this page.</Text>
      </PublicLayout>
    );
  return (
    <PublicLayout title="The survey could not be loaded">
      <Text>{errorMessage(error)}</Text>
    </PublicLayout>
  );
}

function SurveyForm({ token, survey, linkRating }: { token: string; survey: PublicSurvey; linkRating: string | null }) {
  const [answer, setAnswer] = useState<SurveyAnswer | null>(survey.response);
  const [fresh, setFresh] = useState(false);
  const [comment, setComment] = useState(survey.response?.comment ?? '');
  const [commentSent, setCommentSent] = useState(false);
  const send = useMutation({
    mutationFn: (body: { rating: number; comment?: string }) => api.post<SurveyAnswer>(`/public/surveys/${encodeURIComponent(token)}/response`, body),
    onSuccess: (saved, body) => {
      setAnswer(saved);
      setFresh(true);
      if (body.comment !== undefined) setCommentSent(true);
    },
  });

  // The rating the link carries, once: a reload or React's double effects must not post twice.
  const posted = useRef(false);
  const fromLink = linkRating !== null && /^\d{1,2}$/.test(linkRating) ? Number(linkRating) : null;
  const linkIsValid = fromLink !== null && ratingOptions(survey.scale).some((o) => o.value === fromLink);
  useEffect(() => {
    if (posted.current || !linkIsValid || fromLink === null) return;
    posted.current = true;
    send.mutate({ rating: fromLink });
  }, [fromLink, linkIsValid, send]);

  const nps = survey.kind === 'nps';
  const question = nps ? `How likely is it that you would recommend ${survey.organisation} to a friend or colleague?` : 'How did we do?';
  const about = survey.ticket ? `Ticket T-${survey.ticket.number}: ${survey.ticket.subject}` : null;
  const recording = send.isPending && !answer;
  const thanked = fresh && answer !== null;

  return (
    <PublicLayout
      width={nps ? 620 : 480}
      title={thanked ? 'Thank you for your feedback' : question}
      subtitle={
        <>
          {survey.organisation}
          {about && (
            <>
              <br />
              {about}
            </>
          )}
        </>
      }
    >
      <Stack gap="md">
        {recording ? (
          <Group gap="sm">
            <Loader size="sm" />
            <Text>Recording your answer…</Text>
          </Group>
        ) : (
          <>
            {thanked && <Text>Your answer has been recorded. You can change it below.</Text>}
            {!thanked && answer && <Text size="sm">You answered this before; choose again to change your answer.</Text>}
            <Stack gap={6}>
              {thanked && (
                <Text fw={500} size="sm">
                  {question}
                </Text>
              )}
              <RatingButtons scale={survey.scale} value={answer?.rating ?? null} question={question} disabled={send.isPending} onChange={(rating) => send.mutate({ rating })} />
            </Stack>
          </>
        )}
        {answer && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              send.mutate({ rating: answer.rating, comment: comment.trim() });
            }}
          >
            <Stack gap="sm">
              <Textarea
                label="Comment (optional)"
                description={nps ? 'What is the main reason for your score?' : 'Anything we should know? What went well, or what could have gone better?'}
                autosize
                minRows={3}
                maxLength={COMMENT_MAX}
                value={comment}
                onChange={(e) => {
                  setComment(e.currentTarget.value);
                  setCommentSent(false);
                }}
              />
              {commentSent && (
                <Alert color="teal" variant="light" role="status">
                  Your comment was sent. Thank you!
                </Alert>
              )}
              <Group justify="flex-end">
                <Button type="submit" loading={send.isPending && send.variables?.comment !== undefined} disabled={comment.trim() === answer.comment}>
                  Send comment
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        <FormError message={send.error ? errorMessage(send.error) : null} />
        <Text size="xs" c="dimmed">
          This link works until {new Date(survey.expiresAt).toLocaleDateString()}.
        </Text>
      </Stack>
    </PublicLayout>
  );
}
