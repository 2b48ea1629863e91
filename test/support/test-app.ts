import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/config';
import type { ClientRole, StaffRole, User } from '../../src/db/schema';
import { buildApp } from '../../src/http/app';
import type { AppContext } from '../../src/http/context';
import type { App } from '../../src/http/types';
import { hashPassword } from '../../src/modules/auth/password';
import { createTenantWithOwner } from '../../src/modules/tenants/tenant-creator';
import { insertUser } from '../../src/modules/users/users.repository';
import { testDatabase } from './test-database';

export const TEST_PASSWORD = 'correct-horse-battery';

export type TestApp = { app: App; ctx: AppContext; setNow(d: Date | null): void; close(): Promise<void> };

/** The real server (all routes, hooks, error handler) on the worker's test database. */
export async function createTestApp(overrides: Partial<AppContext> = {}): Promise<TestApp> {
  const handle = await testDatabase();
  let fixedNow: Date | null = null;
  const ctx: AppContext = {
    db: handle.db,
    dbKind: handle.kind,
    config: { ...loadConfig({ LOG_LEVEL: 'silent' }), bodyLimitBytes: 256 * 1024 },
    now: () => fixedNow ?? new Date(),
    setupToken: null,
    ...overrides,
  };
  const app = await buildApp(ctx);
  await app.ready();
  return { app, ctx, setNow: (d) => (fixedNow = d), close: () => app.close() };
}

const unique = () => randomUUID().slice(0, 8);

/** A fresh tenant with its owner; every test that touches data starts from one. */
export async function createTenant(ctx: AppContext, name = `MSP ${unique()}`) {
  const email = `owner-${unique()}@example.test`;
  const { tenant, owner } = await createTenantWithOwner(ctx.db, { organisation: name, ownerName: 'Olive Owner', ownerEmail: email, password: TEST_PASSWORD });
  return { tenant, owner };
}

let cachedHash: Promise<string> | null = null;

/** A user of any role; client roles need a clientId. Password: TEST_PASSWORD. */
export async function createUser(
  ctx: AppContext,
  tenantId: string,
  role: StaffRole | ClientRole,
  opts: { clientId?: string; name?: string; email?: string } = {},
): Promise<User> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return insertUser(ctx.db, {
    tenant_id: tenantId,
    email: opts.email ?? `${role}-${unique()}@example.test`,
    name: opts.name ?? `Test ${role}`,
    role,
    client_id: opts.clientId ?? null,
    password_hash: await cachedHash,
    mfa_secret: null,
  });
}

type InjectOptions = { method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; body?: unknown; headers?: Record<string, string>; query?: Record<string, string> };

/** A signed-in browser-like caller: keeps the session cookie and sends the CSRF token on writes. */
export type Agent = {
  request(url: string, options?: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  cookie: string;
  csrfToken: string;
};

export function agentFrom(app: App, cookie: string, csrfToken: string): Agent {
  const request = (url: string, options: InjectOptions = {}) =>
    app.inject({
      method: options.method ?? 'GET',
      url,
      query: options.query,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(options.headers ?? {}) },
      ...(options.body === undefined ? {} : { payload: options.body as object }),
    });
  return {
    request,
    get: (url, headers) => request(url, { headers }),
    post: (url, body, headers) => request(url, { method: 'POST', body: body ?? {}, headers }),
    patch: (url, body, headers) => request(url, { method: 'PATCH', body: body ?? {}, headers }),
    delete: (url, headers) => request(url, { method: 'DELETE', headers }),
    cookie,
    csrfToken,
  };
}

export async function signIn(app: App, email: string, password = TEST_PASSWORD): Promise<Agent> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'sp_session');
  if (!cookie) throw new Error('no session cookie');
  return agentFrom(app, `sp_session=${cookie.value}`, res.json().csrfToken);
}

/** The JSON body of a successful answer (2xx); anything else fails the test naming the step. */
export async function ok<T>(res: { statusCode: number; body: string; json(): unknown }, what: string): Promise<T> {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return (res.body ? res.json() : undefined) as T;
}
