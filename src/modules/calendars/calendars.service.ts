import Holidays from 'date-holidays';
import type { Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { staleWrite } from '../../http/etag';
import { decodeCursor, toPage } from '../../http/pagination';
import { AppError, conflict, forbidden, invalid, notFound } from '../../errors';
import { BusinessCalendar, CalendarError, parseCalendarDefinition, type CalendarDefinition } from '../../domain/calendar';
import type { CalendarRow } from '../../db/schema';
import { appendAudit } from '../audit/audit.repository';
import { uniqueViolation } from '../clients/unique-violation';
import { canConfigure, canReadConfig } from '../pact-defaults/config-policy';
import { calendarUsage, nameList } from '../pact-defaults/config-usage';
import { nameCursor } from '../plans/plans.presenter';
import * as repo from './calendars.repository';
import type { CalendarInput, PreviewInput } from './calendars.schema';

const nameTaken = () => conflict('Another calendar already has this name', { name: 'is already used by another calendar' });
const mapUnique = (e: unknown): never => {
  if (uniqueViolation(e) === 'calendars_name_unique') throw nameTaken();
  throw e;
};
const denied = () => forbidden('Only owners and admins can change calendars');

export function presentCalendar(c: CalendarRow) {
  return { id: c.id, name: c.name, definition: c.definition as unknown as Record<string, unknown>, createdAt: c.created_at.toISOString(), updatedAt: c.updated_at.toISOString(), version: c.version };
}

/** The engine's own validation, with each problem under `definition.<path>`. */
function parseDefinition(raw: unknown): CalendarDefinition {
  try {
    const def = parseCalendarDefinition(raw);
    BusinessCalendar.from(def);
    return def;
  } catch (e) {
    if (e instanceof CalendarError) {
      const fields: Record<string, string> = {};
      for (const issue of e.issues) fields[issue.path ? `definition.${issue.path}` : 'definition'] ??= issue.message;
      throw invalid(fields, `The calendar is not valid: ${e.issues.map((i) => `${i.path ? `definition.${i.path}` : 'definition'}: ${i.message}`).join('; ')}`);
    }
    throw e;
  }
}

export async function listCalendars(ctx: AppContext, actor: Actor, input: { q?: string; limit: number; cursor?: string }) {
  if (!canReadConfig(actor)) throw forbidden();
  const rows = await repo.listCalendars(ctx.db, actor.tenantId, { q: input.q || undefined, limit: input.limit, after: decodeCursor(input.cursor) });
  return toPage(rows, input.limit, nameCursor, presentCalendar);
}

async function calendarRow(ctx: AppContext, actor: Actor, id: string) {
  if (!canReadConfig(actor)) throw forbidden();
  const row = await repo.findCalendar(ctx.db, actor.tenantId, id);
  if (!row) throw notFound('Calendar');
  return row;
}

export const getCalendar = async (ctx: AppContext, actor: Actor, id: string) => presentCalendar(await calendarRow(ctx, actor, id));

export async function createCalendar(ctx: AppContext, actor: Actor, input: CalendarInput) {
  if (!canConfigure(actor)) throw denied();
  const definition = parseDefinition(input.definition);
  if (await repo.calendarNameTaken(ctx.db, actor.tenantId, input.name)) throw nameTaken();
  const row = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const c = await repo.insertCalendar(trx, actor.tenantId, { name: input.name, definition });
      await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'calendar.created', targetType: 'calendar', targetId: c.id, ip: actor.ip, details: { name: c.name } });
      return c;
    })
    .catch(mapUnique);
  return presentCalendar(row);
}

