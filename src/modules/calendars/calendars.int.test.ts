import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createTestApp, createUser, signIn, type Agent, type TestApp } from '../../../test/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function owner() {
  const { owner, tenant } = await createTenant(t.ctx);
  return { agent: await signIn(t.app, owner.email), tenant };
}
async function calendarNamed(agent: Agent, name: string) {
  return (await agent.get('/api/v1/calendars')).json().items.find((c: { name: string }) => c.name === name);
}
const berlin = { timeZone: 'Europe/Berlin', week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] }, holidaySets: ['DE-BE'] };

describe('calendars', () => {
  it('lists the seeded calendars and adds, edits (If-Match) and deletes one', async () => {
    const { agent } = await owner();
    expect((await agent.get('/api/v1/calendars')).json().items.map((c: { name: string }) => c.name)).toEqual(['24x7', 'Business hours']);
    const created = await agent.post('/api/v1/calendars', { name: 'Berlin office', definition: berlin });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const put = await agent.request(`/api/v1/calendars/${id}`, { method: 'PUT', body: { name: 'Berlin', definition: berlin }, headers: { 'if-match': '"1"' } });
    expect(put.statusCode, put.body).toBe(200);
    expect((await agent.request(`/api/v1/calendars/${id}`, { method: 'PUT', body: { name: 'Berlin', definition: berlin }, headers: { 'if-match': '"1"' } })).statusCode).toBe(412);
    expect((await agent.delete(`/api/v1/calendars/${id}`)).statusCode).toBe(204);
    expect((await agent.get(`/api/v1/calendars/${id}`)).statusCode).toBe(404);
  });

  it('names the field of every problem in a definition', async () => {
    const { agent } = await owner();
    const r = await agent.post('/api/v1/calendars', {
      name: 'Broken',
      definition: { timeZone: 'Mars/Olympus', week: { mon: [['25:00', '26:00']], tue: [['09:00', '12:00'], ['11:00', '13:00']] }, holidays: [{ from: '2026-12-29', to: '2026-12-01' }], holidaySets: ['XX'] },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({
      code: 'validation_failed',
      fields: {
        'definition.timeZone': expect.stringMatching(/unknown time zone/),
        'definition.week.mon[0]': expect.stringMatching(/invalid start time '25:00'/),
        'definition.week.tue[1]': expect.stringMatching(/overlaps/),
        'definition.holidays[0].to': expect.stringMatching(/before it starts/),
        'definition.holidaySets[0]': expect.stringMatching(/unknown holiday set/),
      },
    });
    expect(r.json().error.message).toMatch(/definition.week.mon\[0\]/);
  });

  it('previews the due instant: Friday 16:00 + 4 business hours is Monday 10:00, across the clock change', async () => {
    const { agent } = await owner();
    const biz = await calendarNamed(agent, 'Business hours');
    // London, Mon-Fri 08:00-18:00: two hours on Friday, two on Monday; BST starts on Sunday 29 March.
    const r = await agent.request(`/api/v1/calendars/${biz.id}/preview`, { query: { start: '2026-03-27T16:00:00Z', minutes: '240' } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ start: '2026-03-27T16:00:00.000Z', due: '2026-03-30T09:00:00.000Z', dueLocal: '2026-03-30T10:00:00+01:00', timeZone: 'Europe/London' });
    const days = await agent.request(`/api/v1/calendars/${biz.id}/preview`, { query: { start: '2026-03-06T10:00:00Z', days: '2' } });
    expect(days.json().due).toBe('2026-03-10T10:00:00.000Z');
    t.setNow(new Date('2026-03-07T12:00:00Z')); // a Saturday
    expect((await agent.request(`/api/v1/calendars/${biz.id}/preview`, { query: { minutes: '60' } })).json()).toMatchObject({ due: '2026-03-09T09:00:00.000Z', openNow: false });
    t.setNow(null);
    expect((await agent.request(`/api/v1/calendars/${biz.id}/preview`, { query: { start: 'tomorrow', minutes: '60' } })).json().error.fields.start).toBeDefined();
  });

  it('refuses to delete a calendar a plan uses, naming the plans', async () => {
    const { agent } = await owner();
    const biz = await calendarNamed(agent, 'Business hours');
    const r = await agent.delete(`/api/v1/calendars/${biz.id}`);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toMatch(/used by 3 plans \("Gold", "Platinum" and "Silver"\)/);
  });

  it('offers holiday sets: countries, then a country with its states', async () => {
    const { agent, tenant } = await owner();
    const all = (await agent.get('/api/v1/holiday-sets')).json().items;
    expect(all).toContainEqual({ code: 'DE', name: 'Germany', kind: 'country' });
    const de = (await agent.request('/api/v1/holiday-sets', { query: { country: 'de' } })).json().items;
    expect(de[0]).toEqual({ code: 'DE', name: 'Germany', kind: 'country' });
    expect(de).toContainEqual({ code: 'DE-BE', name: 'Berlin', kind: 'state' });
    const client = (await agent.post('/api/v1/clients', { name: 'Contoso' })).json();
    const cu = await signIn(t.app, (await createUser(t.ctx, tenant.id, 'client_user', { clientId: client.id })).email);
    expect((await cu.get('/api/v1/holiday-sets')).statusCode).toBe(403);
  });

  it('keeps tenants apart', async () => {
    const a = await owner();
    const b = await owner();
    const calB = await calendarNamed(b.agent, '24x7');
    expect((await a.agent.get(`/api/v1/calendars/${calB.id}`)).statusCode).toBe(404);
    expect((await a.agent.request(`/api/v1/calendars/${calB.id}/preview`, { query: { minutes: '5' } })).statusCode).toBe(404);
    expect((await a.agent.delete(`/api/v1/calendars/${calB.id}`)).statusCode).toBe(404);
  });
});
