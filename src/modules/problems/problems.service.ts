/**
 * Problems: long-standing issues (old intractables) with their recurring tickets, root cause,
 * workaround, plan with milestones and estimated cost. Staff open and work on them; the client
 * admin follows their own client's. Suggestions point at groups of recurring tickets not yet in
 * a problem. Linking a ticket leaves a `problem_linked` fact in the ticket's history.
 */
import type { Db } from '../../db/database';
import { problemReference } from '../../domain/satisfaction/journey-suggestions';
import type { ProblemStatus } from '../../domain/satisfaction/satisfaction-types';
import { scopeOf, type Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { staleWrite } from '../../http/etag';
import { decodeCursor, toPage } from '../../http/pagination';
import { forbidden, invalid, notFound, type FieldErrors } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { ticketScope } from '../tickets/tickets.policy';
import { findTicket, insertEvents } from '../tickets/tickets.repository';
import { canReadProblems, canSeeSuggestions, canWriteProblems } from './problems.policy';
import { presentProblem, presentProblemItem, presentRecurringGroup, problemCursor } from './problems.presenter';
import * as repo from './problems.repository';
import type { CreateProblemInput, ListProblemsInput, MilestonesInput, UpdateProblemInput } from './problems.schema';

const cannotRead = () => forbidden('Problems are for staff and the client administrator');
const cannotWrite = () => forbidden('Only staff work on problems');

const DAY_MS = 86_400_000;
export const RECURRING_DAYS = 90;
export const RECURRING_MIN = 3;
const RECURRING_GROUPS = 50;

/** The problem for this caller (404 across tenants and, for client admins, clients), after the policy check. */
async function problemRow(ctx: AppContext, actor: Actor, id: string, allowed: (a: Actor) => boolean, refuse: () => Error) {
  if (!allowed(actor)) throw refuse();
  const row = await repo.findProblem(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound('Problem');
  return row;
}

async function view(ctx: AppContext, actor: Actor, id: string) {
  const row = await problemRow(ctx, actor, id, canReadProblems, cannotRead);
  const [tickets, milestones] = [await repo.linkedTickets(ctx.db, row.tenant_id, row.id), await repo.milestones(ctx.db, row.tenant_id, row.id)];
  return presentProblem(row, tickets, milestones);
}

export async function listProblems(ctx: AppContext, actor: Actor, input: ListProblemsInput) {
  if (!canReadProblems(actor)) throw cannotRead();
  const rows = await repo.listProblems(ctx.db, scopeOf(actor), { clientId: input.clientId, status: input.status, q: input.q || undefined }, input.limit, decodeCursor(input.cursor));
  return toPage(rows, input.limit, problemCursor, presentProblemItem);
}

export const getProblem = (ctx: AppContext, actor: Actor, id: string) => view(ctx, actor, id);

/** 400 naming `<field>[i]` for each id that is not a ticket of the client. */
async function checkTickets(db: Db, tenantId: string, clientId: string, ids: readonly string[], field: string): Promise<string[]> {
  const unique = [...new Set(ids.map((x) => x.toLowerCase()))];
  const own = await repo.ticketsOfClient(db, tenantId, clientId, unique);
  const errors: FieldErrors = {};
  ids.forEach((x, i) => {
    if (!own.has(x.toLowerCase())) errors[`${field}[${i}]`] = "is not a ticket of the problem's client";
  });
  if (Object.keys(errors).length) throw invalid(errors);
  return unique;
}

/** Links tickets and writes the fact into each newly linked ticket's history. */
async function link(trx: Db, actor: Actor, problem: { id: string; number: number; title: string }, ticketIds: readonly string[], at: Date): Promise<string[]> {
  const linked = await repo.linkTickets(trx, actor.tenantId, problem.id, ticketIds, actor.userId, at);
  await insertEvents(
    trx,
    actor.tenantId,
    linked.map((ticketId) => ({ ticketId, type: 'problem_linked', at, actorUserId: actor.userId, actorLabel: actor.name, data: { problemId: problem.id, reference: problemReference(problem.number), title: problem.title } })),
  );
  return linked;
}

export async function createProblem(ctx: AppContext, actor: Actor, input: CreateProblemInput) {
  if (!canWriteProblems(actor)) throw cannotWrite();
  const client = await repo.findClient(ctx.db, actor.tenantId, input.clientId);
  if (!client) throw invalid({ clientId: 'is not a client of this organisation' });
  const ticketIds = await checkTickets(ctx.db, actor.tenantId, client.id, input.ticketIds ?? [], 'ticketIds');
  const now = ctx.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const number = await repo.nextProblemNumber(trx, actor.tenantId);
    const problemId = await repo.insertProblem(trx, actor.tenantId, {
      number,
      client_id: client.id,
      title: input.title,
      description: input.description ?? '',
      root_cause: input.rootCause ?? '',
      workaround: input.workaround ?? '',
      plan: input.plan ?? '',
      estimated_cost_minor: input.estimatedCost?.amountMinor ?? null,
      currency: input.estimatedCost?.currency ?? null,
      opened_at: now,
      created_by: actor.userId,
    });
    await link(trx, actor, { id: problemId, number, title: input.title }, ticketIds, now);
    await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'problem.created', targetType: 'problem', targetId: problemId, ip: actor.ip, details: { reference: problemReference(number), clientId: client.id, tickets: ticketIds.length } });
    return problemId;
  });
  return view(ctx, actor, id);
}

