import type PgBoss from 'pg-boss';
import type { AppContext } from '../http/context';
import { sendDueAnnouncements, type DueResult } from '../modules/announcements/announcements.service';
import { offerSlot, startPeriodicJob, type PeriodicJob } from './periodic-job';

/**
 * Scheduled announcements on pg-boss: every minute one `announcement-send` job sends those whose
 * time has come (offered a second past the minute, so one set for hh:mm goes out at hh:mm:01).
 * The send itself locks each announcement and re-checks it is still scheduled, so two workers
 * (or a retry) never send it twice, and one missed while no server ran goes out at the next start.
 */
export const ANNOUNCEMENT_SEND_QUEUE = 'announcement-send';
const SLOT = { queue: ANNOUNCEMENT_SEND_QUEUE, slotSeconds: 60, retryDelaySeconds: 30 };

export type AnnouncementSendOptions = {
  /** Run this process's worker (default true); a process may only offer jobs. */
  work?: boolean;
  /** Only these tenants (default: all). */
  tenantIds?: readonly string[];
  onResult?: (r: DueResult) => void;
  onError?: (err: unknown) => void;
};

export type AnnouncementSendHandle = PeriodicJob;

/** Offers this minute's job; null when another server (or an earlier offer) already did. */
export const offerAnnouncementSend = (boss: PgBoss): Promise<string | null> => offerSlot(boss, SLOT);

export function startAnnouncementSend(ctx: AppContext, boss: PgBoss, opts: AnnouncementSendOptions = {}): Promise<AnnouncementSendHandle> {
  return startPeriodicJob(boss, {
    ...SLOT,
    pollingIntervalSeconds: 30,
    work: opts.work,
    onError: opts.onError,
    run: async () => opts.onResult?.(await sendDueAnnouncements(ctx, { tenantIds: opts.tenantIds, onError: opts.onError })),
  });
}
