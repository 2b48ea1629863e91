import { type Kysely, sql } from 'kysely';

// The dispatcher board: the first page of open tickets by due instant, filtered by a client or a
// priority. With 100,000 open tickets in a tenant, the tenant-wide board index leaves thousands
// of rows to fetch and sort per request; these serve each filter in due order, so a page reads
// about 50 index entries (with the list ordered by next_due_at itself, not an expression of it).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index tickets_board_client on tickets (tenant_id, client_id, next_due_at, id) where status not in ('resolved', 'closed');
    create index tickets_board_priority on tickets (tenant_id, priority, next_due_at, id) where status not in ('resolved', 'closed');
  `.execute(db);
}
