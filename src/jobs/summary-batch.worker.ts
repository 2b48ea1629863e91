import type PgBoss from 'pg-boss';
import type { AppContext } from '../http/context';
import { enqueueSummaryBatch, registerSummaryBatchWorker, SUMMARY_BATCH_QUEUE, type SummaryBatchRef } from './summary-batch-queue';
import { queuedBatches } from '../modules/summaries/summaries.repository';
import { runBatch, runSchedules, type ScheduleRunResult } from '../modules/summaries/summary-batches.service';

/**
 * Executive summaries on pg-boss:
 * - `summary-batch`: one job per batch asked for with `POST /summary-batches`; the worker
 *   generates the period's summaries, writing progress to the batch row the UI polls. Batches
 *   left queued while no server ran are offered again at start.
 * - `summary-schedules`: every 15 minutes (one job per slot however many servers offer it, as
 *   the period close does), the scheduled summaries that are due are generated, published and
 *   e-mailed; each period is delivered once.
 */
export const SUMMARY_SCHEDULES_QUEUE = 'summary-schedules';
const SLOT_SECONDS = 15 * 60;

async function ensureQueue(boss: PgBoss, name: string, options: Partial<PgBoss.Queue>): Promise<void> {
  if (await boss.getQueue(name)) return;
  try {
    await boss.createQueue(name, { name, policy: 'standard', ...options });
  } catch (err) {
    // Another server created it at the same moment.
    if (!(await boss.getQueue(name))) throw err;
  }
}

export type SummaryJobsOptions = {
  /** Run this process's workers (default true); a process may only offer jobs. */
  work?: boolean;
  /** Offer the scheduled-delivery job every 15 minutes (default true). */
  schedules?: boolean;
  onSchedules?: (r: ScheduleRunResult) => void;
  onError?: (err: unknown) => void;
};

export type SummaryJobs = { workerIds: string[]; stop(): void };

export async function startSummaryJobs(ctx: AppContext, boss: PgBoss, opts: SummaryJobsOptions = {}): Promise<SummaryJobs> {
  await ensureQueue(boss, SUMMARY_BATCH_QUEUE, { retryLimit: 0, expireInSeconds: 3 * 3600 });
  await ensureQueue(boss, SUMMARY_SCHEDULES_QUEUE, { retryLimit: 2, retryDelay: 60, expireInSeconds: 30 * 60 });
  const workerIds: string[] = [];
  let unregister = () => {};
  if (opts.work ?? true) {
    workerIds.push(
      await boss.work<SummaryBatchRef>(SUMMARY_BATCH_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
        if (!job) return;
        try {
          await runBatch(ctx, job.data.tenantId, job.data.batchId);
        } catch (err) {
          opts.onError?.(err);
          throw err;
        }
      }),
    );
    workerIds.push(
      await boss.work(SUMMARY_SCHEDULES_QUEUE, { batchSize: 1, pollingIntervalSeconds: 60 }, async () => {
        try {
          opts.onSchedules?.(await runSchedules(ctx));
        } catch (err) {
          opts.onError?.(err);
          throw err;
        }
      }),
    );
    unregister = registerSummaryBatchWorker(ctx, boss, workerIds[0]!);
    // Batches asked for while no server worked (or cut short by a stop before they started).
    for (const b of await queuedBatches(ctx.db)) await enqueueSummaryBatch(ctx, { tenantId: b.tenant_id, batchId: b.id });
  }
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const offer = async () => {
    if (stopped || opts.schedules === false) return;
    try {
      const id = await boss.send(SUMMARY_SCHEDULES_QUEUE, {}, { singletonKey: 'summary-schedules', singletonSeconds: SLOT_SECONDS, retryLimit: 2, retryDelay: 60 });
      if (id && workerIds[1]) boss.notifyWorker(workerIds[1]);
    } catch (err) {
      opts.onError?.(err);
    }
  };
  const arm = () => {
    if (stopped) return;
    const ms = SLOT_SECONDS * 1000 - (Date.now() % (SLOT_SECONDS * 1000)) + 1000;
    timer = setTimeout(() => void offer().finally(arm), ms);
    timer.unref();
  };
  await offer();
  arm();
  return {
    workerIds,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      unregister();
    },
  };
}
