import type { CatalogCategory, CatalogDeliveryMode, Complexity, Target, TargetPair } from './pact-types';

/**
 * The issues almost every MSP handles, so a new tenant starts with a catalog to edit rather
 * than an empty page. Urgency and impact keys are those of the default priority matrix.
 * `turnarounds` are keyed by plan name (the seed maps them to the plan ids it creates) and
 * name the delivery mode they promise for.
 */
export type StarterItem = {
  category: CatalogCategory;
  name: string;
  description: string;
  defaultUrgency: 'critical' | 'high' | 'medium' | 'low';
  defaultImpact: 'organisation' | 'department' | 'team' | 'individual';
  deliveryMode: CatalogDeliveryMode;
  complexity: Complexity;
  expectedEffortMinutes: number;
  turnarounds?: Record<string, { remote?: Partial<TargetPair>; onsite?: Partial<TargetPair> }>;
};

const m = (minutes: number): Target => ({ unit: 'minutes', minutes });
const d = (days: number): Target => ({ unit: 'business_days', days });

type Row = [CatalogCategory, string, string, StarterItem['defaultUrgency'], StarterItem['defaultImpact'], CatalogDeliveryMode, Complexity, number];

const rows: Row[] = [
  // account
  ['account', 'Password reset', 'A user has forgotten their password or it has expired.', 'high', 'individual', 'remote', 'low', 10],
  ['account', 'Account lockout', 'A user is locked out after too many failed sign-ins.', 'high', 'individual', 'remote', 'low', 10],
  ['account', 'MFA reset', 'A user lost or replaced the phone holding their second factor.', 'high', 'individual', 'remote', 'low', 15],
  ['account', 'New starter', 'Accounts, mailbox, licences, groups and equipment for a new employee (give five business days notice).', 'low', 'individual', 'either', 'medium', 120],
  ['account', 'Leaver', 'Disable accounts, convert the mailbox, recover equipment and licences for a departing employee.', 'medium', 'individual', 'remote', 'medium', 60],
  ['account', 'Shared drive access', 'Access to a shared folder, SharePoint site or Teams channel.', 'low', 'individual', 'remote', 'low', 15],
  ['account', 'Permissions change', 'Change a user\'s group memberships or application roles.', 'low', 'individual', 'remote', 'low', 20],
  ['account', 'Licence request', 'Assign or buy a software licence for a user.', 'low', 'individual', 'remote', 'low', 20],
  // hardware
  ['hardware', 'Printer offline', 'A printer or multifunction device does not print or scan.', 'medium', 'team', 'either', 'low', 30],
  ['hardware', 'Laptop will not boot', 'A laptop or desktop does not start or stops at an error screen.', 'high', 'individual', 'onsite', 'medium', 90],
  ['hardware', 'Disk failure', 'A failed or failing disk in a PC or server.', 'high', 'individual', 'onsite', 'high', 180],
  ['hardware', 'Monitor problem', 'No picture, flicker or a broken display.', 'low', 'individual', 'onsite', 'low', 30],
  ['hardware', 'Docking station problem', 'Screens, network or USB devices do not work through the dock.', 'medium', 'individual', 'either', 'low', 30],
  ['hardware', 'New laptop setup', 'Prepare, enrol and hand over a new laptop with the standard software.', 'low', 'individual', 'either', 'medium', 120],
  ['hardware', 'Hardware refresh', 'Replace end-of-life devices and move users\' data and settings.', 'low', 'department', 'onsite', 'high', 480],
  ['hardware', 'Slow computer', 'A PC is slow to start or to run applications.', 'low', 'individual', 'remote', 'medium', 60],
  ['hardware', 'Mobile device setup', 'Enrol a phone or tablet in device management with mail and apps.', 'low', 'individual', 'remote', 'low', 30],
  ['hardware', 'Server down', 'A server does not respond; the services on it are unavailable.', 'critical', 'organisation', 'either', 'high', 240],
  ['hardware', 'Phone or VoIP problem', 'Desk phones, softphones or call routing do not work.', 'high', 'team', 'either', 'medium', 60],
  // network
  ['network', 'Wi-Fi down', 'Wireless network unavailable or dropping connections at a site.', 'high', 'department', 'either', 'medium', 60],
  ['network', 'VPN not connecting', 'A remote user cannot connect to the VPN.', 'medium', 'individual', 'remote', 'low', 30],
  ['network', 'Internet outage', 'A site has lost its internet connection.', 'critical', 'department', 'either', 'medium', 120],
  ['network', 'Firewall rule change', 'Open, close or change a firewall rule or port forward (a change request).', 'low', 'team', 'remote', 'medium', 45],
  ['network', 'DNS problem', 'Names do not resolve, or a DNS record must be added or changed.', 'high', 'department', 'remote', 'medium', 45],
  ['network', 'Website down', 'The organisation\'s website or web application does not answer.', 'high', 'organisation', 'remote', 'medium', 60],
  ['network', 'Certificate expiry', 'A TLS certificate has expired or is about to and must be renewed.', 'high', 'department', 'remote', 'medium', 60],
  // software
  ['software', 'Email not syncing', 'Mail does not arrive, send or sync on a device.', 'medium', 'individual', 'remote', 'low', 30],
  ['software', 'Outlook crash', 'Outlook crashes, hangs or will not open.', 'medium', 'individual', 'remote', 'low', 30],
  ['software', 'Office installation', 'Install or repair Microsoft 365 apps.', 'low', 'individual', 'remote', 'low', 30],
  ['software', 'Teams problem', 'Calls, meetings, chat or audio devices in Teams do not work.', 'medium', 'individual', 'remote', 'low', 30],
  ['software', 'Software install request', 'Install an approved application for a user.', 'low', 'individual', 'remote', 'low', 30],
  ['software', 'Browser problem', 'A browser crashes, shows errors or needs a setting or extension.', 'low', 'individual', 'remote', 'low', 20],
  ['software', 'Line-of-business application error', 'A business application shows errors or cannot be used.', 'high', 'team', 'remote', 'high', 120],
  ['software', 'Patching failure', 'Updates fail to install on a device or server.', 'medium', 'individual', 'remote', 'medium', 45],
  ['software', 'Backup failure', 'A backup job failed or did not run.', 'high', 'organisation', 'remote', 'medium', 60],
  ['software', 'Restore request', 'Restore deleted or overwritten files, mail or a system from backup.', 'high', 'individual', 'remote', 'medium', 60],
  // security
  ['security', 'Phishing report', 'A user reports a suspicious e-mail; check it and remove it from every mailbox.', 'high', 'individual', 'remote', 'low', 20],
  ['security', 'Malware alert', 'Endpoint protection reports malware; isolate, clean and check.', 'critical', 'individual', 'remote', 'high', 120],
  ['security', 'Suspicious sign-in', 'A sign-in from an unusual place or a possible account takeover.', 'critical', 'individual', 'remote', 'medium', 60],
  ['security', 'Lost or stolen device', 'Wipe and block a lost laptop or phone and reset its user\'s credentials.', 'critical', 'individual', 'remote', 'medium', 45],
  ['security', 'Security policy exception', 'A request to relax a security policy for a user or device (needs approval).', 'low', 'individual', 'remote', 'medium', 30],
  // other
  ['other', 'How-to question', 'A user asks how to do something in a supported application.', 'low', 'individual', 'remote', 'low', 15],
  ['other', 'Quote or purchase request', 'A quote for hardware, software or a project.', 'low', 'individual', 'remote', 'low', 30],
  ['other', 'Office move', 'Move desks, equipment and network points within or between sites.', 'low', 'department', 'onsite', 'high', 480],
  ['other', 'General request', 'Anything not listed elsewhere in the catalog.', 'low', 'individual', 'either', 'low', 30],
];

