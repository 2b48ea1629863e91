import { z } from 'zod';
import { pageOf, pageQuery } from '../../http/pagination';

export const auditQuery = z.object({
  ...pageQuery,
  action: z.string().trim().min(1).max(100).optional(),
  actorUserId: z.uuid({ message: 'must be a user id' }).optional(),
});

export const auditEntryView = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string().nullable(), label: z.string() }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string().nullable() }).nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const auditPage = pageOf(auditEntryView);
