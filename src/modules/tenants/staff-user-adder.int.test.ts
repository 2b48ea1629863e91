import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, signIn, type TestApp } from '../../../test/support/test-app';
import { addStaffUser } from './staff-user-adder';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('adding a staff account from the command line', () => {
  it('adds a user who can sign in with the given role', async () => {
    const { tenant } = await createTenant(t.ctx);
    const email = `tech-${tenant.slug}@example.test`;
    await addStaffUser(t.ctx.db, { tenantSlug: tenant.slug, email, name: 'Tom Tech', role: 'technician', password: 'a-long-enough-secret' });
    const agent = await signIn(t.app, email, 'a-long-enough-secret');
    expect((await agent.get('/api/v1/session')).json().user).toMatchObject({ role: 'technician', name: 'Tom Tech' });
  });

  it('refuses an unknown organisation, a used address and a weak password', async () => {
    const { tenant, owner } = await createTenant(t.ctx);
    const base = { tenantSlug: tenant.slug, email: `x-${tenant.slug}@example.test`, name: 'X', role: 'admin' as const, password: 'a-long-enough-secret' };
    await expect(addStaffUser(t.ctx.db, { ...base, tenantSlug: 'no-such-msp' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(addStaffUser(t.ctx.db, { ...base, email: owner.email.toUpperCase() })).rejects.toMatchObject({ code: 'conflict', fields: { email: expect.any(String) } });
    await expect(addStaffUser(t.ctx.db, { ...base, password: 'letmein123' })).rejects.toMatchObject({ code: 'validation_failed', fields: { password: expect.any(String) } });
  });
});
