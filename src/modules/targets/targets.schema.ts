import { z } from 'zod';
import { targetSchema } from '../pact-defaults/pact-schemas';

const id = z.uuid({ message: 'must be an id' });

export const simulateBody = z.strictObject({
  clientId: id,
  catalogItemId: id.optional(),
  urgency: z.string().min(1, 'is required').max(32),
  impact: z.string().min(1, 'is required').max(32),
  // Optional: without it a remote- or onsite-only catalog item decides, else remote.
  deliveryMode: z.enum(['remote', 'onsite']).optional(),
  siteId: id.optional(),
  priorityOverride: z.string().min(1).max(32).optional(),
  at: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 instant with an offset' }).optional(),
});

const clockView = z.object({
  target: targetSchema,
  calendarId: z.string(),
  pausesStopClock: z.boolean(),
  thresholds: z.array(z.number()),
  explanation: z.array(z.string()),
});

export const simulateView = z.object({
  contractId: z.string(),
  termsVersion: z.number(),
  at: z.string(),
  priority: z.string(),
  deliveryMode: z.enum(['remote', 'onsite']),
  site: z.object({ id: z.string(), name: z.string(), travelMinutes: z.number() }).nullable(),
  firstResponse: clockView,
  resolution: clockView,
  explanation: z.array(z.string()),
});

export type SimulateInput = z.infer<typeof simulateBody>;
