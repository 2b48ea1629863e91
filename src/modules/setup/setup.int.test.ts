import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database';
import { migrateToLatest } from '../../db/migrate';
import { createTestApp, type TestApp } from '../../../test/support/test-app';
import { setupRequired } from './setup.service';

// Set-up only happens on an empty installation, and the shared test database already holds
// tenants, so these tests get a fresh in-memory database of their own.

let t: TestApp;
let closeDb: () => Promise<void>;
beforeAll(async () => {
  const handle = await openDatabase({ kind: 'pglite' });
  await migrateToLatest(handle.db);
  closeDb = handle.close;
  t = await createTestApp({ db: handle.db, dbKind: 'pglite', setupToken: 'known-setup-code' });
});
afterAll(async () => {
  await t.close();
  await closeDb();
});

describe('first-run set-up', () => {
  const body = { organisation: 'Acme Managed IT', ownerName: 'Ada Owner', ownerEmail: 'ada@acme.test', password: 'a-long-enough-secret' };

  it('refuses a wrong set-up code and creates nothing', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: { ...body, setupToken: 'guess' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toHaveProperty('setupToken');
    expect(await setupRequired(t.ctx)).toBe(true);
  });

  it('refuses a common password, naming the field', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: { ...body, password: 'password123', setupToken: 'known-setup-code' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields.password).toMatch(/common/);
    expect(await setupRequired(t.ctx)).toBe(true);
  });

  it('creates the organisation and owner, signs in, and is then closed', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: { ...body, setupToken: 'known-setup-code' } });
    expect(r.statusCode).toBe(201);
    const cookie = r.cookies.find((c) => c.name === 'sp_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const s = await t.app.inject({ url: '/api/v1/session', headers: { cookie: `sp_session=${cookie!.value}` } });
    expect(s.json()).toMatchObject({ user: { email: 'ada@acme.test', role: 'owner' }, tenant: { name: 'Acme Managed IT' } });
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: { ...body, ownerEmail: 'eve@acme.test', setupToken: 'known-setup-code' } });
    expect(again.statusCode).toBe(409);
    expect((await t.app.inject({ url: '/api/v1/setup' })).json()).toEqual({ required: false });
  });
});
