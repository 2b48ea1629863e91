import { z } from 'zod';
import { invalid } from '../errors';

/** Query fields every list accepts. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1, 'must be between 1 and 100').max(100, 'must be between 1 and 100').default(25),
  cursor: z.string().max(500).optional(),
};

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/**
 * A cursor is the sort key and id of the last row of a page, opaque to callers. Keyset paging
 * stays correct while rows are added, and costs the same on page 1 and page 1000.
 */
export type Cursor = { k: string | number | null; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.k, c.id])).toString('base64url');
}

export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[1] === 'string' && (v[0] === null || ['string', 'number'].includes(typeof v[0]))) {
      return { k: v[0] as string | number | null, id: v[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw invalid({ cursor: 'is not a cursor this server issued' });
}

/** Repositories fetch limit + 1 rows; this trims the extra one and builds the next cursor. */
export function toPage<R, V>(rows: R[], limit: number, key: (r: R) => Cursor, present: (r: R) => V): { items: V[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { items: pageRows.map(present), nextCursor: more && last ? encodeCursor(key(last)) : null };
}
