import { type Kysely, sql } from 'kysely';

// Timers rewrite a ticket's clock columns at every threshold (four times per clock). When no
// indexed column changes and the page has room, PostgreSQL updates the row in place (a HOT
// update) instead of adding an entry to each of the table's ten indexes. next_threshold_at was
// indexed only for the scan of missed timers at start, which reads few rows and may read the
// table; leaving 15 % of each page free gives the in-place updates their room.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index tickets_next_threshold;
    alter table tickets set (fillfactor = 85);
  `.execute(db);
}
