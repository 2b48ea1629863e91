import { Navigate, useParams } from 'react-router';
import { NotFound } from '../../components/NotFound';
import { useSignedIn } from '../../session';

/**
 * A staff-style client link opened in the portal: one's own company goes to "My company",
 * anything else is simply not found (the API answers 404 for other clients too).
 */
export function PortalClientPage() {
  const { clientId } = useParams();
  const { user } = useSignedIn();
  if (clientId === user.clientId) return <Navigate to="/portal" replace />;
  return <NotFound what="page" backTo="/portal" backLabel="Go to My company" />;
}
