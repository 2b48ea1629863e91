import type PgBoss from 'pg-boss';
import type { AppContext } from '../http/context';
import { enqueueSummaryBatch, registerSummaryBatchWorker, SUMMARY_BATCH_QUEUE, type SummaryBatchRef } from './summary-batch-queue';
import { queuedBatches } from '../modules/summaries/summaries.repository';
import { runBatch, runSchedules, type ScheduleRunResult } from '../modules/summaries/summary-batches.service';
import { startPeriodicJob } from './periodic-job';

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

export type SummaryJobsOptions = {
  /** Run this process's workers (default true); a process may only offer jobs. */
  work?: boolean;
  /** Offer the scheduled-delivery job every 15 minutes (default true). */
  schedules?: boolean;
  onSchedules?: (r: ScheduleRunResult) => void;
  onError?: (err: unknown) => void;
};

export type SummaryJobs = { workerIds: string[]; stop(): void };

async function ensureBatchQueue(boss: PgBoss): Promise<void> {
  if (await boss.getQueue(SUMMARY_BATCH_QUEUE)) return;
  try {
    // A batch is not retried: its row says what failed, and asking again starts a new one.
    await boss.createQueue(SUMMARY_BATCH_QUEUE, { name: SUMMARY_BATCH_QUEUE, policy: 'standard', retryLimit: 0, expireInSeconds: 3 * 3600 });
  } catch (err) {
    // Another server created it at the same moment.
    if (!(await boss.getQueue(SUMMARY_BATCH_QUEUE))) throw err;
  }
}

export async function startSummaryJobs(ctx: AppContext, boss: PgBoss, opts: SummaryJobsOptions = {}): Promise<SummaryJobs> {
  await ensureBatchQueue(boss);
  const work = opts.work ?? true;
  const workerIds: string[] = [];
  let unregister = () => {};
  if (work) {
    const batchWorker = await boss.work<SummaryBatchRef>(SUMMARY_BATCH_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
      if (!job) return;
      try {
        await runBatch(ctx, job.data.tenantId, job.data.batchId);
      } catch (err) {
        opts.onError?.(err);
        throw err;
      }
    });
    workerIds.push(batchWorker);
    unregister = registerSummaryBatchWorker(ctx, boss, batchWorker);
  }
  const schedules = await startPeriodicJob(boss, {
    queue: SUMMARY_SCHEDULES_QUEUE,
    slotSeconds: 15 * 60,
    retryDelaySeconds: 60,
    pollingIntervalSeconds: 60,
    work,
    offers: opts.schedules !== false,
    onError: opts.onError,
    run: async () => opts.onSchedules?.(await runSchedules(ctx)),
  });
  if (schedules.workerId) workerIds.push(schedules.workerId);
  // Batches asked for while no server worked (or cut short by a stop before they started).
  if (work) for (const b of await queuedBatches(ctx.db)) await enqueueSummaryBatch(ctx, { tenantId: b.tenant_id, batchId: b.id });
  return {
    workerIds,
    stop() {
      schedules.stop();
      unregister();
    },
  };
}
