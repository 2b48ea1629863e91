import { sql } from 'kysely';
import type { Db } from '../../db/database';

/** A column of a bulk insert and the SQL type its array parameter is cast to. */
export type BulkColumn = { name: string; type: 'uuid' | 'text' | 'int' | 'bool' | 'timestamptz' | 'jsonb' | 'text[]' | 'numeric' };

/**
 * Inserts many rows in one statement: one array parameter per column, turned back into rows by
 * `unnest`. A few thousand rows cost one round trip and one parse, on PostgreSQL and PGlite
 * alike, and there is no limit on bind parameters to run into. Column names come from code.
 */
export async function bulkInsert(db: Db, table: string, columns: readonly BulkColumn[], rows: ReadonlyArray<readonly unknown[]>, onConflictDoNothing = false): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.map((_, i) => rows.map((r) => r[i] ?? null));
  // jsonb and text[] travel as text and are cast per row (unnest flattens arrays of arrays).
  const paramType = (t: BulkColumn['type']) => (t === 'jsonb' || t === 'text[]' ? 'text' : t);
  const unnestArgs = sql.join(columns.map((c, i) => sql`${arrays[i]}::${sql.raw(paramType(c.type))}[]`));
  const selectList = sql.join(columns.map((c) => (c.type === 'jsonb' || c.type === 'text[]' ? sql`${sql.ref(`u.${c.name}`)}::${sql.raw(c.type)}` : sql.ref(`u.${c.name}`))));
  const names = sql.join(columns.map((c) => sql.ref(c.name)));
  const conflict = onConflictDoNothing ? sql` on conflict do nothing` : sql``;
  await sql`insert into ${sql.table(table)} (${names}) select ${selectList} from unnest(${unnestArgs}) as u(${names})${conflict}`.execute(db);
}

/** A PostgreSQL array literal for a text[] column. */
export function textArrayLiteral(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
