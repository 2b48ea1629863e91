import type { ApiTokenRow } from './api-tokens.repository';

export function presentApiToken(t: ApiTokenRow) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.token_prefix,
    scopes: t.scopes,
    createdBy: { id: t.created_by, name: t.created_by_name },
    createdAt: t.created_at.toISOString(),
    lastUsedAt: t.last_used_at?.toISOString() ?? null,
    revokedAt: t.revoked_at?.toISOString() ?? null,
  };
}
