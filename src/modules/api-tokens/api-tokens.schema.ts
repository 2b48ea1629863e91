import { z } from 'zod';
import { pageOf, pageQuery } from '../../http/pagination';

export const SCOPE_MODULES = ['clients', 'users', 'audit', 'tickets', 'contracts', 'journey', 'problems', 'surveys', 'communication'] as const;
export const KNOWN_SCOPES: readonly string[] = ['read', 'write', ...SCOPE_MODULES.flatMap((m) => [`${m}:read`, `${m}:write`])];

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  scopes: z
    .array(z.string().max(50))
    .min(1, 'must name at least one scope')
    .max(20)
    .refine((list) => list.every((s) => KNOWN_SCOPES.includes(s)), { message: `must each be one of ${KNOWN_SCOPES.join(', ')}` })
    .describe(`What the token may do: ${KNOWN_SCOPES.join(', ')}. 'write' implies 'read'.`),
});

export const listTokensQuery = z.object({ ...pageQuery });

export const tokenIdParams = z.object({ id: z.string() });

export const apiTokenView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const createdTokenView = apiTokenView.extend({ token: z.string() });

export const tokenPage = pageOf(apiTokenView);
