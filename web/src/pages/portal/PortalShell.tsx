import { IconAddressBook, IconBug, IconBuilding, IconCalendarEvent, IconChartLine, IconFileDescription, IconGauge, IconSpeakerphone, IconTicket, IconUserCircle, IconUsers } from '@tabler/icons-react';
import { AppFrame, type NavGroup } from '../../components/AppFrame';
import { useSignedIn } from '../../session';

/** The client portal: only the client's own company, never staff navigation. */
export function PortalShell() {
  const { user, tenant } = useSignedIn();
  const items = [
    { to: '/portal', label: 'My company', icon: <IconBuilding size={18} />, end: true },
    { to: '/portal/tickets', label: 'Tickets', icon: <IconTicket size={18} />, end: false },
    { to: '/portal/service-levels', label: 'My service levels', icon: <IconGauge size={18} />, end: false },
    { to: '/portal/announcements', label: 'Announcements', icon: <IconSpeakerphone size={18} />, end: false },
    { to: '/portal/meetings', label: 'Review meetings', icon: <IconCalendarEvent size={18} />, end: false },
  ];
  if (user.role === 'client_admin') {
    items.push({ to: '/portal/scorecards', label: 'Scorecards', icon: <IconChartLine size={18} />, end: false });
    items.push({ to: '/portal/summaries', label: 'Executive summaries', icon: <IconFileDescription size={18} />, end: false });
    items.push({ to: '/portal/problems', label: 'Problems', icon: <IconBug size={18} />, end: false });
    items.push({ to: '/portal/contacts', label: 'Contacts', icon: <IconAddressBook size={18} />, end: false });
    items.push({ to: '/portal/users', label: 'Users', icon: <IconUsers size={18} />, end: false });
  }
  const nav: NavGroup[] = [{ items }, { label: 'You', items: [{ to: '/portal/account', label: 'My account', icon: <IconUserCircle size={18} /> }] }];
  return <AppFrame nav={nav} subtitle={`Client portal · ${tenant.name}`} accountPath="/portal/account" />;
}
