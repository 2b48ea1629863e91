import type PgBoss from 'pg-boss';
import type { AppContext } from '../http/context';
import { closeEndedMonths, type CloseResult } from '../modules/scorecards/scorecard-evaluation';
import { offerSlot, startPeriodicJob, type PeriodicJob } from './periodic-job';

/**
 * The period close on pg-boss: every 15 minutes one `scorecards-close` job evaluates, for every
 * activated contract, the last month ended in its zone that has no scorecard yet (revision 1,
 * draft). The schedule is pg-boss's throttle (see periodic-job.ts), so the cron timekeeper (and
 * its polling) is not needed. The close itself is idempotent anyway: the unique (contract,
 * month, revision) means two servers never write two revisions 1.
 */
export const SCORECARDS_CLOSE_QUEUE = 'scorecards-close';
const SLOT = { queue: SCORECARDS_CLOSE_QUEUE, slotSeconds: 15 * 60, retryDelaySeconds: 60 };

export type ScorecardCloseOptions = {
  /** Run this process's worker (default true); a process may only offer jobs. */
  work?: boolean;
  /** Close only these tenants' contracts (default: all). */
  tenantIds?: readonly string[];
  onResult?: (r: CloseResult) => void;
  onError?: (err: unknown) => void;
};

export type ScorecardClose = PeriodicJob;

/** Offers this slot's close job; null when another server (or an earlier offer) already did. */
export const offerScorecardClose = (boss: PgBoss): Promise<string | null> => offerSlot(boss, SLOT);

/** Starts the worker (unless `work: false`) and the quarter-hour offers; `stop` ends the offers. */
export function startScorecardClose(ctx: AppContext, boss: PgBoss, opts: ScorecardCloseOptions = {}): Promise<ScorecardClose> {
  return startPeriodicJob(boss, {
    ...SLOT,
    pollingIntervalSeconds: 60,
    work: opts.work,
    onError: opts.onError,
    run: async () => opts.onResult?.(await closeEndedMonths(ctx, { tenantIds: opts.tenantIds })),
  });
}
