import type { Db } from '../../db/database';
import type { CalendarDefinition } from '../../domain/calendar';
import type { Turnaround } from '../../domain/pact/pact-types';
import { defaultPlans, premiumResponseRider } from '../../domain/pact/plan-rules';
import { defaultPriorityMatrix } from '../../domain/pact/priority-matrix';
import { starterCatalog } from '../../domain/pact/starter-catalog';

export const DEFAULT_TIME_ZONE = 'Europe/London';

export function businessHoursDefinition(timeZone = DEFAULT_TIME_ZONE): CalendarDefinition {
  const day: [string, string][] = [['08:00', '18:00']];
  return { timeZone, week: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] }, holidays: [], holidaySets: [] };
}

export function allHoursDefinition(timeZone = DEFAULT_TIME_ZONE): CalendarDefinition {
  const day: [string, string][] = [['00:00', '24:00']];
  return { timeZone, week: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }, holidays: [], holidaySets: [] };
}

/**
 * A new tenant's starting pact: the 4x4 matrix, "Business hours" and "24x7" calendars, Silver,
 * Gold and Platinum, Premium Response, and the starter catalog. Runs inside the tenant's
 * creation transaction; one insert per table, since tests create many tenants.
 */
export async function seedPactDefaults(trx: Db, tenantId: string, timeZone = DEFAULT_TIME_ZONE): Promise<void> {
  await trx.insertInto('priority_matrices').values({ tenant_id: tenantId, matrix: JSON.stringify(defaultPriorityMatrix()) }).execute();
  const calendars = await trx
    .insertInto('calendars')
    .values([
      { tenant_id: tenantId, name: 'Business hours', definition: JSON.stringify(businessHoursDefinition(timeZone)) },
      { tenant_id: tenantId, name: '24x7', definition: JSON.stringify(allHoursDefinition(timeZone)) },
    ])
    .returning(['id', 'name'])
    .execute();
  const calendarId = (name: string) => calendars.find((c) => c.name === name)!.id;
  const plans = defaultPlans({ businessHours: calendarId('Business hours'), allHours: calendarId('24x7') });
  const planRows = await trx
    .insertInto('plans')
    .values(plans.map((p) => ({ tenant_id: tenantId, name: p.name, description: p.description, terms: JSON.stringify(p.terms) })))
    .returning(['id', 'name'])
    .execute();
  const planIds = new Map(planRows.map((p) => [p.name, p.id]));
  const rider = premiumResponseRider();
  await trx
    .insertInto('riders')
    .values({
      tenant_id: tenantId,
      name: rider.name,
      description: rider.description,
      effect: JSON.stringify(rider.effect),
      price_minor: rider.price.amountMinor,
      currency: rider.price.currency,
      price_basis: rider.price.basis,
    })
    .execute();
  await trx
    .insertInto('catalog_items')
    .values(
      starterCatalog().map((item) => {
        const turnarounds: Record<string, Turnaround> = {};
        for (const [planName, t] of Object.entries(item.turnarounds ?? {})) {
          const id = planIds.get(planName);
          if (id && t) turnarounds[id] = t;
        }
        return {
          tenant_id: tenantId,
          category: item.category,
          name: item.name,
          description: item.description,
          default_urgency: item.defaultUrgency,
          default_impact: item.defaultImpact,
          delivery_mode: item.deliveryMode,
          complexity: item.complexity,
          expected_effort_minutes: item.expectedEffortMinutes,
          turnarounds: JSON.stringify(turnarounds),
        };
      }),
    )
    .execute();
}
