import { z } from 'zod';
import { userView } from '../auth/auth.schema';

export const meView = userView;

export const passwordBody = z.strictObject({
  currentPassword: z.string().min(1, 'is required').max(1024),
  newPassword: z.string().min(1, 'is required').max(1024),
});

export const codeBody = z.strictObject({
  code: z.string().trim().min(6, 'is required').max(20),
});

export const disableBody = z.strictObject({
  password: z.string().min(1, 'is required').max(1024),
});

export const enrolmentView = z.object({ secret: z.string(), otpauthUri: z.string(), qrDataUrl: z.string() });

export const recoveryCodesView = z.object({ recoveryCodes: z.array(z.string()) });
