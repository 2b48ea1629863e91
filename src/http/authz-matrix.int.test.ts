import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRole } from '../db/schema';
import { agentFrom, createTenant, createTestApp, createUser, signIn, type Agent, type TestApp } from '../../test/support/test-app';

/**
 * The authorisation matrix: every API route x every kind of caller x a row of the caller's own
 * client, of another client of the same MSP, and of another MSP. A route missing here fails
 * the first test, so new routes must join.
 */

type Principal = 'anonymous' | UserRole | 'token_read' | 'token_write';
const STAFF: Principal[] = ['owner', 'admin', 'dispatcher', 'technician', 'account_manager'];
const CLIENT: Principal[] = ['client_admin', 'client_user'];
const TOKENS: Principal[] = ['token_read', 'token_write'];
const EVERYONE: Principal[] = [...STAFF, ...CLIENT, ...TOKENS];
const PRINCIPALS: Principal[] = ['anonymous', ...EVERYONE];

type Where = 'own' | 'otherClient' | 'otherTenant';
type Ids = { clientId: string; siteId: string; contactId: string; userId: string; tokenId: string };

type Case = {
  route: string; // "METHOD /path" with :params, as registered
  allow: Principal[]; // who succeeds on a row of their own client (or with no row)
  // Rows the URL names; without it the route is called once per principal.
  scoped?: boolean;
  // Destructive routes get fresh rows for every call.
  fresh?: boolean;
  body?: (ids: Ids) => unknown;
  public?: boolean;
  // Who may also act on other clients' rows of the same MSP (default: allowed staff and tokens).
  crossClient?: Principal[];
};

const u = () => randomUUID().slice(0, 8);
const CLIENT_WRITERS: Principal[] = ['owner', 'admin', 'dispatcher', 'account_manager', 'token_write'];
const READERS: Principal[] = [...STAFF, ...CLIENT, ...TOKENS];

const cases: Case[] = [
  // Session and sign-in: reachable by anyone; their own tests cover behaviour.
  { route: 'GET /session', allow: PRINCIPALS, public: true },
  { route: 'GET /setup', allow: PRINCIPALS, public: true },
  // Me: a token answers as the staff member who created it.
  { route: 'GET /me', allow: [...STAFF, ...CLIENT, ...TOKENS] },
  { route: 'POST /me/mfa/enrolment', allow: [...STAFF, ...CLIENT] },
  // Administration.
  { route: 'GET /users', allow: ['owner', 'admin', 'client_admin', 'token_read', 'token_write'] },
  { route: 'GET /users/:id', allow: ['owner', 'admin', 'client_admin', 'token_read', 'token_write'], scoped: true, crossClient: ['owner', 'admin', 'token_read', 'token_write'] },
  { route: 'PATCH /users/:id', allow: ['owner', 'admin', 'client_admin', 'token_write'], scoped: true, fresh: true, body: () => ({ name: `Renamed ${u()}` }), crossClient: ['owner', 'admin', 'token_write'] },
  { route: 'POST /users/:id/sign-out-everywhere', allow: ['owner', 'admin', 'token_write'], scoped: true, fresh: true },
  { route: 'POST /users/:id/mfa/reset', allow: ['owner', 'admin', 'token_write'], scoped: true, fresh: true },
  { route: 'POST /users', allow: ['owner', 'admin', 'token_write'], body: () => ({ email: `staff-${u()}@example.test`, name: 'New Staff', role: 'technician' }) },
  { route: 'GET /api-tokens', allow: ['owner', 'admin', ...TOKENS] },
  // A token never mints another token; it may revoke one (an integration retiring its own).
  { route: 'POST /api-tokens', allow: ['owner', 'admin'], body: () => ({ name: `t-${u()}`, scopes: ['read'] }) },
  { route: 'DELETE /api-tokens/:id', allow: ['owner', 'admin', 'token_write'], scoped: true, fresh: true },
  // Tokens of an owner may read the audit log, e.g. to feed a security monitoring system.
  { route: 'GET /audit-log', allow: ['owner', ...TOKENS] },
  { route: 'GET /tenant', allow: [...STAFF, ...TOKENS] },
  { route: 'PATCH /tenant', allow: ['owner', 'admin', 'token_write'], body: () => ({ name: `MSP ${u()}` }) },
  // Clients, sites, contacts.
  { route: 'GET /clients', allow: READERS },
  { route: 'POST /clients', allow: CLIENT_WRITERS, body: () => ({ name: `Client ${u()}` }) },
  { route: 'GET /clients/:clientId', allow: READERS, scoped: true },
  { route: 'PATCH /clients/:clientId', allow: CLIENT_WRITERS, scoped: true, body: () => ({ notes: `n ${u()}` }) },
  { route: 'GET /clients/:clientId/sites', allow: READERS, scoped: true },
  { route: 'POST /clients/:clientId/sites', allow: CLIENT_WRITERS, scoped: true, body: () => ({ name: `Site ${u()}`, timeZone: 'Europe/Berlin' }) },
  { route: 'GET /clients/:clientId/sites/:siteId', allow: READERS, scoped: true },
  { route: 'PATCH /clients/:clientId/sites/:siteId', allow: CLIENT_WRITERS, scoped: true, body: () => ({ travelMinutes: 30 }) },
  { route: 'DELETE /clients/:clientId/sites/:siteId', allow: CLIENT_WRITERS, scoped: true, fresh: true },
  { route: 'GET /clients/:clientId/contacts', allow: READERS, scoped: true },
  { route: 'POST /clients/:clientId/contacts', allow: [...CLIENT_WRITERS, 'client_admin'], scoped: true, body: () => ({ name: 'New Contact', email: `c-${u()}@example.test`, roles: ['technical'] }) },
  { route: 'GET /clients/:clientId/contacts/:contactId', allow: READERS, scoped: true },
  { route: 'PATCH /clients/:clientId/contacts/:contactId', allow: [...CLIENT_WRITERS, 'client_admin'], scoped: true, body: () => ({ phone: '+49 30 1234' }) },
  { route: 'DELETE /clients/:clientId/contacts/:contactId', allow: [...CLIENT_WRITERS, 'client_admin'], scoped: true, fresh: true },
  { route: 'POST /clients/:clientId/contacts/:contactId/invite', allow: [...CLIENT_WRITERS, 'client_admin'], scoped: true, fresh: true, body: () => ({ role: 'client_user' }) },
];

