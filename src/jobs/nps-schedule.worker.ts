import type PgBoss from 'pg-boss';
import type { AppContext } from '../http/context';
import { runNpsSchedule, type ScheduleResult } from '../modules/surveys/nps.service';

/**
 * The NPS schedule on pg-boss, like the period close: every 15 minutes one `nps-schedule` job
 * starts, for each tenant with NPS on, the current quarter's round once its day has come in the
 * tenant's zone. Each server offers a job per quarter-hour slot and the queue keeps one; the
 * round's unique (tenant, quarter) means two workers never send a quarter twice anyway.
 */
export const NPS_SCHEDULE_QUEUE = 'nps-schedule';
const SLOT_SECONDS = 15 * 60;

export type NpsScheduleOptions = {
  /** Run this process's worker (default true); a process may only offer jobs. */
  work?: boolean;
  /** Only these tenants (default: all). */
  tenantIds?: readonly string[];
  onResult?: (r: ScheduleResult) => void;
  onError?: (err: unknown) => void;
};

export type NpsScheduleHandle = { workerId: string | null; stop(): void };

async function ensureQueue(boss: PgBoss): Promise<void> {
  if (await boss.getQueue(NPS_SCHEDULE_QUEUE)) return;
  try {
    await boss.createQueue(NPS_SCHEDULE_QUEUE, { name: NPS_SCHEDULE_QUEUE, policy: 'standard', retryLimit: 2, retryDelay: 60, expireInSeconds: 30 * 60 });
  } catch (err) {
    // Another server created it at the same moment.
    if (!(await boss.getQueue(NPS_SCHEDULE_QUEUE))) throw err;
  }
}

/** Offers this slot's job; null when another server (or an earlier offer) already did. */
export async function offerNpsSchedule(boss: PgBoss): Promise<string | null> {
  return boss.send(NPS_SCHEDULE_QUEUE, {}, { singletonKey: 'nps-schedule', singletonSeconds: SLOT_SECONDS, retryLimit: 2, retryDelay: 60 });
}

export async function startNpsSchedule(ctx: AppContext, boss: PgBoss, opts: NpsScheduleOptions = {}): Promise<NpsScheduleHandle> {
  await ensureQueue(boss);
  let workerId: string | null = null;
  if (opts.work ?? true) {
    workerId = await boss.work(NPS_SCHEDULE_QUEUE, { batchSize: 1, pollingIntervalSeconds: 60 }, async () => {
      try {
        opts.onResult?.(await runNpsSchedule(ctx, { tenantIds: opts.tenantIds }));
      } catch (err) {
        opts.onError?.(err);
        throw err;
      }
    });
  }
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const offer = async () => {
    if (stopped) return;
    try {
      const id = await offerNpsSchedule(boss);
      if (id && workerId) boss.notifyWorker(workerId);
    } catch (err) {
      opts.onError?.(err);
    }
  };
  const arm = () => {
    if (stopped) return;
    // A second past the next quarter hour, so the offer lands in the new slot.
    const ms = SLOT_SECONDS * 1000 - (Date.now() % (SLOT_SECONDS * 1000)) + 1000;
    timer = setTimeout(() => {
      void offer().finally(arm);
    }, ms);
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
