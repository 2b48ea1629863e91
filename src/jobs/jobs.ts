import type PgBoss from 'pg-boss';
import type { AppContext } from '../http/context';
import { startBoss, type BossOptions } from './boss';
import { BossClockScheduler } from './clock-scheduler';
import { enqueueMissedTimers, startThresholdWorker, type ThresholdWorkerOptions } from './clock-threshold.worker';
import { startScorecardClose, type ScorecardClose } from './scorecard-close.worker';

export type Jobs = {
  boss: PgBoss;
  scheduler: BossClockScheduler;
  workerId: string | null;
  /** Tickets whose threshold passed while no server ran, enqueued at start. */
  missed: number;
  stop(options?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
};

export type StartJobsOptions = {
  /** PostgreSQL URL for pg-boss's own pool; required when ctx.dbKind is 'postgres'. */
  databaseUrl?: string;
  /** Run this process's worker (default true); a process may only schedule. */
  work?: boolean;
  /** Enqueue timers missed while the server was down (default true). */
  recoverMissed?: boolean;
  worker?: ThresholdWorkerOptions;
  /** Run the period close (scorecards of ended months) every 15 minutes (default true). */
  closePeriods?: boolean;
  onError?: (err: unknown) => void;
};

/**
 * Starts pg-boss on the app's database, sets `ctx.clockScheduler`, starts the threshold worker
 * and enqueues missed timers. Stopping clears the scheduler and stops pg-boss gracefully (jobs in
 * hand finish); call it before closing the database.
 */
export async function startJobs(ctx: AppContext, options: StartJobsOptions = {}): Promise<Jobs> {
  let bossOptions: BossOptions;
  if (ctx.dbKind === 'postgres') {
    const url = options.databaseUrl ?? ctx.config.databaseUrl;
    if (!url) throw new Error('startJobs: a PostgreSQL URL is needed for pg-boss');
    bossOptions = { kind: 'postgres', url };
  } else {
    bossOptions = { kind: 'pglite', db: ctx.db };
  }
  const handle = await startBoss(bossOptions, { onError: options.onError });
  const scheduler = new BossClockScheduler(handle.boss);
  let workerId: string | null = null;
  let close: ScorecardClose | null = null;
  try {
    if (options.work ?? true) workerId = await startThresholdWorker(ctx, handle.boss, scheduler, { onError: options.onError, ...options.worker });
    if (options.closePeriods ?? true) close = await startScorecardClose(ctx, handle.boss, { work: options.work ?? true, onError: options.onError });
    ctx.clockScheduler = scheduler;
    const missed = options.recoverMissed ?? true ? await enqueueMissedTimers(ctx, scheduler) : 0;
    return {
      boss: handle.boss,
      scheduler,
      workerId,
      missed,
      async stop(stopOptions) {
        close?.stop();
        if (ctx.clockScheduler === scheduler) ctx.clockScheduler = undefined;
        scheduler.close();
        await handle.stop(stopOptions);
      },
    };
  } catch (err) {
    close?.stop();
    scheduler.close();
    await handle.stop({ graceful: false });
    throw err;
  }
}
