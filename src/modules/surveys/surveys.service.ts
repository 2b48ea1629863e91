/**
 * CSAT and NPS answers: by signed link (no session; the link names tenant, survey and expiry),
 * by the requester in the portal, and the staff list of CSAT responses. A negative CSAT answer
 * tells the client's account manager (owners and admins when none is named) and, when the tenant
 * asks for it, opens one follow-up ticket.
 */
import type { CsatScale, SurveyTokenPayload } from '../../domain/satisfaction/satisfaction-types';
import { csatScore, isNegativeScore } from '../../domain/satisfaction/satisfaction-types';
import { readSurveyToken, verifySurveyToken } from '../../domain/satisfaction/survey-token';
import { scopeOf, type Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { decodeCursor, toPage } from '../../http/pagination';
import { AppError, forbidden, invalid, notFound } from '../../errors';
import { insertNotificationOnce } from '../notifications/notifications.repository';
import { createSystemTicket, reference } from '../tickets/tickets.service';
import { ticketScope } from '../tickets/tickets.policy';
import { findTicket } from '../tickets/tickets.repository';
import * as policy from './surveys.policy';
import { answeredCursor, presentCsatResponse, presentTicketSurvey } from './surveys.presenter';
import * as repo from './surveys.repository';
import type { AnswerInput, CsatListInput } from './surveys.schema';
import { ratingInWords } from './survey-mail';
import { SurveyLinkLimiter } from './survey-link-limiter';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const limiter = new SurveyLinkLimiter();

const linkInvalid = () => new AppError('survey_link_invalid', 'This survey link is not valid: open the whole link from the e-mail');
const linkExpired = () => new AppError('survey_link_expired', 'This survey link has expired');

function throttle(address: string | null, now: Date): void {
  const wait = limiter.hit(address ?? 'unknown', now);
  if (wait !== null) throw new AppError('rate_limited', `Too many requests; try again in ${wait} seconds`, undefined, { 'retry-after': String(wait) });
}

/** The link's payload once its signature and expiry hold, with the organisation the page names. */
async function verifiedLink(ctx: AppContext, token: string): Promise<{ payload: SurveyTokenPayload; organisation: string }> {
  const claimed = readSurveyToken(token);
  // Ids go to the database only when they are ids: a forged token must not reach a cast error.
  if (!claimed || !UUID.test(claimed.tenantId) || !UUID.test(claimed.surveyId)) throw linkInvalid();
  const tenant = await repo.tenantKey(ctx.db, claimed.tenantId);
  if (!tenant) throw linkInvalid();
  const check = verifySurveyToken(token, tenant.survey_key, ctx.now());
  if (!check.ok) throw check.reason === 'expired' ? linkExpired() : linkInvalid();
  return { payload: check.payload, organisation: tenant.name };
}

const SCALE_WORDS: Record<CsatScale | 'nps', { min: number; max: number; words: string }> = {
  three: { min: 1, max: 3, words: 'must be 1 (bad), 2 (okay) or 3 (good)' },
  five: { min: 1, max: 5, words: 'must be from 1 to 5' },
  nps: { min: 0, max: 10, words: 'must be from 0 to 10' },
};

function checkRating(scale: CsatScale | 'nps', rating: number): void {
  const s = SCALE_WORDS[scale];
  if (!Number.isInteger(rating) || rating < s.min || rating > s.max) throw invalid({ rating: s.words });
}

const presentAnswer = (a: { rating: number | null; comment: string; responded_at: Date | null }) => ({ rating: a.rating!, comment: a.comment, respondedAt: a.responded_at!.toISOString() });

// ---------- public ----------

export async function getPublicSurvey(ctx: AppContext, token: string, address: string | null) {
  throttle(address, ctx.now());
  const { payload, organisation } = await verifiedLink(ctx, token);
  const expiresAt = payload.expiresAt.toISOString();
  if (payload.kind === 'csat') {
    const s = await repo.findCsat(ctx.db, payload.tenantId, payload.surveyId);
    if (!s) throw linkInvalid();
    return { kind: 'csat' as const, organisation, scale: s.scale, ticket: { number: s.ticket_number, subject: s.ticket_subject }, response: s.responded_at ? presentAnswer(s) : null, expiresAt };
  }
  const n = await repo.findNps(ctx.db, payload.tenantId, payload.surveyId);
  if (!n) throw linkInvalid();
  return { kind: 'nps' as const, organisation, scale: 'nps' as const, ticket: null, response: n.responded_at ? presentAnswer({ ...n, rating: n.score }) : null, expiresAt };
}

export async function answerPublicSurvey(ctx: AppContext, token: string, input: AnswerInput, address: string | null) {
  throttle(address, ctx.now());
  const { payload } = await verifiedLink(ctx, token);
  if (payload.kind === 'csat') {
    const answer = await recordCsatAnswer(ctx, payload.tenantId, (trx) => repo.findCsat(trx, payload.tenantId, payload.surveyId, true), input, linkInvalid);
    return presentAnswer(answer);
  }
  checkRating('nps', input.rating);
  const saved = await ctx.db.transaction().execute(async (trx) => {
    const n = await repo.findNps(trx, payload.tenantId, payload.surveyId, true);
    if (!n) throw linkInvalid();
    return repo.answerNps(trx, payload.tenantId, n.id, { score: input.rating, comment: input.comment, now: ctx.now() });
  });
  return presentAnswer({ ...saved, rating: saved.score });
}

// ---------- recording a CSAT answer ----------

class FollowUpAlreadyOpen extends Error {}

/**
 * Records the answer on the locked survey and, for a negative one, tells the account manager in
 * the same transaction (once per survey and answer). The follow-up ticket comes after the commit,
 * in a transaction of its own that links it only if no other answer linked one first.
 */
async function recordCsatAnswer(ctx: AppContext, tenantId: string, load: (trx: AppContext['db']) => Promise<repo.CsatLinkRow | undefined>, input: AnswerInput, missing: () => Error) {
  const now = ctx.now();
  const { survey, saved, followUp } = await ctx.db.transaction().execute(async (trx) => {
    const survey = await load(trx);
    if (!survey) throw missing();
    checkRating(survey.scale, input.rating);
    const score = csatScore(survey.scale, input.rating);
    const saved = await repo.answerCsat(trx, tenantId, survey.id, { rating: input.rating, score, comment: input.comment, now });
    let followUp = false;
    if (isNegativeScore(score)) {
      const words = ratingInWords(survey.scale, input.rating);
      for (const userId of await repo.badRatingRecipients(trx, tenantId, survey.client_id)) {
        await insertNotificationOnce(trx, {
          tenantId,
          userId,
          ticketId: survey.ticket_id,
          kind: 'csat_negative',
          clock: null,
          percent: null,
          title: `${survey.client_name} rated ${reference(survey.ticket_number)} ${words}`,
          body: saved.comment,
          dedupeKey: `csat_negative:${survey.id}:${input.rating}:${userId}`,
        });
      }
      followUp = survey.follow_up_ticket_id === null && (await repo.surveySettings(trx, tenantId))?.csat_follow_up === 'ticket';
    }
    return { survey, saved, followUp };
  });
  if (followUp) await openFollowUp(ctx, tenantId, survey, input.rating, saved.comment);
  return saved;
}

async function openFollowUp(ctx: AppContext, tenantId: string, s: repo.CsatLinkRow, rating: number, comment: string): Promise<void> {
  const ref = reference(s.ticket_number);
  try {
    await createSystemTicket(
      ctx,
      {
        tenantId,
        clientId: s.client_id,
        siteId: s.site_id,
        requesterContactId: s.recipient_contact_id,
        requesterUserId: s.recipient_user_id,
        subject: `Follow-up on ${ref}: rated ${ratingInWords(s.scale, rating)}`,
        description: [`The requester rated ${ref} (${s.ticket_subject}) ${ratingInWords(s.scale, rating)}.`, comment ? `Their comment: ${comment}` : 'They left no comment.', 'Get in touch to find out what went wrong.'].join('\n\n'),
        tags: ['csat-follow-up'],
      },
      async (trx, ticket) => {
        if (!(await repo.linkFollowUp(trx, tenantId, s.id, ticket.id))) throw new FollowUpAlreadyOpen();
      },
    );
  } catch (err) {
    // Another answer of the same survey opened it meanwhile: one follow-up per survey.
    if (!(err instanceof FollowUpAlreadyOpen)) throw err;
  }
}

// ---------- a ticket's survey (signed in) ----------

const RESOLVED = new Set(['resolved', 'closed']);

async function ticketAndSurvey(ctx: AppContext, actor: Actor, ticketId: string) {
  const ticket = await findTicket(ctx.db, ticketScope(actor), ticketId);
  if (!ticket) throw notFound('Ticket');
  const survey = await repo.findCsatOfTicket(ctx.db, actor.tenantId, ticket.id);
  const requester = policy.isRequester(actor, { requester_user_id: ticket.requester_user_id, recipient_user_id: survey?.recipient_user_id ?? null });
  return { ticket, survey, requester };
}

export async function getTicketSatisfaction(ctx: AppContext, actor: Actor, ticketId: string) {
  if (!policy.canReadTicketSurvey(actor)) throw forbidden();
  const { ticket, survey, requester } = await ticketAndSurvey(ctx, actor, ticketId);
  return presentTicketSurvey(survey, requester && RESOLVED.has(ticket.status) && survey !== undefined);
}

export async function rateTicket(ctx: AppContext, actor: Actor, ticketId: string, input: AnswerInput) {
  if (actor.kind !== 'client') throw forbidden('Only the requester rates a ticket');
  const { ticket, survey, requester } = await ticketAndSurvey(ctx, actor, ticketId);
  if (!requester) throw forbidden('Only the requester rates a ticket');
  if (!RESOLVED.has(ticket.status)) throw new AppError('ticket_not_resolved', 'A ticket can be rated once it is resolved');
  if (!survey) throw notFound('Survey');
  await recordCsatAnswer(ctx, actor.tenantId, (trx) => repo.findCsatOfTicket(trx, actor.tenantId, ticket.id, true), input, () => notFound('Survey'));
  return getTicketSatisfaction(ctx, actor, ticketId);
}

// ---------- staff list ----------

const DAY_MS = 86_400_000;

export async function listCsatResponses(ctx: AppContext, actor: Actor, input: CsatListInput) {
  if (!policy.canListCsat(actor)) throw forbidden('CSAT responses are for staff and the client administrator');
  const from = input.from ? new Date(`${input.from}T00:00:00Z`) : undefined;
  const to = input.to ? new Date(Date.parse(`${input.to}T00:00:00Z`) + DAY_MS) : undefined;
  if (from && to && to <= from) throw invalid({ to: 'must be on or after from' });
  const filter = { clientId: input.clientId, technicianId: input.technicianId, from, to, rating: input.rating };
  const rows = await repo.listCsat(ctx.db, scopeOf(actor), filter, input.limit, decodeCursor(input.cursor));
  return toPage(rows, input.limit, answeredCursor, presentCsatResponse);
}
