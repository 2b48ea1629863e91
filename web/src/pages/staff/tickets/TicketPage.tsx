import { Anchor, Grid, Paper, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api';
import { useTicket } from '../../../api/ticket-queries';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { NotFound } from '../../../components/NotFound';
import { AttachmentsSection } from '../../../components/tickets/AttachmentsSection';
import { ConversationSection } from '../../../components/tickets/ConversationSection';
import { TargetsExplanation } from '../../../components/tickets/TargetsExplanation';
import { TicketClocks } from '../../../components/tickets/TicketClocks';
import { TicketFactsCard } from '../../../components/tickets/TicketFactsCard';
import { TicketPageSkeleton } from '../../../components/tickets/TicketPageSkeleton';
import { TicketTitle } from '../../../components/tickets/TicketTitle';
import { TicketWorkControls } from './TicketWorkControls';
import { TimeEntriesSection } from './TimeEntriesSection';
import { WatchersTagsCard } from './WatchersTagsCard';
import { TicketProblemsCard } from '../../../components/problems/TicketProblemsCard';

/** One ticket for staff: controls, clocks with their events, conversation, files, watchers, time. */
export function TicketPage() {
  const { ticketId = '' } = useParams();
  const ticket = useTicket(ticketId);
  if (ticket.isPending) return <TicketPageSkeleton />;
  if (ticket.isError)
    return ticket.error instanceof ApiError && ticket.error.status === 404 ? (
      <NotFound what="ticket" backTo="/board" backLabel="Back to the board" />
    ) : (
      <ErrorAlert error={ticket.error} title="The ticket could not be loaded" onRetry={() => ticket.refetch()} />
    );
  const t = ticket.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/board" size="sm">
        <IconArrowLeft size={14} style={{ verticalAlign: -2 }} /> Board
      </Anchor>
      <TicketTitle ticket={t} />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-label="Work on this ticket">
        <TicketWorkControls ticket={t} />
      </Paper>
      <TicketClocks ticket={t} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <ConversationSection ticketId={t.id} staff />
            <TimeEntriesSection ticketId={t.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <TicketFactsCard ticket={t} staff />
            <TicketProblemsCard ticket={t} />
            {!t.noContract && <TargetsExplanation lines={t.targetsExplanation} />}
            <AttachmentsSection ticketId={t.id} />
            <WatchersTagsCard ticket={t} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
