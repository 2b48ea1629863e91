import { z } from 'zod';
import { pageOf, pageQuery } from '../../http/pagination';

export const listNotificationsQuery = z.object({
  ...pageQuery,
  unread: z.enum(['true', 'false'], { message: 'must be true or false' }).optional(),
});

export const notificationParams = z.object({ id: z.uuid({ message: 'must be a notification id' }) });

export const notificationView = z.object({
  id: z.string(),
  // clock_warning (50/75/90 %), clock_breach (100 %)
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  ticketId: z.string().nullable(),
  ticket: z.object({ id: z.string(), reference: z.string(), subject: z.string() }).nullable(),
  clock: z.enum(['first_response', 'resolution']).nullable(),
  percent: z.number().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const notificationPage = pageOf(notificationView);
export const unreadCountView = z.object({ count: z.number().int() });
export const readAllView = z.object({ updated: z.number().int() });
