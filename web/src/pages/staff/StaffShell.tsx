import { IconAlertTriangle, IconBook2, IconBug, IconBuilding, IconCalendarTime, IconFileDescription, IconFileSearch, IconGridDots, IconKey, IconLayoutKanban, IconLock, IconMoodHappy, IconMoodSmile, IconPuzzle, IconSpeakerphone, IconStack2, IconStopwatch, IconTicket, IconUserCheck, IconUserCircle, IconUsers } from '@tabler/icons-react';
import { AppFrame, type NavGroup } from '../../components/AppFrame';
import { NotificationsBell } from '../../components/tickets/NotificationsBell';
import { canAdminister, useSignedIn } from '../../session';

export function StaffShell() {
  const { user, tenant } = useSignedIn();
  const nav: NavGroup[] = [
    {
      items: [
        { to: '/board', label: 'Board', icon: <IconLayoutKanban size={18} /> },
        { to: '/my-tickets', label: 'My tickets', icon: <IconUserCheck size={18} /> },
        { to: '/clients', label: 'Clients', icon: <IconBuilding size={18} /> },
        { to: '/problems', label: 'Problems', icon: <IconBug size={18} /> },
      ],
    },
  ];
  nav.push({
    label: 'Relationships',
    items: [
      { to: '/at-risk', label: 'At risk', icon: <IconAlertTriangle size={18} /> },
      { to: '/satisfaction', label: 'Satisfaction', icon: <IconMoodSmile size={18} /> },
      { to: '/announcements', label: 'Announcements', icon: <IconSpeakerphone size={18} /> },
      { to: '/summaries/generate', label: 'Executive summaries', icon: <IconFileDescription size={18} /> },
    ],
  });
  nav.push({
    label: 'Service pact',
    items: [
      { to: '/pact/plans', label: 'Plans', icon: <IconStack2 size={18} /> },
      { to: '/pact/riders', label: 'Riders', icon: <IconPuzzle size={18} /> },
      { to: '/pact/catalog', label: 'Catalog', icon: <IconBook2 size={18} /> },
      { to: '/pact/calendars', label: 'Calendars', icon: <IconCalendarTime size={18} /> },
      { to: '/pact/matrix', label: 'Priority matrix', icon: <IconGridDots size={18} /> },
      { to: '/pact/simulator', label: 'Simulator', icon: <IconStopwatch size={18} /> },
    ],
  });
  if (canAdminister(user.role)) {
    const admin = [
      { to: '/settings/users', label: 'Users & roles', icon: <IconUsers size={18} /> },
      { to: '/settings/api-tokens', label: 'API tokens', icon: <IconKey size={18} /> },
    ];
    if (user.role === 'owner') admin.push({ to: '/settings/audit-log', label: 'Audit log', icon: <IconFileSearch size={18} /> });
    admin.push({ to: '/settings/security', label: 'Security', icon: <IconLock size={18} /> });
    admin.push({ to: '/settings/tickets', label: 'Ticket settings', icon: <IconTicket size={18} /> });
    admin.push({ to: '/settings/satisfaction', label: 'Satisfaction settings', icon: <IconMoodHappy size={18} /> });
    nav.push({ label: 'Administration', items: admin });
  }
  // Account managers send a quarter's NPS round early from the same page (and read the settings).
  if (user.role === 'account_manager') nav.push({ label: 'Settings', items: [{ to: '/settings/satisfaction', label: 'Satisfaction settings', icon: <IconMoodHappy size={18} /> }] });
  nav.push({ label: 'You', items: [{ to: '/account', label: 'My account', icon: <IconUserCircle size={18} /> }] });
  return <AppFrame nav={nav} subtitle={tenant.name} accountPath="/account" headerExtra={<NotificationsBell />} />;
}
