import { z } from 'zod';

export const email = z.email({ message: 'must be a valid e-mail address' }).max(254).transform((s) => s.trim().toLowerCase());

export const signInBody = z.strictObject({
  email: z.string().trim().min(1, 'is required').max(254),
  password: z.string().min(1, 'is required').max(1024),
});

export const mfaBody = z.strictObject({
  code: z.string().trim().min(6, 'is required').max(20),
});

export const userView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  clientId: z.string().nullable(),
  status: z.string(),
  mfaEnabled: z.boolean(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});

export const sessionView = z.object({
  user: userView.nullable(),
  tenant: z.object({ id: z.string(), name: z.string() }).nullable(),
  csrfToken: z.string().nullable(),
  mfaPending: z.boolean(),
  mfaEnrolmentRequired: z.boolean(),
  setupRequired: z.boolean(),
});

export const signInResult = z.object({ mfaRequired: z.boolean(), csrfToken: z.string() });
