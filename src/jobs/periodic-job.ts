import type PgBoss from 'pg-boss';

/**
 * A job that runs once per time slot (every minute, every quarter hour) however many servers
 * share the database: each server offers the slot's job at the slot's start, pg-boss keeps one
 * offer per slot (a singleton key with the slot's length), and one worker runs it. A failed run
 * is retried; the next slot's job catches up anyway.
 */
export type PeriodicJobSpec = {
  queue: string;
  /** The slot length: one job per slot. */
  slotSeconds: number;
  retryDelaySeconds: number;
  /** How often an idle worker looks for the job (the offer also wakes this server's worker). */
  pollingIntervalSeconds: number;
  /** Run this server's worker (default true); a server may only offer. */
  work?: boolean;
  /** Offer the job at each slot (default true); a server may only work. */
  offers?: boolean;
  run: () => Promise<void>;
  onError?: (err: unknown) => void;
};

export type PeriodicJob = { workerId: string | null; stop(): void };

/** Creates the queue unless it exists (another server may create it at the same moment). */
async function ensureQueue(boss: PgBoss, spec: PeriodicJobSpec): Promise<void> {
  if (await boss.getQueue(spec.queue)) return;
  try {
    await boss.createQueue(spec.queue, { name: spec.queue, policy: 'standard', retryLimit: 2, retryDelay: spec.retryDelaySeconds, expireInSeconds: 30 * 60 });
  } catch (err) {
    if (!(await boss.getQueue(spec.queue))) throw err;
  }
}

/** Offers the current slot's job; null when another server (or an earlier offer) already did. */
export function offerSlot(boss: PgBoss, spec: Pick<PeriodicJobSpec, 'queue' | 'slotSeconds' | 'retryDelaySeconds'>): Promise<string | null> {
  return boss.send(spec.queue, {}, { singletonKey: spec.queue, singletonSeconds: spec.slotSeconds, retryLimit: 2, retryDelay: spec.retryDelaySeconds });
}

/** Starts the worker (unless `work: false`) and the offers at each slot's start; `stop` ends the offers. */
export async function startPeriodicJob(boss: PgBoss, spec: PeriodicJobSpec): Promise<PeriodicJob> {
  await ensureQueue(boss, spec);
  let workerId: string | null = null;
  if (spec.work ?? true) {
    workerId = await boss.work(spec.queue, { batchSize: 1, pollingIntervalSeconds: spec.pollingIntervalSeconds }, async () => {
      try {
        await spec.run();
      } catch (err) {
        spec.onError?.(err);
        throw err;
      }
    });
  }
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const offer = async () => {
    if (stopped || spec.offers === false) return;
    try {
      const id = await offerSlot(boss, spec);
      if (id && workerId) boss.notifyWorker(workerId);
    } catch (err) {
      spec.onError?.(err);
    }
  };
  const arm = () => {
    if (stopped) return;
    // A second past the next slot's start, so the offer lands in the new slot.
    const slotMs = spec.slotSeconds * 1000;
    timer = setTimeout(() => void offer().finally(arm), slotMs - (Date.now() % slotMs) + 1000);
    timer.unref();
  };
  await offer();
  arm();
  return {
    workerId,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
