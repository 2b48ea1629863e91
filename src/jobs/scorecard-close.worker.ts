import type PgBoss from 'pg-boss';
import type { AppContext } from '../http/context';
import { closeEndedMonths, type CloseResult } from '../modules/scorecards/scorecard-evaluation';

/**
 * The period close on pg-boss: every 15 minutes one `scorecards-close` job evaluates, for every
 * activated contract, the last month ended in its zone that has no scorecard yet (revision 1,
 * draft). The schedule is pg-boss's throttle: each server offers a job at every quarter hour (and
 * at start), and the queue keeps one per 15-minute slot however many servers offer it, so the
 * cron timekeeper (and its polling) is not needed. The close itself is idempotent anyway: the
 * unique (contract, month, revision) means two servers never write two revisions 1.
 */
export const SCORECARDS_CLOSE_QUEUE = 'scorecards-close';
const SLOT_SECONDS = 15 * 60;

export type ScorecardCloseOptions = {
  /** Run this process's worker (default true); a process may only offer jobs. */
  work?: boolean;
  /** Close only these tenants' contracts (default: all). */
  tenantIds?: readonly string[];
  onResult?: (r: CloseResult) => void;
  onError?: (err: unknown) => void;
};

export type ScorecardClose = { workerId: string | null; stop(): void };

async function ensureQueue(boss: PgBoss): Promise<void> {
  if (await boss.getQueue(SCORECARDS_CLOSE_QUEUE)) return;
  try {
    await boss.createQueue(SCORECARDS_CLOSE_QUEUE, {
      name: SCORECARDS_CLOSE_QUEUE,
      policy: 'standard',
      // A failed close is retried; the next slot's job would catch up anyway.
      retryLimit: 2,
      retryDelay: 60,
      expireInSeconds: 30 * 60,
    });
  } catch (err) {
    // Another server created it at the same moment (pg-boss inserts the queue on conflict do nothing).
    if (!(await boss.getQueue(SCORECARDS_CLOSE_QUEUE))) throw err;
  }
}

/** Offers this slot's close job; null when another server (or an earlier offer) already did. */
export async function offerScorecardClose(boss: PgBoss): Promise<string | null> {
  return boss.send(SCORECARDS_CLOSE_QUEUE, {}, { singletonKey: 'period-close', singletonSeconds: SLOT_SECONDS, retryLimit: 2, retryDelay: 60 });
}

/** Starts the worker (unless `work: false`) and the quarter-hour offers; `stop` ends the offers. */
export async function startScorecardClose(ctx: AppContext, boss: PgBoss, opts: ScorecardCloseOptions = {}): Promise<ScorecardClose> {
  await ensureQueue(boss);
  let workerId: string | null = null;
  if (opts.work ?? true) {
    workerId = await boss.work(SCORECARDS_CLOSE_QUEUE, { batchSize: 1, pollingIntervalSeconds: 60 }, async () => {
      try {
        opts.onResult?.(await closeEndedMonths(ctx, { tenantIds: opts.tenantIds }));
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
      const id = await offerScorecardClose(boss);
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
