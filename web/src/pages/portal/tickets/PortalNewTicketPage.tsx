import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { NewTicketForm } from '../../../components/tickets/NewTicketForm';
import { useSignedIn } from '../../../session';

/** A client user opens a ticket; the expected times for their plan show before they submit. */
export function PortalNewTicketPage() {
  const { user } = useSignedIn();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title="New ticket" description="Tell us what is wrong. You will see the response and resolution times your agreement gives it before you send it." />
      <NewTicketForm clientId={user.clientId} staff={false} onCreated={(t) => navigate(`/portal/tickets/${t.id}`)} />
    </>
  );
}