/** PATCH /problems/:id (If-Match honoured): 'resolved' sets resolvedAt, leaving it clears it; status changes are audited. */
export async function updateProblem(ctx: AppContext, actor: Actor, id: string, input: UpdateProblemInput, expectedVersion: number | null) {
  const existing = await problemRow(ctx, actor, id, canWriteProblems, cannotWrite);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockProblem(trx, actor.tenantId, existing.id);
    if (!locked) throw notFound('Problem');
    const patch: repo.ProblemPatch = {};
    if (input.title !== undefined) patch.title = input.title;
    if (input.description !== undefined) patch.description = input.description;
    if (input.rootCause !== undefined) patch.root_cause = input.rootCause;
    if (input.workaround !== undefined) patch.workaround = input.workaround;
    if (input.plan !== undefined) patch.plan = input.plan;
    if (input.estimatedCost !== undefined) {
      patch.estimated_cost_minor = input.estimatedCost?.amountMinor ?? null;
      patch.currency = input.estimatedCost?.currency ?? null;
    }
    const from: ProblemStatus = locked.status;
    const to = input.status ?? from;
    if (to !== from) {
      patch.status = to;
      patch.resolved_at = to === 'resolved' ? now : null;
    }
    const updated = await repo.updateProblem(trx, actor.tenantId, existing.id, patch, expectedVersion, now);
    if (!updated) throw staleWrite();
    if (to !== from) {
      await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'problem.status_changed', targetType: 'problem', targetId: existing.id, ip: actor.ip, details: { reference: problemReference(locked.number), from, to } });
    }
  });
  return view(ctx, actor, existing.id);
}

/** POST /problems/:id/tickets: links tickets of the problem's client (400 `ticketIds[i]` otherwise); already linked ones stay. */
export async function linkTicketsToProblem(ctx: AppContext, actor: Actor, id: string, ticketIds: readonly string[]) {
  const p = await problemRow(ctx, actor, id, canWriteProblems, cannotWrite);
  const ids = await checkTickets(ctx.db, actor.tenantId, p.client_id, ticketIds, 'ticketIds');
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockProblem(trx, actor.tenantId, p.id);
    if (!locked) throw notFound('Problem');
    if ((await link(trx, actor, locked, ids, now)).length) await repo.touchProblem(trx, actor.tenantId, p.id, now);
  });
  return view(ctx, actor, p.id);
}

/** DELETE /problems/:id/tickets/:ticketId: 404 when the ticket is not linked. */
export async function unlinkTicket(ctx: AppContext, actor: Actor, id: string, ticketId: string): Promise<void> {
  const p = await problemRow(ctx, actor, id, canWriteProblems, cannotWrite);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.unlinkTicket(trx, actor.tenantId, p.id, ticketId))) throw notFound('Linked ticket');
    await repo.touchProblem(trx, actor.tenantId, p.id, now);
    await insertEvents(trx, actor.tenantId, [{ ticketId, type: 'problem_unlinked', at: now, actorUserId: actor.userId, actorLabel: actor.name, data: { problemId: p.id, reference: problemReference(p.number) } }]);
  });
}

/** PUT /problems/:id/milestones: the list in the order given; an id keeps an existing milestone of this problem (400 `milestones[i].id` otherwise). */
export async function replaceMilestones(ctx: AppContext, actor: Actor, id: string, items: MilestonesInput) {
  const p = await problemRow(ctx, actor, id, canWriteProblems, cannotWrite);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.lockProblem(trx, actor.tenantId, p.id))) throw notFound('Problem');
    const existing = await repo.milestoneIds(trx, actor.tenantId, p.id);
    const errors: FieldErrors = {};
    const seen = new Set<string>();
    items.forEach((m, i) => {
      if (!m.id) return;
      const key = m.id.toLowerCase();
      if (!existing.has(key)) errors[`milestones[${i}].id`] = 'is not a milestone of this problem';
      else if (seen.has(key)) errors[`milestones[${i}].id`] = 'is listed twice';
      seen.add(key);
    });
    if (Object.keys(errors).length) throw invalid(errors);
    await repo.replaceMilestones(trx, actor.tenantId, p.id, items.map((m) => ({ ...m, id: m.id?.toLowerCase() })));
    await repo.touchProblem(trx, actor.tenantId, p.id, now);
  });
  return view(ctx, actor, p.id);
}

/** GET /problems/suggestions: 3+ tickets of a client sharing catalog item and site within 90 days, not linked to a problem. */
export async function suggestions(ctx: AppContext, actor: Actor, clientId: string | undefined) {
  if (!canSeeSuggestions(actor)) throw forbidden('Suggestions of recurring tickets are for staff');
  const since = new Date(ctx.now().getTime() - RECURRING_DAYS * DAY_MS);
  const groups = await repo.recurringGroups(ctx.db, actor.tenantId, clientId, since, RECURRING_MIN, RECURRING_GROUPS);
  return groups.map(presentRecurringGroup);
}

/** GET /tickets/:id/problems: for whoever may see the ticket and problems (client users: client admins only). */
export async function problemsOfTicket(ctx: AppContext, actor: Actor, ticketId: string) {
  if (!canReadProblems(actor)) throw cannotRead();
  const ticket = await findTicket(ctx.db, ticketScope(actor), ticketId);
  if (!ticket) throw notFound('Ticket');
  const rows = await repo.problemsOfTicket(ctx.db, scopeOf(actor), ticket.id);
  return { items: rows.map(presentProblemItem) };
}
