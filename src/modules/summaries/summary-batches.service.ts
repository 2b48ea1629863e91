/**
 * A period's summaries for every client with a contract in force, generated in the background
 * with progress rows the UI polls: `POST /summary-batches` records a queued batch and hands it to
 * the job system (pg-boss); without one (tests, a CLI) the batch runs in this process after the
 * response. Published summaries are left as they are; drafts are recomputed with their narrative.
 *
 * Also the schedule run: each client's monthly or quarterly summary generated, published and
 * e-mailed `daysAfter` business days after the period ends in the contract's zone, once.
 */
import { forbidden, invalid, notFound } from '../../errors';
import { isQuarterEnd, monthKeyAt, periodBounds, previousMonthKey, quarterOfMonth } from '../../domain/goals/period';
import { isPeriodKey, previousQuarterKey } from '../../domain/summaries';
import type { Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { enqueueSummaryBatch } from '../../jobs/summary-batch-queue';
import { loadPacts } from '../scorecards/scorecard-evaluation';
import { calendarFor } from '../tickets/tickets.service';
import { canReadDeliveries, canWriteSummaries } from './summaries.policy';
import { presentBatch } from './summaries.presenter';
import * as repo from './summaries.repository';
import { deliverScheduled, periodEndedSomewhere } from './summaries.service';
import { generateSummaries } from './summary-generation';

const CHUNK = 25;
const DAY = 86_400_000;

export async function createBatch(ctx: AppContext, actor: Actor, periodKey: string) {
  if (!canWriteSummaries(actor)) throw forbidden('Only owners, admins and account managers generate executive summaries');
  if (!isPeriodKey(periodKey)) throw invalid({ periodKey: 'must be a month (YYYY-MM) or a quarter (YYYY-Qn) of a supported year' });
  if (!periodEndedSomewhere(periodKey, ctx.now())) throw invalid({ periodKey: `has not ended yet: ${periodKey} is still running` });
  const batch = await repo.insertBatch(ctx.db, actor.tenantId, periodKey, actor.userId);
  if (!(await enqueueSummaryBatch(ctx, { tenantId: actor.tenantId, batchId: batch.id }))) {
    // No job system in this process: run it here, after the response; failures land in the row.
    setImmediate(() => void runBatch(ctx, actor.tenantId, batch.id).catch(() => undefined));
  }
  return presentBatch(batch);
}

export async function getBatch(ctx: AppContext, actor: Actor, id: string) {
  if (!canReadDeliveries(actor)) throw forbidden('Summary batches are for staff');
  const b = await repo.findBatch(ctx.db, actor.tenantId, id);
  if (!b) throw notFound('Summary batch');
  return presentBatch(b);
}

/**
 * Runs a queued batch: the clients with a contract overlapping the period (published summaries
 * of the period left out), CHUNK at a time, progress written after each chunk. A client that
 * cannot be summarised is counted as failed with why; the others go on.
 */
export async function runBatch(ctx: AppContext, tenantId: string, batchId: string, onProgress?: (done: number, total: number) => void): Promise<void> {
  const batch = await repo.findBatch(ctx.db, tenantId, batchId);
  if (!batch || batch.status !== 'queued') return;
  const periodKey = batch.period_key;
  const utc = periodBounds(periodKey, 'UTC');
  const clients = await repo.clientsWithContracts(ctx.db, tenantId, new Date(utc.from.getTime() - DAY), new Date(utc.to.getTime() + DAY));
  const published = new Set((await repo.publishedClients(ctx.db, tenantId, periodKey)));
  const todo = clients.filter((c) => !published.has(c.id));
  if (!(await repo.startBatch(ctx.db, tenantId, batchId, todo.length, ctx.now()))) return;
  let done = 0;
  let failed = 0;
  const errors: Array<{ clientId: string; message: string }> = [];
  try {
    for (let i = 0; i < todo.length; i += CHUNK) {
      const chunk = todo.slice(i, i + CHUNK);
      const now = ctx.now();
      let results;
      try {
        results = await generateSummaries(ctx, tenantId, periodKey, chunk, now);
      } catch {
        // One client's bad data must not stop the chunk: one by one.
        results = [];
        for (const c of chunk) {
          try {
            results.push(...(await generateSummaries(ctx, tenantId, periodKey, [c], now)));
          } catch (e) {
            results.push({ job: { client: c, periodKey }, problem: `could not be summarised: ${e instanceof Error ? e.message : String(e)}` });
          }
        }
      }
      const docs = results.flatMap((r) => ('document' in r ? [{ tenant_id: tenantId, client_id: r.job.client.id, period_key: periodKey, document: r.document, generated_at: now, generated_by: batch.started_by }] : []));
      await repo.upsertDrafts(ctx.db, docs);
      for (const r of results) {
        if ('document' in r) done += 1;
        else {
          failed += 1;
          if (errors.length < 100) errors.push({ clientId: r.job.client.id, message: `${r.job.client.name}: ${periodKey} ${r.problem}` });
        }
      }
      await repo.batchProgress(ctx.db, tenantId, batchId, done, failed, errors);
      onProgress?.(done + failed, todo.length);
    }
    await repo.finishBatch(ctx.db, tenantId, batchId, 'done', ctx.now());
  } catch (err) {
    errors.push({ clientId: '', message: `The batch stopped: ${err instanceof Error ? err.message : String(err)}` });
    await repo.finishBatch(ctx.db, tenantId, batchId, 'failed', ctx.now(), errors);
    throw err;
  }
}

// ---------- scheduled delivery ----------

export type ScheduleRunResult = { due: number; sent: number; failed: Array<{ tenantId: string; clientId: string; error: string }> };

/**
 * For every enabled schedule: the last period ended in the contract's zone; when `daysAfter`
 * business days (contract calendar) have passed since its end and it was not delivered yet,
 * generate it (unless published), publish it and e-mail it to the schedule's contacts.
 */
export async function runSchedules(ctx: AppContext): Promise<ScheduleRunResult> {
  const result: ScheduleRunResult = { due: 0, sent: 0, failed: [] };
  const now = ctx.now();
  const schedules = await repo.enabledSchedules(ctx.db);
  const byTenant = new Map<string, typeof schedules>();
  for (const s of schedules) {
    let list = byTenant.get(s.tenant_id);
    if (!list) byTenant.set(s.tenant_id, (list = []));
    list.push(s);
  }
  for (const [tenantId, list] of byTenant) {
    const clients = new Map((await repo.clientsByIds(ctx.db, tenantId, [...new Set(list.map((s) => s.client_id))])).map((c) => [c.id, c]));
    const contracts = await repo.contractsOverlapping(ctx.db, tenantId, [...clients.keys()], new Date(now.getTime() - 130 * DAY), new Date(now.getTime() + DAY));
    const pacts = await loadPacts(ctx, tenantId, contracts.map((k) => k.id));
    const due: Array<{ schedule: (typeof list)[number]; periodKey: string }> = [];
    for (const s of list) {
      const client = clients.get(s.client_id);
      if (!client || client.status !== 'active') continue;
      // The zone and calendar of the client's latest contract with terms.
      const k = contracts.filter((x) => x.client_id === s.client_id && pacts.get(x.id)?.calendar).pop();
      const pact = k ? pacts.get(k.id) : undefined;
      if (!pact?.calendar || !pact.calendarId) continue;
      const month = previousMonthKey(monthKeyAt(now, pact.zone));
      const periodKey = s.period === 'monthly' ? month : isQuarterEnd(month) ? quarterOfMonth(month) : previousQuarterKey(quarterOfMonth(month));
      const end = periodBounds(periodKey, pact.zone).to;
      const dueAt = s.days_after === 0 ? end : calendarFor(pact.calendarId, pact.calendar).addBusinessDays(end, s.days_after);
      if (dueAt > now) continue;
      due.push({ schedule: s, periodKey });
    }
    const delivered = await repo.summariesDelivered(ctx.db, tenantId, due.map((d) => ({ clientId: d.schedule.client_id, periodKey: d.periodKey })));
    for (const d of due) {
      if (delivered.has(`${d.schedule.client_id}|${d.periodKey}`)) continue;
      result.due += 1;
      const clientId = d.schedule.client_id;
      try {
        const existing = await repo.findSummary(ctx.db, { tenantId }, clientId, d.periodKey);
        if (existing?.status !== 'published') {
          const [r] = await generateSummaries(ctx, tenantId, d.periodKey, [clients.get(clientId)!], ctx.now());
          if (!r || !('document' in r)) throw new Error(r && 'problem' in r ? `${d.periodKey} ${r.problem}` : 'nothing generated');
          await repo.upsertDrafts(ctx.db, [{ tenant_id: tenantId, client_id: clientId, period_key: d.periodKey, document: r.document, generated_at: ctx.now(), generated_by: null }]);
        }
        await deliverScheduled(ctx, tenantId, clientId, d.periodKey, d.schedule.contact_ids);
        result.sent += 1;
      } catch (err) {
        result.failed.push({ tenantId, clientId, error: err instanceof Error ? err.message : String(err) });
      }
    }
  }
  return result;
}
