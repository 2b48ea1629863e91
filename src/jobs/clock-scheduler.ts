import { createHash } from 'node:crypto';
import type PgBoss from 'pg-boss';
import type { ClockScheduler, TicketRef } from '../http/context';
import { CLOCK_THRESHOLD_QUEUE } from './boss';

/** What a clock-threshold job carries: which ticket, for which target generation, due when. */
export type ClockThresholdJobData = { tenantId: string; ticketId: string; generation: number; at: string };

/** tenant:ticket:generation:instant; the same timer scheduled twice is one job. */
export function thresholdJobKey(ticket: TicketRef, at: Date, generation: number): string {
  return `${ticket.tenantId}:${ticket.ticketId}:${generation}:${at.toISOString()}`;
}

/**
 * A job id derived from the key. pg-boss's `singletonKey` only deduplicates under some queue
 * policies and states; the job's primary key (queue, id) deduplicates always, so sending the same
 * timer again (every clock change reschedules, several processes may) inserts nothing.
 */
export function thresholdJobId(key: string): string {
  const h = createHash('sha256').update(`clock-threshold:${key}`).digest('hex');
  // Shaped as a version-5-style UUID (the hash is SHA-256, truncated).
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export type ThresholdTimer = { ticket: TicketRef; at: Date; generation: number };

/** `variant` makes a distinct job for the same timer (missed timers re-run even if the original job failed for good). */
export function thresholdJob(t: ThresholdTimer, variant?: string) {
  const key = thresholdJobKey(t.ticket, t.at, t.generation) + (variant ? `:${variant}` : '');
  const data: ClockThresholdJobData = { tenantId: t.ticket.tenantId, ticketId: t.ticket.ticketId, generation: t.generation, at: t.at.toISOString() };
  return { id: thresholdJobId(key), singletonKey: key, data };
}

// Timers this close are also armed in-process, so this process's worker fetches the job at its
// instant instead of at its next poll; further ones (and other processes) rely on polling.
const LOCAL_WAKE_HORIZON_MS = 15 * 60_000;
// pg-boss compares start_after with the database clock; fetch just after it.
const WAKE_MARGIN_MS = 15;

/**
 * `ctx.clockScheduler` on pg-boss: one job per (ticket, generation, threshold instant), starting
 * at that instant. Nothing is cancelled on a change: a job whose generation is no longer the
 * ticket's does nothing when it fires, and one whose instant the clock has moved past finds no
 * new crossing (see clock-threshold.worker.ts).
 */
export class BossClockScheduler implements ClockScheduler {
  private readonly workerIds = new Set<string>();
  private readonly wakeTimers = new Map<number, NodeJS.Timeout>();
  private closed = false;
  private waiting: Array<{ timer: ThresholdTimer; resolve: () => void; reject: (error: unknown) => void }> = [];
  private flushing = false;

  constructor(private readonly boss: PgBoss) {}

  /** A worker of this process on the clock-threshold queue, woken at the instants scheduled here. */
  attachWorker(workerId: string): void {
    this.workerIds.add(workerId);
  }

  /**
   * Resolves once the job is stored. Timers asked for while an insert is on its way go together in
   * the next one, so a burst of new tickets costs a few inserts, not one per ticket.
   */
  schedule(ticket: TicketRef, nextThresholdAt: Date | null, generation: number): Promise<void> {
    if (!nextThresholdAt || this.closed) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiting.push({ timer: { ticket, at: nextThresholdAt, generation }, resolve, reject });
      if (!this.flushing) void this.flushWaiting();
    });
  }

  private async flushWaiting(): Promise<void> {
    this.flushing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, 1000);
        try {
          await this.scheduleMany(batch.map((w) => w.timer));
          for (const w of batch) w.resolve();
        } catch (error) {
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** Many timers in one insert (missed timers at start, bulk changes). */
  async scheduleMany(timers: readonly ThresholdTimer[], options: { variant?: string } = {}): Promise<void> {
    if (timers.length === 0 || this.closed) return;
    if (timers.length === 1) {
      const t = timers[0]!;
      const job = thresholdJob(t, options.variant);
      await this.boss.send(CLOCK_THRESHOLD_QUEUE, job.data, { id: job.id, singletonKey: job.singletonKey, startAfter: t.at });
    } else {
      for (let i = 0; i < timers.length; i += 5000) {
        const slice = timers.slice(i, i + 5000).map((t) => {
          const job = thresholdJob(t, options.variant);
          // insert() takes startAfter as ISO text ending in Z, like send() does after its checks.
          return { id: job.id, name: CLOCK_THRESHOLD_QUEUE, data: job.data, singletonKey: job.singletonKey, startAfter: t.at.toISOString() };
        });
        await this.boss.insert(slice);
      }
    }
    for (const t of timers) this.wakeAt(t.at);
  }

  private wakeAt(at: Date): void {
    if (this.workerIds.size === 0) return;
    const instant = at.getTime();
    const delay = instant - Date.now();
    if (delay > LOCAL_WAKE_HORIZON_MS || this.wakeTimers.has(instant)) return;
    const timer = setTimeout(
      () => {
        this.wakeTimers.delete(instant);
        for (const id of this.workerIds) this.boss.notifyWorker(id);
      },
      Math.max(0, delay) + WAKE_MARGIN_MS,
    );
    timer.unref();
    this.wakeTimers.set(instant, timer);
  }

  close(): void {
    this.closed = true;
    for (const t of this.wakeTimers.values()) clearTimeout(t);
    this.wakeTimers.clear();
  }
}
