import { z } from 'zod';

export const tokenParams = z.object({ token: z.string().min(10, 'is not an invitation link').max(200) });

export const invitationInfo = z.object({
  email: z.string(),
  name: z.string(),
  role: z.string(),
  organisation: z.string(),
  clientName: z.string().nullable(),
  expired: z.boolean(),
});

export const acceptBody = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters'),
  password: z.string().max(256, 'must be at most 256 characters'),
});

export const acceptResult = z.object({ csrfToken: z.string() });

export type AcceptInput = z.infer<typeof acceptBody>;
