import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { PriorityMatrixDocument } from '../../domain/pact/pact-documents';
import { defaultPriorityMatrix } from '../../domain/pact/priority-matrix';

export type MatrixRow = { matrix: PriorityMatrixDocument; updated_at: Date; version: number };

/** The tenant's matrix; tenants made before the pact existed get the default on first read. */
export async function findMatrix(db: Db, tenantId: string): Promise<MatrixRow> {
  const row = await db.selectFrom('priority_matrices').select(['matrix', 'updated_at', 'version']).where('tenant_id', '=', tenantId).executeTakeFirst();
  if (row) return row;
  await db
    .insertInto('priority_matrices')
    .values({ tenant_id: tenantId, matrix: JSON.stringify(defaultPriorityMatrix()) })
    .onConflict((oc) => oc.column('tenant_id').doNothing())
    .execute();
  return db.selectFrom('priority_matrices').select(['matrix', 'updated_at', 'version']).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
}

export async function updateMatrix(db: Db, tenantId: string, matrix: PriorityMatrixDocument, expectedVersion: number | null): Promise<MatrixRow | undefined> {
  let q = db
    .updateTable('priority_matrices')
    .set((eb) => ({ matrix: JSON.stringify(matrix), updated_at: sql`now()`, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId);
  if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
  return q.returning(['matrix', 'updated_at', 'version']).executeTakeFirst();
}