// Quick fixes are promised faster than the plan's priority target would give them.
const overrides: Record<string, StarterItem['turnarounds']> = {
  'Password reset': {
    Silver: { remote: { response: m(30), resolution: m(120) } },
    Gold: { remote: { response: m(15), resolution: m(60) } },
    Platinum: { remote: { response: m(15), resolution: m(30) } },
  },
  'Account lockout': {
    Silver: { remote: { response: m(30), resolution: m(120) } },
    Gold: { remote: { response: m(15), resolution: m(60) } },
    Platinum: { remote: { response: m(15), resolution: m(30) } },
  },
  'MFA reset': { Gold: { remote: { response: m(15), resolution: m(120) } }, Platinum: { remote: { response: m(15), resolution: m(60) } } },
  'New starter': { Silver: { remote: { response: d(1), resolution: d(5) } }, Gold: { remote: { response: m(240), resolution: d(5) } }, Platinum: { remote: { response: m(120), resolution: d(3) } } },
  'Phishing report': { Gold: { remote: { response: m(30), resolution: m(240) } }, Platinum: { remote: { response: m(15), resolution: m(120) } } },
  'Certificate expiry': { Gold: { remote: { response: m(60), resolution: m(480) } } },
  'Disk failure': { Gold: { onsite: { response: m(60), resolution: d(2) } } },
};

export function starterCatalog(): StarterItem[] {
  return rows.map(([category, name, description, defaultUrgency, defaultImpact, deliveryMode, complexity, expectedEffortMinutes]) => ({
    category,
    name,
    description,
    defaultUrgency,
    defaultImpact,
    deliveryMode,
    complexity,
    expectedEffortMinutes,
    ...(overrides[name] ? { turnarounds: overrides[name] } : {}),
  }));
}
