import { Anchor, Grid, Stack } from '@mantine/core';
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
import { RatingCard } from '../../../components/surveys/RatingCard';

/** A client's view of a ticket: the public conversation, files, and every clock with its events. */
export function PortalTicketPage() {
  const { ticketId = '' } = useParams();
  const ticket = useTicket(ticketId);
  if (ticket.isPending) return <TicketPageSkeleton />;
  if (ticket.isError)
    return ticket.error instanceof ApiError && ticket.error.status === 404 ? (
      <NotFound what="ticket" backTo="/portal/tickets" backLabel="Back to your tickets" />
    ) : (
      <ErrorAlert error={ticket.error} title="The ticket could not be loaded" onRetry={() => ticket.refetch()} />
    );
  const t = ticket.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/portal/tickets" size="sm">
        <IconArrowLeft size={14} style={{ verticalAlign: -2 }} /> Tickets
      </Anchor>
      <TicketTitle ticket={t} />
      <TicketClocks ticket={t} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <ConversationSection ticketId={t.id} staff={false} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            {(t.status === 'resolved' || t.status === 'closed') && <RatingCard ticketId={t.id} />}
            <TicketFactsCard ticket={t} staff={false} />
            {!t.noContract && <TargetsExplanation lines={t.targetsExplanation} />}
            <AttachmentsSection ticketId={t.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
