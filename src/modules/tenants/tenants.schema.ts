import { z } from 'zod';

export const tenantView = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  mfaRequiredStaff: z.boolean(),
  mfaRequiredClientAdmin: z.boolean(),
  createdAt: z.string(),
  version: z.number(),
});

export const tenantPatchBody = z.strictObject({
  name: z.string().trim().min(2, 'must be at least 2 characters').max(120, 'must be at most 120 characters').optional(),
  mfaRequiredStaff: z.boolean().optional(),
  mfaRequiredClientAdmin: z.boolean().optional(),
});
