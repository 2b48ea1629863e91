/**
 * The tenant's survey and risk settings: the CSAT scale, link lifetime and follow-up, the NPS
 * schedule, and the thresholds the at-risk rules read. Staff read; owners and admins change them
 * (If-Match optional; audited with the fields changed).
 */
import { isKnownTimeZone } from '../../domain/calendar/zone';
import type { Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { staleWrite } from '../../http/etag';
import { forbidden, invalid, notFound } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import * as policy from './surveys.policy';
import { presentSettings } from './surveys.presenter';
import * as repo from './surveys.repository';
import type { SettingsInput } from './surveys.schema';

export async function getSurveySettings(ctx: AppContext, actor: Actor) {
  if (!policy.canReadSettings(actor)) throw forbidden('Survey settings are for staff');
  const s = await repo.surveySettings(ctx.db, actor.tenantId);
  if (!s) throw notFound('Organisation');
  return presentSettings(s);
}

export async function updateSurveySettings(ctx: AppContext, actor: Actor, input: SettingsInput, expectedVersion: number | null) {
  if (!policy.canWriteSettings(actor)) throw forbidden('Only owners and admins change the survey settings');
  if (input.npsTimeZone !== undefined && !isKnownTimeZone(input.npsTimeZone)) throw invalid({ npsTimeZone: 'must be an IANA time zone, e.g. Europe/Berlin' });
  const patch: repo.SettingsPatch = {
    csat_scale: input.csatScale,
    csat_link_days: input.csatLinkDays,
    csat_follow_up: input.csatFollowUp,
    nps_enabled: input.npsEnabled,
    nps_month_of_quarter: input.npsMonthOfQuarter,
    nps_day_of_month: input.npsDayOfMonth,
    nps_time_zone: input.npsTimeZone,
    risk_window_days: input.risk?.windowDays,
    risk_csat_drop: input.risk?.csatDrop,
    risk_bad_streak: input.risk?.badStreak,
    risk_problem_days: input.risk?.problemDays,
  };
  // Kysely leaves undefined fields out of the update; the audit entry names the ones set.
  const changed = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (Object.keys(changed).length > 0) {
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await repo.updateSettings(trx, actor.tenantId, patch, expectedVersion))) throw staleWrite();
      await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.name, action: 'settings.satisfaction_changed', targetType: 'tenant', targetId: actor.tenantId, ip: actor.ip, details: changed });
    });
  }
  return getSurveySettings(ctx, actor);
}
