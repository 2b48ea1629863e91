import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFrom, createTenant, createTestApp, TEST_PASSWORD, type Agent, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = (p: string) => `/api/v1${p}`;
let address = 0;
async function signIn(email: string): Promise<Agent> {
  address++;
  const res = await t.app.inject({ method: 'POST', url: api('/auth/sign-in'), payload: { email, password: TEST_PASSWORD }, remoteAddress: `10.78.${Math.floor(address / 250)}.${(address % 250) + 1}` });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  return agentFrom(t.app, `sp_session=${res.cookies.find((c) => c.name === 'sp_session')!.value}`, res.json().csrfToken);
}
async function ok(res: { statusCode: number; body: string; json(): any }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

describe('POST /targets/simulate', () => {
  it('catalog override beats the catalog turnaround, which beats the plan; an on-site item forces on-site; errors name the field', async () => {
    const { tenant, owner } = await createTenant(t.ctx);
    const agent = await signIn(owner.email);
    const client = await ok(await agent.post(api('/clients'), { name: `Fabrikam ${randomUUID().slice(0, 6)}` }), 201);
    const gold = (await t.ctx.db.selectFrom('plans').select('id').where('tenant_id', '=', tenant.id).where('name', '=', 'Gold').executeTakeFirstOrThrow()).id;
    // An item with a Gold turnaround of its own, and an on-site-only item.
    const quick = await ok(
      await agent.post(api('/catalog'), {
        category: 'account',
        name: 'Unlock account',
        defaultUrgency: 'high',
        defaultImpact: 'individual',
        deliveryMode: 'either',
        complexity: 'low',
        expectedEffortMinutes: 10,
        turnarounds: { [gold]: { remote: { response: { unit: 'minutes', minutes: 20 }, resolution: { unit: 'minutes', minutes: 45 } } } },
      }),
      201,
    );
    const cabling = await ok(
      await agent.post(api('/catalog'), { category: 'network', name: 'Patch a cable', defaultUrgency: 'low', defaultImpact: 'individual', deliveryMode: 'onsite', complexity: 'low', expectedEffortMinutes: 30 }),
      201,
    );
    const contract = await ok(await agent.post(api('/contracts'), { clientId: client.id, name: 'Gold', planId: gold, startsAt: '2026-01-01T00:00:00Z' }), 201);
    await ok(await agent.post(api(`/contracts/${contract.id}/activate`)));
    const sim = (body: Record<string, unknown>) => agent.post(api('/targets/simulate'), { clientId: client.id, urgency: 'high', impact: 'department', ...body });

    const plan = await ok(await sim({ deliveryMode: 'remote' }));
    expect(plan.firstResponse.target).toEqual({ unit: 'minutes', minutes: 60 });
    const turnaround = await ok(await sim({ catalogItemId: quick.id, deliveryMode: 'remote' }));
    expect(turnaround.firstResponse).toMatchObject({ target: { unit: 'minutes', minutes: 20 }, explanation: ['20 business minutes: the catalog turnaround for "Unlock account" on the Gold plan (remote)'] });
    // Only the remote turnaround is set: on site falls back to the plan.
    expect((await ok(await sim({ catalogItemId: quick.id, deliveryMode: 'onsite' }))).firstResponse.target).toEqual({ unit: 'minutes', minutes: 60 });

    await ok(
      await agent.post(api(`/contracts/${contract.id}/amendments`), {
        effectiveAt: '2026-02-01T00:00:00Z',
        changes: [{ type: 'catalog_override_set', catalogItemId: quick.id, turnaround: { remote: { resolution: { unit: 'minutes', minutes: 30 } } } }],
      }),
      201,
    );
    const user = await signIn((await t.ctx.db.insertInto('users').values({ tenant_id: tenant.id, email: `ca-${randomUUID().slice(0, 8)}@example.test`, name: 'Ca', role: 'client_admin', client_id: client.id, password_hash: owner.password_hash, mfa_secret: null }).returning('email').executeTakeFirstOrThrow()).email);
    await ok(await user.post(api(`/contracts/${contract.id}/amendments/2/accept`)));
    const override = await ok(await user.post(api('/targets/simulate'), { clientId: client.id, urgency: 'high', impact: 'department', catalogItemId: quick.id, deliveryMode: 'remote' }));
    expect(override.firstResponse.target).toEqual({ unit: 'minutes', minutes: 20 }); // the override sets only resolution
    expect(override.resolution).toMatchObject({ target: { unit: 'minutes', minutes: 30 }, explanation: ['30 business minutes: the client\'s agreed turnaround for "Unlock account" (remote)'] });

    const forced = await ok(await sim({ catalogItemId: cabling.id }));
    expect(forced.deliveryMode).toBe('onsite');
    expect(forced.explanation).toContain('Delivered on-site, as "Patch a cable" always is');

    const badUrgency = await sim({ urgency: 'apocalyptic' });
    expect(badUrgency.statusCode).toBe(400);
    expect(badUrgency.json().error.fields).toHaveProperty('urgency');
    const badSite = await sim({ siteId: randomUUID() });
    expect(badSite.json().error.fields).toHaveProperty('siteId');
    const badItem = await sim({ catalogItemId: randomUUID() });
    expect(badItem.json().error.fields).toHaveProperty('catalogItemId');
    expect((await sim({ clientId: randomUUID() })).statusCode).toBe(404);
  });
});
