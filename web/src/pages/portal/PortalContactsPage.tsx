import { PageHeader } from '../../components/PageHeader';
import { ContactsSection } from '../../components/ContactsSection';
import { useSignedIn } from '../../session';

/** Client admins keep their company's contacts current and invite them to the portal. */
export function PortalContactsPage() {
  const { user } = useSignedIn();
  return (
    <>
      <PageHeader title="Contacts" description="The people at your company your service provider deals with. Invite them to the portal to give them access." />
      <ContactsSection clientId={user.clientId ?? ''} canWrite canInvite />
    </>
  );
}
