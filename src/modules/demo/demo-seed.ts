import type { ContactRole, StaffRole, ClientRole } from '../../db/schema';
import type { Scope, StaffActor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { findUserByEmailForSignIn } from '../auth/auth.repository';
import { hashPassword } from '../auth/password';
import { findClientByName, insertClient } from '../clients/clients.repository';
import { contactEmailTaken, insertContact } from '../contacts/contacts.repository';
import { countSites, insertSite } from '../sites/sites.repository';
import { seedDemoJourney } from './demo-journey';
import { seedDemoHistory, seedDemoOpenTickets, seedDemoPacts, seedDemoReviews, seedDemoScorecards } from './demo-pact';
import { createTenantWithOwner } from '../tenants/tenant-creator';
import { emailInUse, insertUser } from '../users/users.repository';

export const DEMO_PASSWORD = 'demo-pact-2026';
const DOMAIN = 'demo.servicepact.test';
const OWNER = `owner@${DOMAIN}`;

export type DemoAccount = { email: string; role: string; client?: string };

const STAFF: Array<{ email: string; name: string; role: StaffRole }> = [
  { email: `admin@${DOMAIN}`, name: 'Adam Adeyemi', role: 'admin' },
  { email: `dispatcher@${DOMAIN}`, name: 'Dana Kowalski', role: 'dispatcher' },
  { email: `technician@${DOMAIN}`, name: 'Theo Nakamura', role: 'technician' },
  { email: `manager@${DOMAIN}`, name: 'Amira Haddad', role: 'account_manager' },
];

type DemoContact = { name: string; email: string; phone: string; roles: ContactRole[]; account?: ClientRole };
type DemoClient = {
  name: string;
  code: string;
  notes: string;
  sites: Array<{ name: string; address: string; timeZone: string; travelMinutes: number; isMain: boolean }>;
  contacts: DemoContact[];
};

const CLIENTS: DemoClient[] = [
  {
    name: 'Contoso Pharmaceuticals',
    code: 'CONTOSO',
    notes: 'Gold plan since 2024. Lab systems are validated: changes need approval first.',
    sites: [
      { name: 'Berlin headquarters', address: 'Friedrichstraße 68, 10117 Berlin, Germany', timeZone: 'Europe/Berlin', travelMinutes: 25, isMain: true },
      { name: 'Basel research lab', address: 'Aeschenvorstadt 36, 4051 Basel, Switzerland', timeZone: 'Europe/Zurich', travelMinutes: 95, isMain: false },
      { name: 'New York sales office', address: '350 Fifth Avenue, New York, NY 10118, USA', timeZone: 'America/New_York', travelMinutes: 0, isMain: false },
    ],
    contacts: [
      { name: 'Clara Brandt', email: `client.admin@${DOMAIN}`, phone: '+49 30 5550 1201', roles: ['primary', 'approver'], account: 'client_admin' },
      { name: 'Jonas Weber', email: `client.user@${DOMAIN}`, phone: '+49 30 5550 1244', roles: ['technical'], account: 'client_user' },
      { name: 'Birgit Hoffmann', email: 'b.hoffmann@contoso-pharma.example', phone: '+49 30 5550 1100', roles: ['billing'] },
    ],
  },
  {
    name: 'Fabrikam Logistics',
    code: 'FABRIKAM',
    notes: 'Silver plan with Premium Response rider on the distribution centre.',
    sites: [
      { name: 'Chicago distribution centre', address: '2100 S Canal St, Chicago, IL 60616, USA', timeZone: 'America/Chicago', travelMinutes: 40, isMain: true },
      { name: 'Toronto office', address: '100 King St W, Toronto, ON M5X 1A9, Canada', timeZone: 'America/Toronto', travelMinutes: 120, isMain: false },
    ],
    contacts: [
      { name: 'Marcus Reid', email: 'm.reid@fabrikam-logistics.example', phone: '+1 312 555 0142', roles: ['primary', 'approver'] },
      { name: 'Priya Natarajan', email: 'p.natarajan@fabrikam-logistics.example', phone: '+1 312 555 0177', roles: ['technical'] },
      { name: 'Owen Clarke', email: 'accounts@fabrikam-logistics.example', phone: '+1 416 555 0190', roles: ['billing'] },
    ],
  },
  {
    name: 'Tailspin Health Clinics',
    code: 'TAILSPIN',
    notes: 'Platinum plan: clinics open 7 days a week.',
    sites: [{ name: 'Sydney clinic', address: '1 Macquarie St, Sydney NSW 2000, Australia', timeZone: 'Australia/Sydney', travelMinutes: 30, isMain: true }],
    contacts: [
      { name: 'Grace Liu', email: 'grace.liu@tailspin-health.example', phone: '+61 2 5550 3321', roles: ['primary', 'billing'] },
      { name: 'Ethan Walsh', email: 'it@tailspin-health.example', phone: '+61 2 5550 3399', roles: ['technical'] },
    ],
  },
  {
    name: 'Wide World Importers',
    code: 'WWI',
    notes: 'Remote support only; the Bengaluru office works Monday to Saturday.',
    sites: [
      { name: 'Bengaluru office', address: '80 MG Road, Bengaluru 560001, India', timeZone: 'Asia/Kolkata', travelMinutes: 0, isMain: true },
      { name: 'Singapore warehouse', address: '10 Tuas South Ave 2, Singapore 637698', timeZone: 'Asia/Singapore', travelMinutes: 0, isMain: false },
    ],
    contacts: [
      { name: 'Rohan Mehta', email: 'rohan.mehta@wideworldimporters.example', phone: '+91 80 5550 2211', roles: ['primary', 'approver'] },
      { name: 'Ananya Iyer', email: 'ananya.iyer@wideworldimporters.example', phone: '+91 80 5550 2230', roles: ['technical'] },
      { name: 'Wei Ling Tan', email: 'finance@wideworldimporters.example', phone: '+65 6555 0188', roles: ['billing'] },
      { name: 'Sanjay Rao', email: 'sanjay.rao@wideworldimporters.example', phone: '+91 80 5550 2299', roles: [] },
    ],
  },
];

/**
 * A demo MSP to click around in: staff of every role, four clients with sites in several time
 * zones and contacts, and a client admin and client user for the first client, whose journey,
 * problem and satisfaction answers tell a story (demo-journey.ts). Idempotent: every
 * step skips what is already there, so a second run only reports the accounts.
 */
export async function seedDemo(ctx: AppContext): Promise<{ created: boolean; password: string; accounts: DemoAccount[] }> {
  const accounts: DemoAccount[] = [
    { email: OWNER, role: 'owner' },
    ...STAFF.map((s) => ({ email: s.email, role: s.role })),
    ...CLIENTS.flatMap((c) => c.contacts.filter((k) => k.account).map((k) => ({ email: k.email, role: k.account!, client: c.name }))),
  ];
  const db = ctx.db;
  let created = false;
  if (!(await emailInUse(db, OWNER))) {
    await createTenantWithOwner(db, { organisation: 'Northwind IT Services', ownerName: 'Olivia Okafor', ownerEmail: OWNER, password: DEMO_PASSWORD });
    created = true;
  }
  const owner = await findUserByEmailForSignIn(db, OWNER);
  if (!owner) throw new Error('The demo owner is missing after creating it');
  const scope: Scope = { tenantId: owner.tenant_id };
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction().execute(async (trx) => {
    for (const s of STAFF) {
      if (await emailInUse(trx, s.email)) continue;
      await insertUser(trx, { tenant_id: scope.tenantId, email: s.email, name: s.name, role: s.role, client_id: null, password_hash: passwordHash, mfa_secret: null });
      created = true;
    }
    for (const c of CLIENTS) {
      let client = await findClientByName(trx, scope.tenantId, c.name);
      if (!client) {
        client = await insertClient(trx, scope.tenantId, { name: c.name, code: c.code, notes: c.notes });
        created = true;
      }
      if ((await countSites(trx, scope, client.id)) === 0) {
        for (const s of c.sites) {
          await insertSite(trx, scope, client.id, { name: s.name, address: s.address, time_zone: s.timeZone, travel_minutes: s.travelMinutes, is_main: s.isMain });
        }
      }
      for (const k of c.contacts) {
        if (await contactEmailTaken(trx, scope, client.id, k.email)) continue;
        let userId: string | null = null;
        if (k.account && !(await emailInUse(trx, k.email))) {
          const user = await insertUser(trx, { tenant_id: scope.tenantId, email: k.email, name: k.name, role: k.account, client_id: client.id, password_hash: passwordHash, mfa_secret: null });
          userId = user.id;
        }
        await insertContact(trx, scope, client.id, { name: k.name, email: k.email, phone: k.phone, roles: k.roles, user_id: userId });
        created = true;
      }
    }
  });
  // Contracts first, so the story's tickets are held to them; scorecards once the history is in.
  const actorFor = async (email: string): Promise<StaffActor> => {
    const u = await findUserByEmailForSignIn(db, email);
    if (!u || u.client_id !== null) throw new Error(`The demo staff member ${email} is missing`);
    return { kind: 'staff', tenantId: scope.tenantId, userId: u.id, role: u.role as StaffRole, name: u.name, email: u.email, via: 'session', scopes: null, ip: null };
  };
  const pacts = await seedDemoPacts(ctx, await actorFor(OWNER));
  const dispatcher = await actorFor(`dispatcher@${DOMAIN}`);
  const technician = await actorFor(`technician@${DOMAIN}`);
  const manager = await actorFor(`manager@${DOMAIN}`);
  // A client relationship's story: the journey, a problem with its plan, satisfaction answers.
  const story = { ownerId: owner.id, managerId: manager.userId, dispatcher, technician };
  const told = await seedDemoJourney(ctx, scope.tenantId, CLIENTS[0]!.name, story, ctx.now());
  if (pacts.created) await seedDemoHistory(ctx, dispatcher, technician, new Map([['Contoso Pharmaceuticals', 6], ['Fabrikam Logistics', 4]]));
  // The e-mails of the story and the history are the past: none of them is to be sent now.
  if (told || pacts.created) await db.updateTable('outbox_emails').set({ sent_at: ctx.now() }).where('tenant_id', '=', scope.tenantId).where('sent_at', 'is', null).execute();
  if (pacts.created) {
    await seedDemoOpenTickets(ctx, dispatcher, technician.userId);
    await seedDemoScorecards(ctx, manager, pacts.contracts);
    await seedDemoReviews(ctx, manager, pacts.contracts);
  }
  created ||= told || pacts.created;
  return { created, password: DEMO_PASSWORD, accounts };
}
