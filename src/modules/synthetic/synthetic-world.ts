import type { CalendarDefinition } from '../../domain/calendar';
import type { PriorityMatrixDocument } from '../../domain/pact/pact-documents';
import type { ContractTerms } from '../../domain/pact/pact-types';
import type { StaffActor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { hashPassword } from '../auth/password';
import { insertClient } from '../clients/clients.repository';
import { insertContact } from '../contacts/contacts.repository';
import * as contractsRepo from '../contracts/contracts.repository';
import type { GoalInput, ResponsibilityInput } from '../contracts/contracts.schema';
import { activateContract, createContract, termsInForce, updateContract } from '../contracts/contracts.service';
import { findMatrix } from '../priority-matrix/priority-matrix.repository';
import { insertSite } from '../sites/sites.repository';
import { createTenantWithOwner } from '../tenants/tenant-creator';
import { insertUser } from '../users/users.repository';
import type { Random } from './random';

export const SYNTHETIC_PASSWORD = 'synthetic-pact-2026';

const PLACES: ReadonlyArray<readonly [string, string, number]> = [
  ['London', 'Europe/London', 20],
  ['Berlin', 'Europe/Berlin', 35],
  ['Paris', 'Europe/Paris', 45],
  ['Madrid', 'Europe/Madrid', 60],
  ['New York', 'America/New_York', 0],
  ['Chicago', 'America/Chicago', 0],
  ['Toronto', 'America/Toronto', 0],
  ['Sydney', 'Australia/Sydney', 0],
  ['Singapore', 'Asia/Singapore', 0],
  ['Bengaluru', 'Asia/Kolkata', 0],
];
const NAME_A = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Adatum', 'Litware', 'Proseware', 'Woodgrove', 'Lucerne', 'Alpine', 'Coho', 'Humongous', 'Trey', 'Wingtip', 'Blue Yonder', 'Margie', 'Fourth Coffee', 'Graphic Design', 'Southridge', 'VanArsdel'];
const NAME_B = ['Logistics', 'Pharmaceuticals', 'Health Clinics', 'Traders', 'Insurance', 'Software', 'Bank', 'Publishing', 'Winery', 'Airlines', 'Legal', 'Foods', 'Engineering', 'Studios', 'Hotels', 'Retail', 'Dental', 'Architects'];
const FIRST = ['Ada', 'Ben', 'Chloé', 'Dev', 'Elif', 'Femi', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kofi', 'Lena', 'Mateo', 'Nadia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tara', 'Uma', 'Viktor', 'Wen', 'Yusuf', 'Zoe'];
const LAST = ['Adeyemi', 'Brandt', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Haddad', 'Iyer', 'Jansen', 'Kowalski', 'Liu', 'Müller', 'Nakamura', 'Okafor', 'Petrov', 'Rossi', 'Schmidt', 'Tanaka', 'Walsh'];

/** The goals every synthetic contract agrees, as an MSP's standard schedule would. */
const STANDARD_GOALS: GoalInput[] = [
  {
    objective: 'Our people hear back quickly',
    metric: { key: 'first_response_compliance' },
    scope: {},
    comparator: 'gte',
    target: 95,
    period: 'monthly',
    minSample: 10,
    incentive: null,
    penalty: { kind: 'percent_of_fee', percent: 5, capPerPeriodMinor: 50_000, capOverallMinor: 300_000 },
    method: 'First responses due or given in the month, on the contract calendar; met when given by the due instant.',
  },
  {
    objective: 'Problems are fixed when promised',
    metric: { key: 'resolution_compliance' },
    scope: {},
    comparator: 'gte',
    target: 90,
    period: 'monthly',
    minSample: 10,
    incentive: null,
    penalty: { kind: 'fixed', amountMinor: 20_000, capPerPeriodMinor: 20_000, capOverallMinor: 120_000 },
    method: 'Resolutions due or given in the month; met when resolved by the due instant.',
  },
  {
    objective: 'Urgent issues are answered within the hour on average',
    metric: { key: 'mean_time_to_respond' },
    scope: { priorities: ['P1', 'P2'] },
    comparator: 'lte',
    target: 60,
    period: 'quarterly',
    minSample: 5,
    incentive: { kind: 'percent_of_fee', percent: 2 },
    penalty: null,
    method: 'Mean business minutes to the first response of P1 and P2 tickets answered in the quarter.',
  },
  {
    objective: 'No ticket is forgotten',
    metric: { key: 'backlog_older_than', businessDays: 10 },
    scope: {},
    comparator: 'lte',
    target: 5,
    period: 'monthly',
    minSample: 0,
    incentive: null,
    penalty: null,
    method: 'Tickets still open at the end of the month that were opened more than 10 business days before.',
  },
];

const STANDARD_RESPONSIBILITIES: ResponsibilityInput[] = [
  {
    description: 'Answer requests for information within 3 business days',
    measure: { kind: 'waiting_on_client', allowance: { unit: 'business_days', days: 3 } },
    excludeFromCompliance: true,
  },
];

export type WorldClient = {
  id: string;
  name: string;
  sites: Array<{ id: string; name: string; travelMinutes: number }>;
  contacts: Array<{ id: string; name: string; email: string }>;
  contract: { id: string; name: string; termsVersion: number; terms: ContractTerms };
  // relative share of the tickets: a few big clients, many small ones
  weight: number;
};

export type World = {
  tenantId: string;
  owner: { id: string; email: string };
  dispatchers: Array<{ id: string; name: string; email: string }>;
  technicians: Array<{ id: string; name: string }>;
  clients: WorldClient[];
  matrix: PriorityMatrixDocument;
  calendars: Map<string, CalendarDefinition>;
  catalog: Array<{ id: string; name: string; category: string; defaultUrgency: string; defaultImpact: string; deliveryMode: 'remote' | 'onsite' | 'either' }>;
  pausingStatuses: string[];
};

const person = (rng: Random) => `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '');

/**
 * The MSP of a synthetic data set: its owner, dispatchers and technicians, and `clientCount`
 * clients with sites in several time zones, contacts, and an active Silver, Gold or Platinum
 * contract made through the contracts service (so terms, amendment #1 and calendars are real).
 */
export async function buildWorld(ctx: AppContext, rng: Random, opts: { domain: string; organisation: string; clientCount: number; contractsFrom: Date }): Promise<World> {
  const ownerEmail = `owner@${opts.domain}`;
  const { tenant, owner } = await createTenantWithOwner(ctx.db, { organisation: opts.organisation, ownerName: 'Sam Synthetic', ownerEmail, password: SYNTHETIC_PASSWORD });
  const tenantId = tenant.id;
  const actor: StaffActor = { kind: 'staff', tenantId, userId: owner.id, role: 'owner', name: owner.name, email: owner.email, via: 'session', scopes: null, ip: null };
  const passwordHash = await hashPassword(SYNTHETIC_PASSWORD);

  const staffCount = Math.max(4, Math.min(60, Math.round(opts.clientCount / 10)));
  const dispatchers: World['dispatchers'] = [];
  const technicians: World['technicians'] = [];
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < Math.max(1, Math.round(staffCount / 5)); i++) {
      const name = person(rng);
      const email = `dispatcher${i + 1}@${opts.domain}`;
      const u = await insertUser(trx, { tenant_id: tenantId, email, name, role: 'dispatcher', client_id: null, password_hash: passwordHash, mfa_secret: null });
      dispatchers.push({ id: u.id, name, email });
    }
    for (let i = 0; i < staffCount; i++) {
      const name = person(rng);
      const u = await insertUser(trx, { tenant_id: tenantId, email: `technician${i + 1}@${opts.domain}`, name, role: 'technician', client_id: null, password_hash: passwordHash, mfa_secret: null });
      technicians.push({ id: u.id, name });
    }
  });

  const planRows = await contractsRepo.activePlans(ctx.db, tenantId);
  const plan = (name: string) => planRows.find((p) => p.name === name)?.id ?? planRows[0]!.id;
  const clients: WorldClient[] = [];
  const usedNames = new Set<string>();
  for (let c = 0; c < opts.clientCount; c++) {
    let name = `${rng.pick(NAME_A)} ${rng.pick(NAME_B)}`;
    if (usedNames.has(name)) name = `${name} ${c + 1}`;
    usedNames.add(name);
    const home = rng.pick(PLACES);
    const created = await ctx.db.transaction().execute(async (trx) => {
      const client = await insertClient(trx, tenantId, { name, code: `C${String(c + 1).padStart(5, '0')}`, notes: 'Synthetic client' });
      const scope = { tenantId };
      const sites: WorldClient['sites'] = [];
      const siteCount = rng.weighted([[1, 5], [2, 3], [3, 2]] as const);
      for (let s = 0; s < siteCount; s++) {
        const place = s === 0 ? home : rng.pick(PLACES);
        const travel = s === 0 ? place[2] : place[2] + rng.int(0, 60);
        const site = await insertSite(trx, scope, client.id, { name: `${place[0]} ${s === 0 ? 'office' : `site ${s + 1}`}`, address: `${rng.int(1, 250)} Main Street, ${place[0]}`, time_zone: place[1], travel_minutes: travel, is_main: s === 0 });
        sites.push({ id: site.id, name: site.name, travelMinutes: travel });
      }
      const contacts: WorldClient['contacts'] = [];
      const contactCount = rng.int(2, 5);
      for (let k = 0; k < contactCount; k++) {
        const n = person(rng);
        const email = `${slug(n)}.${k + 1}@${slug(name)}.example`;
        const contact = await insertContact(trx, scope, client.id, { name: n, email, phone: `+44 20 5550 ${String(rng.int(0, 9999)).padStart(4, '0')}`, roles: k === 0 ? ['primary', 'approver'] : k === 1 ? ['technical'] : [] });
        contacts.push({ id: contact.id, name: n, email });
      }
      return { client, sites, contacts };
    });
    const planName = rng.weighted([['Silver', 5], ['Gold', 4], ['Platinum', 1]] as const);
    const draft = await createContract(ctx, actor, { clientId: created.client.id, name: `${planName} support`, planId: plan(planName), startsAt: opts.contractsFrom.toISOString(), endsAt: null });
    await updateContract(ctx, actor, draft.id, { goals: STANDARD_GOALS, responsibilities: STANDARD_RESPONSIBILITIES }, null);
    await activateContract(ctx, actor, draft.id);
    const version = termsInForce(await contractsRepo.listAmendments(ctx.db, tenantId, draft.id), new Date(opts.contractsFrom.getTime() + 1000));
    if (!version) throw new Error(`contract ${draft.id} has no terms in force`);
    clients.push({
      id: created.client.id,
      name,
      sites: created.sites,
      contacts: created.contacts,
      contract: { id: draft.id, name: `${planName} support`, termsVersion: version.version, terms: version.terms },
      weight: rng.chance(0.1) ? rng.int(5, 20) : rng.int(1, 4),
    });
  }

  const calendars = new Map((await contractsRepo.tenantCalendars(ctx.db, tenantId)).map((c) => [c.id, c.definition]));
  const catalog = (await contractsRepo.activeCatalogItems(ctx.db, tenantId)).map((i) => ({
    id: i.id,
    name: i.name,
    category: i.category,
    defaultUrgency: i.default_urgency,
    defaultImpact: i.default_impact,
    deliveryMode: i.delivery_mode,
  }));
  const tenantRow = await ctx.db.selectFrom('tenants').select('pausing_statuses').where('id', '=', tenantId).executeTakeFirstOrThrow();
  return {
    tenantId,
    owner: { id: owner.id, email: ownerEmail },
    dispatchers,
    technicians,
    clients,
    matrix: (await findMatrix(ctx.db, tenantId)).matrix,
    calendars,
    catalog,
    pausingStatuses: tenantRow.pausing_statuses,
  };
}