// Routes whose callers are people mid-way through signing in or holding a one-time secret;
// their own tests pin them (sign-in, MFA step, set-up, invitations, password and MFA changes).
const coveredElsewhere = new Set([
  'POST /auth/sign-in',
  'POST /auth/mfa',
  'POST /auth/sign-out',
  // Signs the caller out of every session, which would end the other rows of this matrix.
  'POST /auth/sign-out-everywhere',
  'POST /setup',
  'GET /invitations/:token',
  'POST /invitations/:token/accept',
  'POST /me/password',
  'POST /me/mfa/enrolment/confirm',
  'POST /me/mfa/recovery-codes',
  'POST /me/mfa/disable',
]);

let t: TestApp;
const callers = new Map<Principal, Agent | null>();
type World = { tenantA: string; ownerA: Agent; ownerB: Agent; a1: string; a2: string; b1: string };
let w: World;

async function json(res: { statusCode: number; json(): { id: string; token: string }; body: string }, what: string) {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function newClient(owner: Agent) {
  return (await json(await owner.post('/api/v1/clients', { name: `Client ${u()}` }), 'client')).id as string;
}

/** A fresh set of rows under a client: a site, a contact, a client user, an API token. */
async function rowsUnder(owner: Agent, tenantId: string, clientId: string): Promise<Ids> {
  const site = await json(await owner.post(`/api/v1/clients/${clientId}/sites`, { name: `Site ${u()}`, timeZone: 'Europe/Berlin' }), 'site');
  const contact = await json(await owner.post(`/api/v1/clients/${clientId}/contacts`, { name: 'Casey Contact', email: `contact-${u()}@example.test`, roles: ['primary'] }), 'contact');
  const user = await createUser(t.ctx, tenantId, 'client_user', { clientId });
  const token = await json(await owner.post('/api/v1/api-tokens', { name: `row-${u()}`, scopes: ['read'] }), 'token');
  return { clientId, siteId: site.id, contactId: contact.id, userId: user.id, tokenId: token.id };
}

const fixed = new Map<string, Ids>();
async function idsFor(where: Where, fresh: boolean): Promise<Ids> {
  const key = where;
  if (!fresh && fixed.has(key)) return fixed.get(key)!;
  const ids =
    where === 'own' ? await rowsUnder(w.ownerA, w.tenantA, w.a1) : where === 'otherClient' ? await rowsUnder(w.ownerA, w.tenantA, w.a2) : await rowsUnder(w.ownerB, tenantBId, w.b1);
  if (!fresh) fixed.set(key, ids);
  return ids;
}

let tenantBId: string;

function fill(route: string, ids: Ids): { method: string; url: string } {
  const [method, path] = route.split(' ') as [string, string];
  const url = path
    .replace(':clientId', ids.clientId)
    .replace(':siteId', ids.siteId)
    .replace(':contactId', ids.contactId)
    .replace(':id', route.includes('/api-tokens') ? ids.tokenId : ids.userId);
  return { method, url: `/api/v1${url}` };
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await createTenant(t.ctx);
  const b = await createTenant(t.ctx);
  tenantBId = b.tenant.id;
  const ownerA = await signIn(t.app, a.owner.email);
  const ownerB = await signIn(t.app, b.owner.email);
  w = { tenantA: a.tenant.id, ownerA, ownerB, a1: await newClient(ownerA), a2: await newClient(ownerA), b1: await newClient(ownerB) };
  callers.set('anonymous', null);
  callers.set('owner', ownerA);
  for (const role of ['admin', 'dispatcher', 'technician', 'account_manager'] as const) {
    callers.set(role, await signIn(t.app, (await createUser(t.ctx, w.tenantA, role)).email));
  }
  for (const role of ['client_admin', 'client_user'] as const) {
    callers.set(role, await signIn(t.app, (await createUser(t.ctx, w.tenantA, role, { clientId: w.a1 })).email));
  }
  for (const [p, scope] of [['token_read', 'read'], ['token_write', 'write']] as const) {
    const token = await json(await ownerA.post('/api/v1/api-tokens', { name: p, scopes: [scope] }), 'token');
    callers.set(p, { ...agentFrom(t.app, '', ''), request: (url, o = {}) => t.app.inject({ method: o.method ?? 'GET', url, headers: { authorization: `Bearer ${token.token}` }, ...(o.body === undefined ? {} : { payload: o.body as object }) }) } as Agent);
  }
});
afterAll(() => t.close());

