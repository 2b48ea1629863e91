import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../test/support/test-app';
import { DEMO_PASSWORD, seedDemo } from './demo-seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo seed', () => {
  it('creates a demo MSP whose every listed account signs in, and runs again without changes', async () => {
    await seedDemo(t.ctx.db);
    const second = await seedDemo(t.ctx.db);
    expect(second.created).toBe(false);
    expect(second.accounts.map((a) => a.role).sort()).toEqual(['account_manager', 'admin', 'client_admin', 'client_user', 'dispatcher', 'owner', 'technician']);

    const owner = await signIn(t.app, second.accounts.find((a) => a.role === 'owner')!.email, DEMO_PASSWORD);
    const clients = (await owner.get('/api/v1/clients')).json().items;
    expect(clients).toHaveLength(4);
    for (const c of clients) {
      expect(c.siteCount).toBeGreaterThanOrEqual(1);
      expect(c.siteCount).toBeLessThanOrEqual(3);
      expect(c.contactCount).toBeGreaterThanOrEqual(2);
      expect(c.contactCount).toBeLessThanOrEqual(4);
      expect(c.mainSite).not.toBeNull();
    }
    const zones = new Set<string>();
    for (const c of clients) for (const s of (await owner.get(`/api/v1/clients/${c.id}/sites`)).json().items) zones.add(s.timeZone);
    expect(zones.size).toBeGreaterThanOrEqual(4);

    for (const a of second.accounts) await signIn(t.app, a.email, DEMO_PASSWORD);
    const clientUser = await signIn(t.app, second.accounts.find((a) => a.role === 'client_user')!.email, DEMO_PASSWORD);
    const own = (await clientUser.get('/api/v1/clients')).json().items;
    expect(own).toHaveLength(1);
    const contacts = (await clientUser.get(`/api/v1/clients/${own[0].id}/contacts`)).json().items;
    expect(contacts.filter((c: { userId: string | null }) => c.userId !== null)).toHaveLength(2);
  });
});
