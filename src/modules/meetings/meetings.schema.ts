import { z } from 'zod';

const id = z.uuid({ message: 'must be an id' });
const instant = z.iso.datetime({ offset: true, message: 'must be an ISO date-time with offset, e.g. 2027-01-12T09:00:00Z' });

export const contractParams = z.object({ id });
/** `:start` is the occurrence's start as its cadence gives it (ISO instant): its identity, even once moved. */
export const meetingParams = z.object({ id, start: instant });
export const actionItemParams = z.object({ id, start: instant, itemId: id });

export const cadenceBody = z.strictObject({
  title: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  rrule: z.string().trim().min(1, 'is required, e.g. FREQ=MONTHLY;BYDAY=2TU').max(500, 'must be at most 500 characters'),
  firstStart: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'must be a local date and time, YYYY-MM-DDTHH:mm (e.g. 2027-01-12T10:00)'),
  timeZone: z.string().trim().min(1, 'is required, e.g. Europe/Berlin').max(100),
  durationMinutes: z.number({ message: 'must be a number of minutes' }).int('must be whole minutes').min(5, 'must be between 5 and 1440 minutes').max(1440, 'must be between 5 and 1440 minutes'),
  location: z.string().trim().max(500, 'must be at most 500 characters').default(''),
  /** E-mail participants the change: the earlier series cut short, and the invitation to the new one. */
  notify: z.boolean().default(false),
});

export const previewBody = z.strictObject({
  rrule: cadenceBody.shape.rrule,
  firstStart: cadenceBody.shape.firstStart,
  timeZone: cadenceBody.shape.timeZone,
  count: z.number().int().min(1).max(20).default(5),
});

export const participantsBody = z.strictObject({
  userIds: z.array(id).max(100, 'takes at most 100 people').default([]),
  contactIds: z.array(id).max(100, 'takes at most 100 people').default([]),
});

export const listQuery = z.strictObject({
  from: instant.optional(),
  to: instant.optional(),
});

export const meetingPatchBody = z.strictObject({
  startsAt: instant.optional(),
  status: z.enum(['scheduled', 'cancelled', 'held'], { message: "must be 'scheduled', 'cancelled' or 'held'" }).optional(),
  minutes: z.string().max(50_000, 'must be at most 50,000 characters').optional(),
});

const date = z.iso.date({ message: 'must be a date, YYYY-MM-DD' });
export const actionItemBody = z.strictObject({
  title: z.string().trim().min(1, 'is required').max(300, 'must be at most 300 characters'),
  ownerUserId: id.nullable().optional(),
  ownerContactId: id.nullable().optional(),
  dueOn: date.nullable().optional(),
});
export const actionItemPatchBody = z.strictObject({
  title: actionItemBody.shape.title.optional(),
  ownerUserId: id.nullable().optional(),
  ownerContactId: id.nullable().optional(),
  dueOn: date.nullable().optional(),
  done: z.boolean().optional(),
});

// ---------- views ----------

const person = z.object({ id: z.string(), name: z.string(), email: z.string() });

export const cadenceView = z.object({
  cadence: z
    .object({
      id: z.string(),
      title: z.string(),
      rrule: z.string(),
      firstStart: z.string(),
      timeZone: z.string(),
      durationMinutes: z.number(),
      location: z.string(),
      effectiveFrom: z.string(),
      nextStarts: z.array(z.string()),
    })
    .nullable(),
  suggestedTimeZone: z.string().nullable(),
});

export const previewView = z.object({ rrule: z.string(), starts: z.array(z.object({ startsAt: z.string(), local: z.string() })) });

export const participantsView = z.object({ users: z.array(person), contacts: z.array(person) });

export const occurrenceView = z.object({
  id: z.string().nullable(),
  cadenceId: z.string(),
  recurrenceStart: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  status: z.enum(['scheduled', 'cancelled', 'held']),
  moved: z.boolean(),
  title: z.string(),
  location: z.string(),
});
export const occurrenceList = z.object({ items: z.array(occurrenceView) });

const agendaView = z.object({
  builtAt: z.string(),
  scorecardPeriod: z.string().nullable(),
  sections: z.array(z.object({ kind: z.string(), title: z.string(), empty: z.string(), items: z.array(z.object({ text: z.string(), detail: z.string().optional(), ref: z.object({ kind: z.string(), id: z.string() }).optional() })) })),
});

export const actionItemView = z.object({
  id: z.string(),
  title: z.string(),
  owner: z.object({ kind: z.enum(['user', 'contact']), id: z.string(), name: z.string() }).nullable(),
  dueOn: z.string().nullable(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  ticket: z.object({ id: z.string(), reference: z.string() }).nullable(),
});

export const meetingView = occurrenceView.extend({
  contractId: z.string(),
  contractName: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  sequence: z.number(),
  agenda: agendaView.nullable(),
  minutes: z.string(),
  actionItems: z.array(actionItemView),
  version: z.number(),
});

export const invitationsView = z.object({ items: z.array(z.object({ name: z.string(), email: z.string(), outboxEmailId: z.string() })) });

export type CadenceInput = z.infer<typeof cadenceBody>;
export type PreviewInput = z.infer<typeof previewBody>;
export type ParticipantsInput = z.infer<typeof participantsBody>;
export type MeetingPatch = z.infer<typeof meetingPatchBody>;
export type ActionItemInput = z.infer<typeof actionItemBody>;
export type ActionItemPatch = z.infer<typeof actionItemPatchBody>;
