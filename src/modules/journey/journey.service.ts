/**
 * The client journey: where a client relationship stands (stage changes with notes and
 * evidence), the stretches each stage covered, the satisfaction series drawn over them, and the
 * stages the data suggests (staff only). Reads first, pure rules, one short transaction to write.
 */
import { csatByMonth, currentStage, npsByQuarter, stageBands } from '../../domain/satisfaction/journey-timeline';
import { isSuggestionKey, journeySuggestions, problemReference, quarterKeyOf, ticketReference } from '../../domain/satisfaction/journey-suggestions';
import type { JourneyEvidence } from '../../domain/satisfaction/satisfaction-types';
import { scopeOf, type Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { forbidden, invalid, notFound, type FieldErrors } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { canChangeJourney, canReadJourney, seesSuggestions } from './journey.policy';
import { presentChange } from './journey.presenter';
import * as repo from './journey.repository';
import type { EvidenceInput, StageChangeInput } from './journey.schema';

const cannotRead = () => forbidden("A client's journey is for staff and the client's administrator");
const cannotChange = () => forbidden('Only owners, admins and account managers change the journey stage');

/** How far back the satisfaction series reach. */
const SERIES_MONTHS = 36;
// The latest zones are 14 hours ahead of UTC: a date is in the future only when it is tomorrow everywhere.
const LATEST_ZONE_MS = 14 * 3_600_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HTTP_URL = /^https?:\/\/\S+$/i;

async function clientFor(ctx: AppContext, actor: Actor, clientId: string) {
  const client = await repo.findClient(ctx.db, scopeOf(actor), clientId);
  if (!client) throw notFound('Client');
  return client;
}

export async function getJourney(ctx: AppContext, actor: Actor, clientId: string) {
  if (!canReadJourney(actor)) throw cannotRead();
  const client = await clientFor(ctx, actor, clientId);
  const tenantId = actor.tenantId;
  const now = ctx.now();
  const changes = await repo.listChanges(ctx.db, tenantId, client.id);
  const facts = changes.map((c) => ({ stage: c.stage, effectiveOn: c.effective_on, createdAt: c.created_at }));
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - SERIES_MONTHS + 1, 1));
  const csat = await repo.csatAnswers(ctx.db, tenantId, client.id, since);
  const nps = await repo.npsAnswers(ctx.db, tenantId, client.id, quarterKeyOf(since));
  const current = currentStage(facts);
  return {
    current,
    changes: changes.map(presentChange),
    bands: stageBands(facts),
    satisfaction: {
      // Months as UTC reads them: the tenant has no single zone, and a month's edge moves few answers.
      csat: csatByMonth(csat.map((a) => ({ respondedAt: a.responded_at, score: a.score }))),
      nps: npsByQuarter(nps.map((a) => ({ quarter: a.quarter_key, score: a.score }))),
    },
    suggestions: seesSuggestions(actor) ? await suggestionsFor(ctx, tenantId, client.id, current, now) : [],
  };
}

async function suggestionsFor(ctx: AppContext, tenantId: string, clientId: string, current: ReturnType<typeof currentStage>, now: Date) {
  const { security, training } = await repo.risingCounts(ctx.db, tenantId, clientId, now);
  const openProblems = await repo.openProblemFacts(ctx.db, tenantId, clientId, now);
  const reliability = await repo.reliabilityFacts(ctx.db, tenantId, clientId, now);
  const problemDays = await repo.riskProblemDays(ctx.db, tenantId);
  const dismissed = await repo.dismissedKeys(ctx.db, tenantId, clientId);
  return journeySuggestions({ now, current, security, training, openProblems, problemDays, reliability, dismissed });
}

/**
 * Checks each evidence item and names what is wrong (`evidence[2].id`): tickets and problems must
 * be the client's (their labels are filled in here), changes and projects need a label, links an
 * address.
 */