function call(p: Principal, method: string, url: string, body: unknown) {
  const agent = callers.get(p);
  const m = method as 'GET' | 'POST' | 'PATCH' | 'DELETE';
  const payload = body ?? (m === 'POST' || m === 'PATCH' ? {} : undefined);
  if (!agent) return t.app.inject({ method: m, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  return agent.request(url, { method: m, body: payload });
}

describe('authorisation matrix', () => {
  it('covers every API route', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const registered = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/^\/api\/v1/, '').replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const known = new Set([...cases.map((c) => c.route), ...coveredElsewhere]);
    expect(registered.filter((r) => !known.has(r))).toEqual([]);
  });

  for (const c of cases) {
    it(c.route, async () => {
      const failures: string[] = [];
      const wheres: Where[] = c.scoped ? ['own', 'otherClient', 'otherTenant'] : ['own'];
      for (const p of PRINCIPALS) {
        for (const where of wheres) {
          const ids = await idsFor(where, !!c.fresh);
          const { method, url } = fill(c.route, ids);
          const res = await call(p, method, url, c.body?.(ids));
          const allowed = c.allow.includes(p);
          const crossOk = (c.crossClient ?? c.allow.filter((x) => !CLIENT.includes(x))).includes(p);
          let ok: boolean;
          let expected: string;
          if (p === 'anonymous' && !c.public) {
            ok = res.statusCode === 401;
            expected = '401';
          } else if (where === 'otherTenant') {
            // Another MSP's row does not exist for this caller; a caller with no right to the
            // action at all may be told so first, which reveals nothing.
            ok = allowed ? res.statusCode === 404 : res.statusCode === 404 || res.statusCode === 403;
            expected = allowed ? '404' : '403/404';
          } else if (where === 'otherClient' && !crossOk) {
            ok = res.statusCode === 404 || (!allowed && res.statusCode === 403);
            expected = allowed ? '404' : '403/404';
          } else if (allowed) {
            ok = res.statusCode >= 200 && res.statusCode < 300;
            expected = '2xx';
          } else {
            ok = res.statusCode === 403 || (CLIENT.includes(p) && res.statusCode === 404);
            expected = '403';
          }
          if (!ok) failures.push(`${p} on ${where}: got ${res.statusCode}, expected ${expected} (${res.body.slice(0, 120)})`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
