import type PgBoss from 'pg-boss';
import type { AppContext } from '../http/context';
import { startBoss, type BossOptions } from './boss';
import { BossClockScheduler } from './clock-scheduler';
import { enqueueMissedTimers, startThresholdWorker, type ThresholdWorkerOptions } from './clock-threshold.worker';

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
  try {
    if (options.work ?? true) workerId = await startThresholdWorker(ctx, handle.boss, scheduler, { onError: options.onError, ...options.worker });
    ctx.clockScheduler = scheduler;
    const missed = options.recoverMissed ?? true ? await enqueueMissedTimers(ctx, scheduler) : 0;
    return {
      boss: handle.boss,
      scheduler,
      workerId,
      missed,
      async stop(stopOptions) {
        if (ctx.clockScheduler === scheduler) ctx.clockScheduler = undefined;
        scheduler.close();
        await handle.stop(stopOptions);
      },
    };
  } catch (err) {
    scheduler.close();
    await handle.stop({ graceful: false });
    throw err;
  }
}