async function resolveEvidence(ctx: AppContext, tenantId: string, clientId: string, items: readonly EvidenceInput[]): Promise<JourneyEvidence[]> {
  const errors: FieldErrors = {};
  const ids = (kind: 'ticket' | 'problem') => items.filter((e) => e.kind === kind && e.id && UUID.test(e.id)).map((e) => e.id!);
  const tickets = new Map((await repo.ticketsOfClient(ctx.db, tenantId, clientId, ids('ticket'))).map((t) => [t.id, t]));
  const problems = new Map((await repo.problemsOfClient(ctx.db, tenantId, clientId, ids('problem'))).map((p) => [p.id, p]));
  const out: JourneyEvidence[] = [];
  items.forEach((e, i) => {
    const at = `evidence[${i}]`;
    switch (e.kind) {
      case 'ticket': {
        const t = e.id ? tickets.get(e.id.toLowerCase()) : undefined;
        if (!e.id) errors[`${at}.id`] = 'is required for a ticket';
        else if (!t) errors[`${at}.id`] = "is not a ticket of this client";
        else out.push({ kind: 'ticket', id: t.id, label: `${ticketReference(t.number)} ${t.subject}` });
        return;
      }
      case 'problem': {
        const p = e.id ? problems.get(e.id.toLowerCase()) : undefined;
        if (!e.id) errors[`${at}.id`] = 'is required for a problem';
        else if (!p) errors[`${at}.id`] = 'is not a problem of this client';
        else out.push({ kind: 'problem', id: p.id, label: `${problemReference(p.number)} ${p.title}` });
        return;
      }
      case 'change':
      case 'project':
      case 'link': {
        const url = e.url ? e.url : null;
        if (url !== null && !HTTP_URL.test(url)) errors[`${at}.url`] = 'must be an http(s) address';
        else if (e.kind === 'link' && url === null) errors[`${at}.url`] = 'is required for a link';
        const label = e.label || (e.kind === 'link' ? (url ?? '') : '');
        if (!label) errors[`${at}.label`] = `is required for a ${e.kind}`;
        if (e.id) errors[`${at}.id`] = `is not used for a ${e.kind}; name it with label and url`;
        out.push({ kind: e.kind, label, url });
        return;
      }
      default: {
        const never: never = e.kind;
        return never;
      }
    }
  });
  if (Object.keys(errors).length) throw invalid(errors);
  return out;
}

/** POST /clients/:id/journey: a stage change effective on a day (not in the future), with its note and evidence. */
export async function changeStage(ctx: AppContext, actor: Actor, clientId: string, input: StageChangeInput) {
  if (!canChangeJourney(actor)) throw cannotChange();
  const client = await clientFor(ctx, actor, clientId);
  const now = ctx.now();
  const latestToday = new Date(now.getTime() + LATEST_ZONE_MS).toISOString().slice(0, 10);
  if (input.effectiveOn > latestToday) throw invalid({ effectiveOn: 'must not be in the future' });
  const evidence = await resolveEvidence(ctx, actor.tenantId, client.id, input.evidence);
  const previous = currentStage((await repo.listChanges(ctx.db, actor.tenantId, client.id)).map((c) => ({ stage: c.stage, effectiveOn: c.effective_on, createdAt: c.created_at })));
  const id = await ctx.db.transaction().execute(async (trx) => {
    const changeId = await repo.insertChange(trx, actor.tenantId, { client_id: client.id, stage: input.stage, effective_on: input.effectiveOn, note: input.note, evidence, created_by: actor.userId, created_at: now });
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.email,
      action: 'journey.stage_changed',
      targetType: 'client',
      targetId: client.id,
      ip: actor.ip,
      details: { changeId, stage: input.stage, effectiveOn: input.effectiveOn, previousStage: previous, evidence: evidence.length },
    });
    return changeId;
  });
  const row = await repo.findChange(ctx.db, actor.tenantId, id);
  return presentChange(row!);
}

/** POST /clients/:id/journey/suggestions/:key/dismiss: the suggestion is not offered again for its window. */
export async function dismissSuggestion(ctx: AppContext, actor: Actor, clientId: string, key: string): Promise<void> {
  if (!canChangeJourney(actor)) throw cannotChange();
  const client = await clientFor(ctx, actor, clientId);
  if (!isSuggestionKey(key)) throw invalid({ key: 'is not the key of a suggestion' });
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertDismissal(trx, actor.tenantId, client.id, key, actor.userId, ctx.now());
    await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'journey.suggestion_dismissed', targetType: 'client', targetId: client.id, ip: actor.ip, details: { key } });
  });
}
