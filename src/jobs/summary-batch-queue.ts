import type PgBoss from 'pg-boss';
import type { AppContext } from '../http/context';

/** The queue a `POST /summary-batches` hands its batch to (the worker is in summary-batch.worker.ts). */
export const SUMMARY_BATCH_QUEUE = 'summary-batch';

export type SummaryBatchRef = { tenantId: string; batchId: string };

/** The job system (and this process's batch worker) of each context that started it. */
const registered = new WeakMap<AppContext, { boss: PgBoss; workerId: string }>();

export function registerSummaryBatchWorker(ctx: AppContext, boss: PgBoss, workerId: string): () => void {
  registered.set(ctx, { boss, workerId });
  return () => {
    if (registered.get(ctx)?.boss === boss) registered.delete(ctx);
  };
}

/** Hands the batch to the job system; false when this process runs none (the caller runs it itself). */
export async function enqueueSummaryBatch(ctx: AppContext, ref: SummaryBatchRef): Promise<boolean> {
  const r = registered.get(ctx);
  if (!r) return false;
  await r.boss.send(SUMMARY_BATCH_QUEUE, ref, { singletonKey: ref.batchId, retryLimit: 0, expireInSeconds: 3 * 3600 });
  // Start now rather than at the next poll: the person who asked is watching the progress bar.
  r.boss.notifyWorker(r.workerId);
  return true;
}
