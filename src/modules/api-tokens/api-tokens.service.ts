import type { Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { decodeCursor, toPage } from '../../http/pagination';
import { forbidden, invalid, notFound } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { hashToken, randomToken } from '../auth/secrets';
import { can, type ApiTokenAction } from './api-tokens.policy';
import { presentApiToken } from './api-tokens.presenter';
import * as repo from './api-tokens.repository';

export const TOKEN_PREFIX = 'spt_';

function authorise(actor: Actor, action: ApiTokenAction): void {
  if (!can(actor, action)) throw forbidden(actor.via === 'token' && action === 'apiTokens.create' ? 'An API token cannot create API tokens' : undefined);
}

export async function listApiTokens(ctx: AppContext, actor: Actor, input: { limit: number; cursor?: string }) {
  authorise(actor, 'apiTokens.list');
  const c = decodeCursor(input.cursor);
  if (c && typeof c.k !== 'string') throw invalid({ cursor: 'is not a cursor this server issued' });
  const rows = await repo.listApiTokens(ctx.db, actor.tenantId, input.limit, c ? { createdKey: c.k as string, id: c.id } : undefined);
  return toPage(rows, input.limit, (r) => ({ k: r.created_key, id: r.id }), presentApiToken);
}

export async function createApiToken(ctx: AppContext, actor: Actor, input: { name: string; scopes: string[] }) {
  authorise(actor, 'apiTokens.create');
  const secret = randomToken();
  const token = `${TOKEN_PREFIX}${secret}`;
  const scopes = [...new Set(input.scopes)];
  const row = await repo.insertApiToken(ctx.db, actor.tenantId, {
    name: input.name,
    // The authentication hook hashes everything after "Bearer ", prefix included.
    tokenHash: hashToken(token),
    tokenPrefix: secret.slice(0, 8),
    scopes,
    createdBy: actor.userId,
    at: ctx.now(),
  });
  await appendAudit(ctx.db, {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    actorLabel: actor.email,
    action: 'api_token.created',
    targetType: 'api_token',
    targetId: row.id,
    ip: actor.ip,
    details: { name: row.name, scopes },
  });
  return { ...presentApiToken(row), token };
}

export async function revokeApiToken(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  authorise(actor, 'apiTokens.revoke');
  const r = await repo.revokeApiToken(ctx.db, actor.tenantId, id, ctx.now());
  if (!r) throw notFound('API token');
  if (r.alreadyRevoked) return;
  await appendAudit(ctx.db, {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    actorLabel: actor.email,
    action: 'api_token.revoked',
    targetType: 'api_token',
    targetId: r.id,
    ip: actor.ip,
    details: { name: r.name },
  });
}
