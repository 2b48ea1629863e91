import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('seeded pact defaults', () => {
  it('a new tenant starts with the matrix, two calendars, three plans, Premium Response and 40+ catalog items', async () => {
    const { tenant } = await createTenant(t.ctx);
    const db = t.ctx.db;
    const matrix = await db.selectFrom('priority_matrices').selectAll().where('tenant_id', '=', tenant.id).executeTakeFirstOrThrow();
    expect(matrix.matrix.priorities.map((p) => p.key)).toEqual(['P1', 'P2', 'P3', 'P4']);
    const calendars = await db.selectFrom('calendars').selectAll().where('tenant_id', '=', tenant.id).orderBy('name').execute();
    expect(calendars.map((c) => c.name)).toEqual(['24x7', 'Business hours']);
    const business = calendars.find((c) => c.name === 'Business hours')!;
    expect(business.definition).toMatchObject({ timeZone: 'Europe/London', week: { mon: [['08:00', '18:00']], sat: [] } });
    const plans = await db.selectFrom('plans').selectAll().where('tenant_id', '=', tenant.id).orderBy('name').execute();
    expect(plans.map((p) => p.name)).toEqual(['Gold', 'Platinum', 'Silver']);
    const allHours = calendars.find((c) => c.name === '24x7')!.id;
    expect(plans.find((p) => p.name === 'Platinum')!.terms.targets.P1!.calendarId).toBe(allHours);
    expect(plans.find((p) => p.name === 'Gold')!.terms.targets.P1!.calendarId).toBe(business.id);
    // After-hours work is billed from an hourly rate: 90.00 in the plan currency on every seeded plan.
    expect(plans.map((p) => [p.terms.hourlyRateMinor, p.terms.price.currency])).toEqual([
      [9000, 'EUR'],
      [9000, 'EUR'],
      [9000, 'EUR'],
    ]);
    const riders = await db.selectFrom('riders').selectAll().where('tenant_id', '=', tenant.id).execute();
    expect(riders).toMatchObject([{ name: 'Premium Response', effect: { kind: 'scale', factorPercent: 50, floorMinutes: 15 }, status: 'active' }]);
    const items = await db.selectFrom('catalog_items').selectAll().where('tenant_id', '=', tenant.id).execute();
    expect(items.length).toBeGreaterThanOrEqual(40);
    expect(new Set(items.map((i) => i.category)).size).toBe(6);
    const gold = plans.find((p) => p.name === 'Gold')!.id;
    expect(items.find((i) => i.name === 'Password reset')!.turnarounds[gold]).toEqual({ remote: { response: { unit: 'minutes', minutes: 15 }, resolution: { unit: 'minutes', minutes: 60 } } });
  });

  it('is quick: ten tenants in a few seconds', async () => {
    const started = Date.now();
    for (let i = 0; i < 10; i++) await createTenant(t.ctx);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
