import { sql } from 'kysely';
import type { Db } from '../../db/database';

/**
 * Which contracts still refer to a plan or a calendar, in a draft's terms or in any
 * amendment's terms. Signed terms are snapshots, so deleting what they name would leave a
 * contract pointing at nothing; the answer lists them so the caller can retire instead.
 */
export async function contractsUsingPlan(db: Db, tenantId: string, planId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('contracts as c')
    .select(['c.id', 'c.name'])
    .where('c.tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        eb(sql`c.draft_terms->'plan'->>'planId'`, '=', planId),
        eb.exists(
          eb
            .selectFrom('amendments as a')
            .select(sql`1`.as('one'))
            .whereRef('a.tenant_id', '=', 'c.tenant_id')
            .whereRef('a.contract_id', '=', 'c.id')
            .where(sql`a.terms->'plan'->>'planId'`, '=', planId),
        ),
      ]),
    )
    .orderBy('c.name')
    .execute();
}

const termsUseCalendar = (col: string, calendarId: string) =>
  sql<boolean>`(${sql.ref(col)}->>'calendarId' = ${calendarId} or exists (select 1 from jsonb_each(case when jsonb_typeof(${sql.ref(col)}->'plan'->'targets') = 'object' then ${sql.ref(col)}->'plan'->'targets' else '{}'::jsonb end) t where t.value->>'calendarId' = ${calendarId}))`;

export async function calendarUsage(db: Db, tenantId: string, calendarId: string): Promise<{ plans: string[]; contracts: string[] }> {
  const plans = await db
    .selectFrom('plans as p')
    .select('p.name')
    .where('p.tenant_id', '=', tenantId)
    .where(sql<boolean>`exists (select 1 from jsonb_each(p.terms->'targets') t where t.value->>'calendarId' = ${calendarId})`)
    .orderBy('p.name')
    .execute();
  const contracts = await db
    .selectFrom('contracts as c')
    .select('c.name')
    .where('c.tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        eb(termsUseCalendar('c.draft_terms', calendarId), '=', true),
        eb.exists(
          eb
            .selectFrom('amendments as a')
            .select(sql`1`.as('one'))
            .whereRef('a.tenant_id', '=', 'c.tenant_id')
            .whereRef('a.contract_id', '=', 'c.id')
            .where(termsUseCalendar('a.terms', calendarId), '=', true),
        ),
      ]),
    )
    .orderBy('c.name')
    .execute();
  return { plans: plans.map((p) => p.name), contracts: contracts.map((c) => c.name) };
}

/** "Acme 2026, Contoso and 3 more" */
export function nameList(names: string[], max = 3): string {
  const shown = names.slice(0, max).map((n) => `"${n}"`);
  if (names.length > max) return `${shown.join(', ')} and ${names.length - max} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');
