import { z } from 'zod';
import { pageOf, pageQuery } from '../../http/pagination';
import { email, userView } from '../auth/auth.schema';

export const ROLES = ['owner', 'admin', 'dispatcher', 'technician', 'account_manager', 'client_admin', 'client_user'] as const;
const role = z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` });

export const listUsersQuery = z.object({
  ...pageQuery,
  kind: z.enum(['staff', 'client'], { message: 'must be staff or client' }).optional(),
  clientId: z.string().max(100).optional(),
  role: role.optional(),
  q: z.string().trim().max(100).optional(),
});

export const userIdParams = z.object({ id: z.string() });

export const adminUserView = userView.extend({ version: z.number() });
export const userPage = pageOf(adminUserView);

export const patchUserBody = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters').optional(),
  role: role.optional(),
  status: z.enum(['active', 'disabled'], { message: 'must be active or disabled' }).optional(),
});

export const inviteUserBody = z.strictObject({
  email,
  name: z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters'),
  role,
  clientId: z.string().max(100).optional(),
});

export const invitedView = z.object({
  invitation: z.object({ id: z.string(), email: z.string(), role: z.string(), expiresAt: z.string() }),
  inviteUrl: z.string(),
});

export const signedOutView = z.object({ revokedSessions: z.number() });
