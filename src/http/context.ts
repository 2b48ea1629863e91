import type { Config } from '../config';
import type { Db } from '../db/database';

/**
 * What services need from the outside world, passed explicitly. `now` is the only clock:
 * tests replace it to move time.
 */
export type AppContext = {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  config: Config;
  now: () => Date;
  // One-time secret printed at first start; whoever holds it may create the first owner.
  setupToken: string | null;
  /**
   * Schedules the timer for a ticket's next clock threshold (null: none; cancel what was
   * scheduled). Called after the commit of every change that moved a clock, with the ticket's
   * target generation. Optional: without it no timers run (tests, CLI).
   */
  clockScheduler?: ClockScheduler;
};

export type TicketRef = { tenantId: string; ticketId: string };

export interface ClockScheduler {
  schedule(ticket: TicketRef, nextThresholdAt: Date | null, generation: number): Promise<void>;
}
