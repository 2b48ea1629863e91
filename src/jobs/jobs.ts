import type PgBoss from 'pg-boss';
import type { AppContext } from '../http/context';
import { startBoss, type BossOptions } from './boss';
import { BossClockScheduler } from './clock-scheduler';
import { enqueueMissedTimers, startThresholdWorker, type ThresholdWorkerOptions } from './clock-threshold.worker';
import { startScorecardClose, type ScorecardClose } from './scorecard-close.worker';
import { startAnnouncementSend, type AnnouncementSendHandle } from './announcement-send.worker';
import { startNpsSchedule, type NpsScheduleHandle } from './nps-schedule.worker';
import { startSummaryJobs, type SummaryJobs } from './summary-batch.worker';

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
  /** Send scheduled announcements when their time comes, checked every minute (default true). */
  announcements?: boolean;
  /** Start each tenant's quarterly NPS round on its day, checked every 15 minutes (default true). */
  npsSchedule?: boolean;
  /** Executive summaries: background batches, and scheduled deliveries checked every 15 minutes (default true). */
  summaries?: boolean;
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
  let announcements: AnnouncementSendHandle | null = null;
  let nps: NpsScheduleHandle | null = null;
  let summaries: SummaryJobs | null = null;
  try {
    if (options.work ?? true) workerId = await startThresholdWorker(ctx, handle.boss, scheduler, { onError: options.onError, ...options.worker });
    if (options.closePeriods ?? true) close = await startScorecardClose(ctx, handle.boss, { work: options.work ?? true, onError: options.onError });
    if (options.announcements ?? true) announcements = await startAnnouncementSend(ctx, handle.boss, { work: options.work ?? true, onError: options.onError });
    if (options.npsSchedule ?? true) nps = await startNpsSchedule(ctx, handle.boss, { work: options.work ?? true, onError: options.onError });
    if (options.summaries ?? true) summaries = await startSummaryJobs(ctx, handle.boss, { work: options.work ?? true, onError: options.onError });
    ctx.clockScheduler = scheduler;
    const missed = options.recoverMissed ?? true ? await enqueueMissedTimers(ctx, scheduler) : 0;
    return {
      boss: handle.boss,
      scheduler,
      workerId,
      missed,
      async stop(stopOptions) {
        close?.stop();
    announcements?.stop();
        announcements?.stop();
        nps?.stop();
        summaries?.stop();
        if (ctx.clockScheduler === scheduler) ctx.clockScheduler = undefined;
        scheduler.close();
        await handle.stop(stopOptions);
      },
    };
  } catch (err) {
    close?.stop();
    nps?.stop();
    summaries?.stop();
    scheduler.close();
    await handle.stop({ graceful: false });
    throw err;
  }
}
