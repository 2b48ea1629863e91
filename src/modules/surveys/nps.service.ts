/**
 * Quarterly NPS rounds: one per tenant and quarter, sent by the schedule on its day or earlier by
 * an owner, admin or account manager. Recipients are the contacts (with an e-mail address) of
 * active clients with a contract in force, one survey per address per quarter; each gets the
 * question with eleven one-click links that last until the quarter ends.
 */
import { npsRoundExpiresAt, npsRoundToStart, quarterKeyAt } from '../../domain/satisfaction/nps-schedule';
import { signSurveyToken } from '../../domain/satisfaction/survey-token';
import type { Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { decodeCursor, toPage } from '../../http/pagination';
import { AppError, forbidden, invalid, notFound } from '../../errors';
import { enqueueEmail } from '../../mail/outbox';
import { appendAudit } from '../audit/audit.repository';
import * as policy from './surveys.policy';
import { answeredCursor, presentNpsResponse, presentRound } from './surveys.presenter';
import * as repo from './surveys.repository';
import { npsLinks, npsMail } from './survey-mail';

type Starter = { userId: string; label: string; ip: string | null } | null;

/**
 * Sends the quarter's round unless it was sent: the round's unique (tenant, quarter) decides
 * between two starters (two servers, a click and the schedule). Null when it existed already.
 */
export async function startRound(ctx: AppContext, tenantId: string, quarterKey: string, startedBy: Starter): Promise<{ id: string; recipients: number } | null> {
  const settings = await repo.surveySettings(ctx.db, tenantId);
  if (!settings) throw notFound('Organisation');
  const now = ctx.now();
  const expiresAt = npsRoundExpiresAt(quarterKey, settings.nps_time_zone);
  return ctx.db.transaction().execute(async (trx) => {
    const round = await repo.insertRound(trx, { tenantId, quarterKey, startedAt: now, startedBy: startedBy?.userId ?? null, expiresAt });
    if (!round) return null;
    const recipients = await repo.npsRecipients(trx, tenantId, quarterKey, now);
    const written = await repo.insertNpsSurveys(
      trx,
      recipients.map((r) => ({ tenantId, roundId: round.id, quarterKey, clientId: r.client_id, contactId: r.contact_id, email: r.email, sentAt: now, expiresAt })),
    );
    const clientNames = new Map(recipients.map((r) => [r.client_id, r.client_name]));
    for (const s of written) {
      const token = signSurveyToken({ kind: 'nps', tenantId, surveyId: s.id, expiresAt }, settings.survey_key);
      const mail = npsMail({ organisation: settings.name, clientName: clientNames.get(s.client_id) ?? '', links: npsLinks(ctx.config.publicUrl, token), expiresAt });
      await enqueueEmail(trx, { tenantId, to: s.email, subject: mail.subject, text: mail.text, html: mail.html, kind: 'nps_survey' });
    }
    await repo.setRecipientCount(trx, tenantId, round.id, written.length);
    await appendAudit(trx, {
      tenantId,
      actorUserId: startedBy?.userId ?? null,
      actorLabel: startedBy?.label ?? 'NPS schedule',
      action: 'nps.round_started',
      targetType: 'nps_round',
      targetId: round.id,
      ip: startedBy?.ip ?? null,
      details: { quarter: quarterKey, recipients: written.length },
    });
    return { id: round.id, recipients: written.length };
  });
}

async function roundView(ctx: AppContext, tenantId: string, quarterKey: string) {
  const [row] = await repo.listRounds(ctx.db, tenantId, quarterKey);
  if (!row) throw notFound('NPS round');
  return presentRound(row);
}

/** An early start by a person: only the current quarter (in the schedule's zone), once. */
export async function startRoundNow(ctx: AppContext, actor: Actor, quarterKey: string) {
  if (!policy.canStartNps(actor)) throw forbidden('Only owners, admins and account managers send an NPS round');
  const settings = await repo.surveySettings(ctx.db, actor.tenantId);
  if (!settings) throw notFound('Organisation');
  const current = quarterKeyAt(ctx.now(), settings.nps_time_zone);
  if (quarterKey !== current) throw invalid({ quarter: `must be the current quarter, ${current}` });
  const started = await startRound(ctx, actor.tenantId, quarterKey, { userId: actor.userId, label: actor.name, ip: actor.ip });
  if (!started) throw new AppError('nps_round_exists', `The NPS round of ${quarterKey} was sent already`, { quarter: 'has been sent already' });
  return roundView(ctx, actor.tenantId, quarterKey);
}

export async function listRounds(ctx: AppContext, actor: Actor) {
  if (!policy.canReadNps(actor)) throw forbidden('NPS rounds are for staff');
  return { items: (await repo.listRounds(ctx.db, actor.tenantId)).map(presentRound) };
}

export async function listRoundResponses(ctx: AppContext, actor: Actor, roundId: string, input: { limit: number; cursor?: string }) {
  if (!policy.canReadNps(actor)) throw forbidden('NPS answers are for staff');
  if (!(await repo.roundExists(ctx.db, actor.tenantId, roundId))) throw notFound('NPS round');
  const rows = await repo.listRoundResponses(ctx.db, actor.tenantId, roundId, input.limit, decodeCursor(input.cursor));
  return toPage(rows, input.limit, answeredCursor, presentNpsResponse);
}

export type ScheduleResult = { started: Array<{ tenantId: string; quarter: string; recipients: number }> };

/** The schedule's pass: every tenant with NPS on whose round is due and not sent. */
export async function runNpsSchedule(ctx: AppContext, opts: { tenantIds?: readonly string[] } = {}): Promise<ScheduleResult> {
  const now = ctx.now();
  const started: ScheduleResult['started'] = [];
  for (const t of await repo.scheduledTenants(ctx.db, opts.tenantIds)) {
    const quarter = npsRoundToStart(now, { monthOfQuarter: t.nps_month_of_quarter, dayOfMonth: t.nps_day_of_month, timeZone: t.nps_time_zone }, t.latest_quarter ?? null);
    if (!quarter) continue;
    const r = await startRound(ctx, t.id, quarter, null);
    if (r) started.push({ tenantId: t.id, quarter, recipients: r.recipients });
  }
  return { started };
}
