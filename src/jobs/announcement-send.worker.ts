import type PgBoss from 'pg-boss';
import type { AppContext } from '../http/context';
import { sendDueAnnouncements, type DueResult } from '../modules/announcements/announcements.service';

/**
 * Scheduled announcements on pg-boss: every minute one `announcement-send` job sends those whose
 * time has come. Each server offers a job per one-minute slot and the queue keeps one; the send
 * itself locks each announcement and re-checks it is still scheduled, so two workers (or a
 * retry) never send it twice, and one missed while no server ran goes out at the next start.
 */
export const ANNOUNCEMENT_SEND_QUEUE = 'announcement-send';
const SLOT_SECONDS = 60;

export type AnnouncementSendOptions = {
  /** Run this process's worker (default true); a process may only offer jobs. */
  work?: boolean;
  /** Only these tenants (default: all). */
  tenantIds?: readonly string[];
  onResult?: (r: DueResult) => void;
  onError?: (err: unknown) => void;
};

export type AnnouncementSendHandle = { workerId: string | null; stop(): void };

async function ensureQueue(boss: PgBoss): Promise<void> {
  if (await boss.getQueue(ANNOUNCEMENT_SEND_QUEUE)) return;
  try {
    await boss.createQueue(ANNOUNCEMENT_SEND_QUEUE, { name: ANNOUNCEMENT_SEND_QUEUE, policy: 'standard', retryLimit: 2, retryDelay: 30, expireInSeconds: 15 * 60 });
  } catch (err) {
    // Another server created it at the same moment.
    if (!(await boss.getQueue(ANNOUNCEMENT_SEND_QUEUE))) throw err;
  }
}

/** Offers this minute's job; null when another server (or an earlier offer) already did. */
export async function offerAnnouncementSend(boss: PgBoss): Promise<string | null> {
  return boss.send(ANNOUNCEMENT_SEND_QUEUE, {}, { singletonKey: 'announcement-send', singletonSeconds: SLOT_SECONDS, retryLimit: 2, retryDelay: 30 });
}

export async function startAnnouncementSend(ctx: AppContext, boss: PgBoss, opts: AnnouncementSendOptions = {}): Promise<AnnouncementSendHandle> {
  await ensureQueue(boss);
  let workerId: string | null = null;
  if (opts.work ?? true) {
    workerId = await boss.work(ANNOUNCEMENT_SEND_QUEUE, { batchSize: 1, pollingIntervalSeconds: 30 }, async () => {
      try {
        opts.onResult?.(await sendDueAnnouncements(ctx, { tenantIds: opts.tenantIds, onError: opts.onError }));
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
      const id = await offerAnnouncementSend(boss);
      if (id && workerId) boss.notifyWorker(workerId);
    } catch (err) {
      opts.onError?.(err);
    }
  };
  const arm = () => {
    if (stopped) return;
    // A second past the next minute, so an announcement set for hh:mm goes out at hh:mm:01.
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
