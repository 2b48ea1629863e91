import { z } from 'zod';
import { pageOf, pageQuery } from '../../http/pagination';

const name = z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters');
// The calendar engine validates the definition (calendarSchema) in the service, so problems are
// named the way docs/calendar.md names them: definition.week.mon[1], definition.holidays[0].to.
const definition = z.record(z.string(), z.unknown()).describe('A calendar definition as in docs/calendar.md: { timeZone, week, holidays?, holidaySets? }');

export const calendarBody = z.strictObject({ name, definition });
export const listCalendarsQuery = z.strictObject({ ...pageQuery, q: z.string().trim().max(200).optional() });

const isoInstant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 instant with an offset, e.g. 2026-03-02T09:00:00Z' });
export const previewQuery = z.strictObject({
  start: isoInstant.optional(),
  minutes: z.coerce.number().int('must be a whole number').min(0).max(525_600).optional(),
  days: z.coerce.number().int('must be a whole number').min(0).max(365).optional(),
});

export const holidaySetsQuery = z.strictObject({ country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'must be a two-letter country code').optional() });

export const calendarView = z.object({
  id: z.string(),
  name: z.string(),
  definition: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export const calendarPage = pageOf(calendarView);
export const previewView = z.object({ start: z.string(), due: z.string(), dueLocal: z.string(), timeZone: z.string(), openNow: z.boolean() });
export const holidaySetsView = z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), kind: z.enum(['country', 'state', 'region']) })) });

export type CalendarInput = z.infer<typeof calendarBody>;
export type PreviewInput = z.infer<typeof previewQuery>;
