import { randomUUID } from 'node:crypto';
import { defaultPlans } from '../domain/pact/plan-rules';
import type { Priority } from '../domain/pact/pact-types';
import type { StaffActor } from '../http/actor';
import type { AppContext } from '../http/context';
import { createTicket, updateTicket } from '../modules/tickets/tickets.service';
import { createTenant, createUser, signIn, type Agent, type TestApp } from '../../test/support/test-app';

const u = () => randomUUID().slice(0, 8);

async function ok<T>(res: { statusCode: number; body: string; json(): T }, what: string): Promise<T> {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}

export type TimerWorld = { tenantId: string; owner: Agent; actor: StaffActor; clientId: string; dispatcherIds: string[] };

/**
 * A fresh tenant with a client under an active contract on a 24x7 plan whose response targets are
 * `minutes[priority]` (resolution twice that), so thresholds come due within seconds of real time.
 */
export async function timerWorld(t: TestApp, minutes: Partial<Record<Priority, number>> = {}, opts: { dispatchers?: number } = {}): Promise<TimerWorld> {
  const { tenant, owner } = await createTenant(t.ctx);
  const agent = await signIn(t.app, owner.email);
  const calendars = await ok<{ items: Array<{ id: string; name: string }> }>(await agent.get('/api/v1/calendars'), 'calendars');
  const allHours = calendars.items.find((c) => c.name === '24x7')!.id;
  const terms = structuredClone(defaultPlans({ businessHours: allHours, allHours })[1]!.terms);
  for (const p of Object.keys(terms.targets) as Priority[]) {
    const m = minutes[p] ?? 1;
    const pair = { response: { unit: 'minutes' as const, minutes: m }, resolution: { unit: 'minutes' as const, minutes: 2 * m } };
    terms.targets[p] = { calendarId: allHours, remote: pair, onsite: pair };
  }
  const plan = await ok<{ id: string }>(await agent.post('/api/v1/plans', { name: `Fast ${u()}`, terms }), 'plan');
  const client = await ok<{ id: string }>(await agent.post('/api/v1/clients', { name: `Client ${u()}` }), 'client');
  await ok(await agent.post(`/api/v1/clients/${client.id}/sites`, { name: 'HQ', timeZone: 'Europe/Berlin', isMain: true }), 'site');
  const contract = await ok<{ id: string }>(
    await agent.post('/api/v1/contracts', { clientId: client.id, name: `K ${u()}`, planId: plan.id, calendarId: allHours, startsAt: '2020-01-01T00:00:00Z' }),
    'contract',
  );
  await ok(await agent.post(`/api/v1/contracts/${contract.id}/activate`), 'activation');
  const dispatcherIds: string[] = [];
  for (let i = 0; i < (opts.dispatchers ?? 1); i++) dispatcherIds.push((await createUser(t.ctx, tenant.id, 'dispatcher', { name: `Dispatcher ${i + 1}` })).id);
  const actor: StaffActor = { kind: 'staff', tenantId: tenant.id, userId: owner.id, role: 'owner', name: owner.name, email: owner.email, via: 'session', scopes: null, ip: null };
  return { tenantId: tenant.id, owner: agent, actor, clientId: client.id, dispatcherIds };
}

/**
 * Opens a ticket as if created `agoMs` before the real now (the app's clock is moved back for
 * the call), so its thresholds fall a few seconds ahead of real time.
 */
export async function ticketCreatedAgo(t: TestApp, w: TimerWorld, agoMs: number, input: { urgency?: string; impact?: string; subject?: string } = {}) {
  t.setNow(new Date(Date.now() - agoMs));
  try {
    return await createTicket(t.ctx, w.actor, { clientId: w.clientId, subject: input.subject ?? `Printer on fire ${u()}`, urgency: input.urgency, impact: input.impact });
  } finally {
    t.setNow(null);
  }
}

export async function retarget(ctx: AppContext, w: TimerWorld, ticketId: string, priority: string) {
  return updateTicket(ctx, w.actor, ticketId, { priority, priorityReason: 'Agreed with the client' }, null);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` holds or `timeoutMs` passes; returns the last value. */
export async function eventually<T>(read: () => Promise<T>, check: (v: T) => boolean, timeoutMs: number, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  let v = await read();
  while (!check(v) && Date.now() < until) {
    await sleep(everyMs);
    v = await read();
  }
  return v;
}
