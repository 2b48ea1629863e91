import { z } from 'zod';
import { pageOf, pageQuery } from '../../http/pagination';
import { PROBLEM_STATUSES } from '../../domain/satisfaction/satisfaction-types';

const id = z.uuid({ message: 'must be an id' });
const status = z.enum(PROBLEM_STATUSES, { message: `must be one of ${PROBLEM_STATUSES.join(', ')}` });
const title = z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters');
const longText = z.string().trim().max(20_000, 'must be at most 20000 characters');
const date = z.iso.date({ message: 'must be a date, YYYY-MM-DD' }).refine((d) => d >= '1900-01-01', 'must be in 1900 or later');
const money = z.strictObject({
  amountMinor: z.number({ message: 'must be a number' }).int('must be a whole number of minor units (cents)').min(0, 'must be 0 or more').max(1e13, 'is too large'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code, e.g. EUR'),
});

export const MAX_TICKETS_PER_REQUEST = 200;
export const MAX_MILESTONES = 50;

export const problemParams = z.object({ id });
export const problemTicketParams = z.object({ id, ticketId: id });
export const ticketParams = z.object({ id });

const STATUS_LIST = new RegExp(`^(${PROBLEM_STATUSES.join('|')})(,(${PROBLEM_STATUSES.join('|')}))*$`);

export const listProblemsQuery = z.strictObject({
  ...pageQuery,
  clientId: id.optional(),
  status: z
    .string()
    .regex(STATUS_LIST, `must be one or more of ${PROBLEM_STATUSES.join(', ')}, separated by commas`)
    .transform((s) => s.split(',') as Array<(typeof PROBLEM_STATUSES)[number]>)
    .optional(),
  q: z.string().trim().max(200).optional(),
});
export const suggestionsQuery = z.strictObject({ clientId: id.optional() });

const ticketIds = z.array(id).max(MAX_TICKETS_PER_REQUEST, `must have at most ${MAX_TICKETS_PER_REQUEST} tickets`);

export const createProblemBody = z.strictObject({
  clientId: id,
  title,
  description: longText.optional(),
  rootCause: longText.optional(),
  workaround: longText.optional(),
  plan: longText.optional(),
  estimatedCost: money.nullable().optional(),
  ticketIds: ticketIds.optional(),
});

export const updateProblemBody = z.strictObject({
  title: title.optional(),
  description: longText.optional(),
  rootCause: longText.optional(),
  workaround: longText.optional(),
  plan: longText.optional(),
  estimatedCost: money.nullable().optional(),
  status: status.optional().describe("'resolved' sets resolvedAt; leaving it clears it"),
});

export const linkTicketsBody = z.strictObject({ ticketIds: ticketIds.min(1, 'must name at least one ticket') });

export const milestonesBody = z.strictObject({
  milestones: z
    .array(z.strictObject({ id: id.optional().describe('an existing milestone of this problem, to keep it'), title, dueOn: date.nullable().optional(), doneOn: date.nullable().optional() }))
    .max(MAX_MILESTONES, `must have at most ${MAX_MILESTONES} milestones`),
});

export type ListProblemsInput = z.infer<typeof listProblemsQuery>;
export type CreateProblemInput = z.infer<typeof createProblemBody>;
export type UpdateProblemInput = z.infer<typeof updateProblemBody>;
export type MilestonesInput = z.infer<typeof milestonesBody>['milestones'];

// ---------- views ----------

const milestoneView = z.object({ id: z.string(), title: z.string(), dueOn: z.string().nullable(), doneOn: z.string().nullable() });
const ticketView = z.object({ id: z.string(), number: z.number(), reference: z.string(), subject: z.string(), status: z.string(), createdAt: z.string() });

export const problemListItem = z.object({
  id: z.string(),
  number: z.number(),
  reference: z.string(),
  client: z.object({ id: z.string(), name: z.string() }),
  title: z.string(),
  status,
  ticketCount: z.number(),
  openedAt: z.string(),
  resolvedAt: z.string().nullable(),
  nextMilestone: milestoneView.nullable(),
});
export const problemPage = pageOf(problemListItem);
export const problemItems = z.object({ items: z.array(problemListItem) });

export const problemView = problemListItem.extend({
  description: z.string(),
  rootCause: z.string(),
  workaround: z.string(),
  plan: z.string(),
  estimatedCost: z.object({ amountMinor: z.number(), currency: z.string() }).nullable(),
  tickets: z.array(ticketView),
  milestones: z.array(milestoneView),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const suggestionList = z.array(
  z.object({
    clientId: z.string(),
    client: z.object({ id: z.string(), name: z.string() }),
    catalogItem: z.object({ id: z.string(), name: z.string() }),
    site: z.object({ id: z.string(), name: z.string() }).nullable(),
    tickets: z.array(ticketView),
  }),
);
