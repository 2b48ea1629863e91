import type { Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { staleWrite } from '../../http/etag';
import { forbidden, invalid } from '../../errors';
import type { PriorityMatrixDocument } from '../../domain/pact/pact-documents';
import { lookupPriority, validatePriorityMatrix } from '../../domain/pact/priority-matrix';
import { appendAudit } from '../audit/audit.repository';
import { canConfigure, canReadConfig } from '../pact-defaults/config-policy';
import * as repo from './priority-matrix.repository';

const present = (r: repo.MatrixRow) => ({ ...r.matrix, updatedAt: r.updated_at.toISOString(), version: r.version });

export async function getMatrix(ctx: AppContext, actor: Actor) {
  // Rule 7: client users see how their tickets are prioritised.
  if (!canReadConfig(actor, { clients: true })) throw forbidden();
  return present(await repo.findMatrix(ctx.db, actor.tenantId));
}

export async function putMatrix(ctx: AppContext, actor: Actor, matrix: PriorityMatrixDocument, expectedVersion: number | null) {
  if (!canConfigure(actor)) throw forbidden('Only owners and admins can change the priority matrix');
  const problems = validatePriorityMatrix(matrix);
  if (Object.keys(problems).length) throw invalid(problems, `The priority matrix is not valid: ${Object.entries(problems)[0]!.join(' ')}`);
  await repo.findMatrix(ctx.db, actor.tenantId);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.updateMatrix(trx, actor.tenantId, matrix, expectedVersion);
    if (!updated) throw staleWrite();
    await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'priority_matrix.updated', targetType: 'priority_matrix', targetId: actor.tenantId, ip: actor.ip, details: { priorities: matrix.priorities.map((p) => p.key) } });
    return updated;
  });
  return present(row);
}

export async function lookup(ctx: AppContext, actor: Actor, input: { urgency: string; impact: string }) {
  if (!canReadConfig(actor)) throw forbidden();
  const { matrix } = await repo.findMatrix(ctx.db, actor.tenantId);
  const fields: Record<string, string> = {};
  if (!matrix.urgencies.some((u) => u.key === input.urgency)) fields.urgency = `must be one of ${matrix.urgencies.map((u) => u.key).join(', ')}`;
  if (!matrix.impacts.some((i) => i.key === input.impact)) fields.impact = `must be one of ${matrix.impacts.map((i) => i.key).join(', ')}`;
  if (Object.keys(fields).length) throw invalid(fields);
  const priority = lookupPriority(matrix, input.urgency, input.impact)!;
  const p = matrix.priorities.find((x) => x.key === priority)!;
  return { priority, name: p.name, colour: p.colour };
}
