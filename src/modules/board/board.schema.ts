import { z } from 'zod';

const statuses = ['new', 'assigned', 'in_progress', 'waiting_on_client', 'waiting_on_third_party', 'resolved', 'closed'] as const;
const id = z.uuid({ message: 'must be an id' });
const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1).max(20)]);

/**
 * The filters of `GET /tickets` (docs/api-tickets.md) that a saved view can hold: what the
 * board sends back as the list's query when the view is opened. Paging (limit, cursor) is not
 * part of a view.
 */
export const boardFilters = z.strictObject({
  status: oneOrMany(z.enum(statuses)).optional(),
  clientId: oneOrMany(id).optional(),
  assigneeId: oneOrMany(z.union([id, z.literal('none')])).optional(),
  priority: oneOrMany(z.string().trim().min(1).max(32)).optional(),
  planId: oneOrMany(id).optional(),
  risk: z.enum(['breached', 'at_risk']).optional(),
  q: z.string().trim().max(200).optional(),
  mine: z.boolean().optional(),
  sort: z.enum(['due', 'created', 'number']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
});

export const createBoardViewBody = z.strictObject({
  name: z.string().trim().min(1, 'must be 1 to 60 characters').max(60, 'must be 1 to 60 characters'),
  filters: boardFilters.default({}),
});

export const boardViewParams = z.object({ id: z.uuid({ message: 'must be an id' }) });

export const boardView = z.object({ id: z.string(), name: z.string(), filters: z.record(z.string(), z.unknown()), createdAt: z.string() });
export const boardViewList = z.object({ items: z.array(boardView) });

export type BoardFilters = z.infer<typeof boardFilters>;
export type CreateBoardViewInput = z.infer<typeof createBoardViewBody>;