export async function updateCalendar(ctx: AppContext, actor: Actor, id: string, input: CalendarInput, expectedVersion: number | null) {
  await calendarRow(ctx, actor, id);
  if (!canConfigure(actor)) throw denied();
  const definition = parseDefinition(input.definition);
  if (await repo.calendarNameTaken(ctx.db, actor.tenantId, input.name, id)) throw nameTaken();
  const row = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const c = await repo.updateCalendar(trx, actor.tenantId, id, { name: input.name, definition }, expectedVersion);
      if (!c) throw staleWrite();
      await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'calendar.updated', targetType: 'calendar', targetId: id, ip: actor.ip, details: { name: c.name } });
      return c;
    })
    .catch(mapUnique);
  return presentCalendar(row);
}

export async function deleteCalendar(ctx: AppContext, actor: Actor, id: string) {
  const existing = await calendarRow(ctx, actor, id);
  if (!canConfigure(actor)) throw denied();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.selectFrom('calendars').select('id').where('tenant_id', '=', actor.tenantId).where('id', '=', id).forUpdate().execute();
    const use = await calendarUsage(trx, actor.tenantId, id);
    if (use.plans.length || use.contracts.length) {
      const parts = [
        use.plans.length ? `${use.plans.length} plan${use.plans.length === 1 ? '' : 's'} (${nameList(use.plans)})` : '',
        use.contracts.length ? `${use.contracts.length} contract${use.contracts.length === 1 ? '' : 's'} (${nameList(use.contracts)})` : '',
      ].filter(Boolean);
      throw new AppError('conflict', `The calendar "${existing.name}" is used by ${parts.join(' and ')}; change them to another calendar first`);
    }
    await repo.deleteCalendar(trx, actor.tenantId, id);
    await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'calendar.deleted', targetType: 'calendar', targetId: id, ip: actor.ip, details: { name: existing.name } });
  });
}

/** "A ticket opened at `start` with this target is due at ..." */
export async function preview(ctx: AppContext, actor: Actor, id: string, input: PreviewInput) {
  const row = await calendarRow(ctx, actor, id);
  if ((input.minutes === undefined) === (input.days === undefined)) throw invalid({ minutes: 'give either minutes or days' });
  const cal = BusinessCalendar.from(row.definition);
  const now = ctx.now();
  const start = input.start ? new Date(input.start) : now;
  let due: Date;
  try {
    due = input.minutes !== undefined ? cal.addBusinessTime(start, input.minutes * 60) : cal.addBusinessDays(start, input.days!);
  } catch (e) {
    if (e instanceof RangeError) throw conflict(`The calendar "${row.name}" has no open time to count: ${e.message}`);
    throw e;
  }
  return { start: start.toISOString(), due: due.toISOString(), dueLocal: cal.formatLocal(due), timeZone: cal.timeZone, openNow: cal.isOpen(now) };
}

let holidays: Holidays | undefined;

/** Country, state and region codes date-holidays knows, as calendars' holidaySets name them. */
export function holidaySets(actor: Actor, country: string | undefined) {
  if (!canReadConfig(actor)) throw forbidden();
  holidays ??= new Holidays();
  const items: { code: string; name: string; kind: 'country' | 'state' | 'region' }[] = [];
  const countries = holidays.getCountries('en') ?? {};
  if (!country) {
    for (const [code, name] of Object.entries(countries)) items.push({ code, name, kind: 'country' });
  } else {
    if (!Object.hasOwn(countries, country)) throw invalid({ country: `'${country}' is not a country date-holidays knows` });
    items.push({ code: country, name: countries[country]!, kind: 'country' });
    for (const [state, stateName] of Object.entries(holidays.getStates(country, 'en') ?? {})) {
      items.push({ code: `${country}-${state}`, name: stateName, kind: 'state' });
      for (const [region, regionName] of Object.entries(holidays.getRegions(country, state, 'en') ?? {})) {
        items.push({ code: `${country}-${state}-${region}`, name: regionName, kind: 'region' });
      }
    }
  }
  if (country) items.sort((a, b) => (a.kind === 'country' ? -1 : b.kind === 'country' ? 1 : a.code.localeCompare(b.code)));
  else items.sort((a, b) => a.name.localeCompare(b.name));
  return { items };
}
