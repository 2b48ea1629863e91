import type PgBoss from 'pg-boss';
import type { AppContext } from '../http/context';
import { runNpsSchedule, type ScheduleResult } from '../modules/surveys/nps.service';
import { offerSlot, startPeriodicJob, type PeriodicJob } from './periodic-job';

/**
 * The NPS schedule on pg-boss, like the period close: every 15 minutes one `nps-schedule` job
 * starts, for each tenant with NPS on, the current quarter's round once its day has come in the
 * tenant's zone. The round's unique (tenant, quarter) means two workers never send a quarter
 * twice anyway.
 */
export const NPS_SCHEDULE_QUEUE = 'nps-schedule';
const SLOT = { queue: NPS_SCHEDULE_QUEUE, slotSeconds: 15 * 60, retryDelaySeconds: 60 };

export type NpsScheduleOptions = {
  /** Run this process's worker (default true); a process may only offer jobs. */
  work?: boolean;
  /** Only these tenants (default: all). */
  tenantIds?: readonly string[];
  onResult?: (r: ScheduleResult) => void;
  onError?: (err: unknown) => void;
};

export type NpsScheduleHandle = PeriodicJob;

/** Offers this slot's job; null when another server (or an earlier offer) already did. */
export const offerNpsSchedule = (boss: PgBoss): Promise<string | null> => offerSlot(boss, SLOT);

export function startNpsSchedule(ctx: AppContext, boss: PgBoss, opts: NpsScheduleOptions = {}): Promise<NpsScheduleHandle> {
  return startPeriodicJob(boss, {
    ...SLOT,
    pollingIntervalSeconds: 60,
    work: opts.work,
    onError: opts.onError,
    run: async () => opts.onResult?.(await runNpsSchedule(ctx, { tenantIds: opts.tenantIds })),
  });
}
