/**
 * Review meetings of a contract: the cadence (changing it applies to meetings from now on: the
 * cadence in force ends now and a new one starts), participants, the meetings computed from the
 * cadences with touched ones stored (agenda built when staff first open a meeting, minutes,
 * moves and cancellations that bump the iCalendar SEQUENCE and e-mail the change), action items
 * that become tickets, and the series invitation e-mailed with `invite.ics`.
 */
import type { ScorecardDocument } from '../../domain/goals/goal-types';
import { buildAgenda, canonicalZone, describe, expand, formatLocal, formatRule, instantToLocal, localToInstant, parseLocal, parseRule, ruleProblem, writeCalendar, type AgendaFacts, type IcsPerson } from '../../domain/meetings';
import { scopeOf, type Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { staleWrite } from '../../http/etag';
import { enqueueEmail } from '../../mail/outbox';
import { AppError, conflict, forbidden, invalid, notFound, type FieldErrors } from '../../errors';
import { clientRisk } from '../satisfaction/satisfaction.service';
import { canReadRisk } from '../satisfaction/satisfaction.policy';
import { createTicket, reference } from '../tickets/tickets.service';
import { problemReference } from '../../domain/satisfaction/journey-suggestions';
import { cadenceEvents, isOccurrence, occurrenceEvent, occurrencesBetween, seriesOf, type EventText, type Occurrence } from './meetings-calendar';
import { canKeepActionItems, canManageMeetings, canReadMeetings, canReadMeetingSetup, seesRisks } from './meetings.policy';
import { presentActionItem, presentCadence, presentMeeting, presentOccurrence } from './meetings.presenter';
import * as repo from './meetings.repository';
import type { ActionItemInput, ActionItemPatch, CadenceInput, MeetingPatch, ParticipantsInput, PreviewInput } from './meetings.schema';

const DAY = 86_400_000;
const cannotRead = () => forbidden('Review meetings are for staff and the client');
const cannotManage = () => forbidden('Only owners, admins and account managers plan review meetings');

async function contractFor(ctx: AppContext, actor: Actor, contractId: string, allowed: (a: Actor) => boolean, refuse: () => Error) {
  if (!allowed(actor)) throw refuse();
  const c = await repo.findContract(ctx.db, scopeOf(actor), contractId);
  if (!c) throw notFound('Contract');
  return c;
}

// ---------- cadence ----------

type CheckedCadence = { rrule: string; firstStart: Date; timeZone: string };

/** Reads the rule, first meeting and zone, refusing each with its field named. */
function checkCadence(input: { rrule: string; firstStart: string; timeZone: string }): CheckedCadence {
  const errors: FieldErrors = {};
  const zone = canonicalZone(input.timeZone);
  if (!zone) errors.timeZone = 'is not a known IANA time zone (e.g. Europe/Berlin)';
  const parsed = parseRule(input.rrule);
  if (!parsed.ok) errors.rrule = parsed.error;
  const start = parseLocal(input.firstStart);
  if (!start) errors.firstStart = 'is not a real date and time';
  if (Object.keys(errors).length || !parsed.ok || !start || !zone) throw invalid(errors);
  const problem = ruleProblem({ rule: parsed.rule, start, timeZone: zone });
  if (problem) throw invalid(problem.startsWith('the first meeting') ? { firstStart: problem } : { rrule: problem });
  return { rrule: formatRule(parsed.rule), firstStart: localToInstant(zone, start), timeZone: zone };
}

export async function getCadence(ctx: AppContext, actor: Actor, contractId: string) {
  const c = await contractFor(ctx, actor, contractId, canReadMeetingSetup, cannotRead);
  const cadences = await repo.cadencesOf(ctx.db, c.tenant_id, [c.id]);
  const current = cadences.find((x) => !x.effective_until) ?? null;
  const next = current ? expand(seriesOf(current), { from: later(ctx.now(), current.effective_from), limit: 5 }) : [];
  return { cadence: current ? presentCadence(current, next) : null, suggestedTimeZone: await repo.mainSiteZone(ctx.db, c.tenant_id, c.client_id) };
}

const later = (a: Date, b: Date) => (a > b ? a : b);

/** The next dates a rule would give, for the form's preview; 400 naming the field when it cannot be a cadence. */
export async function previewCadence(ctx: AppContext, actor: Actor, contractId: string, input: PreviewInput) {
  await contractFor(ctx, actor, contractId, canReadMeetingSetup, cannotRead);
  const checked = checkCadence(input);
  const parsed = parseRule(checked.rrule);
  if (!parsed.ok) throw invalid({ rrule: parsed.error });
  const starts = expand({ rule: parsed.rule, start: instantToLocal(checked.timeZone, checked.firstStart), timeZone: checked.timeZone }, { limit: input.count });
  return { rrule: checked.rrule, starts: starts.map((s) => ({ startsAt: s.toISOString(), local: formatLocal(instantToLocal(checked.timeZone, s)) })) };
}

export async function setCadence(ctx: AppContext, actor: Actor, contractId: string, input: CadenceInput) {
  const c = await contractFor(ctx, actor, contractId, canManageMeetings, cannotManage);
  const checked = checkCadence(input);
  const now = ctx.now();
  const ended = await ctx.db.transaction().execute(async (trx) => {
    const current = await repo.lockCurrentCadence(trx, c.tenant_id, c.id);
    const sameTiming =
      current &&
      current.rrule === checked.rrule &&
      current.first_start.getTime() === checked.firstStart.getTime() &&
      current.time_zone === checked.timeZone &&
      current.duration_minutes === input.durationMinutes;
    // Only the words changed: the same series, so calendars keep their meetings and agendas stay.
    if (current && sameTiming) {
      await repo.updateCadenceText(trx, c.tenant_id, current.id, input.title, input.location);
      return null;
    }
    if (current) await repo.endCadence(trx, c.tenant_id, current.id, now);
    const created = await repo.insertCadence(trx, c.tenant_id, {
      contract_id: c.id,
      title: input.title,
      rrule: checked.rrule,
      first_start: checked.firstStart,
      time_zone: checked.timeZone,
      duration_minutes: input.durationMinutes,
      location: input.location,
      effective_from: now,
      created_by: actor.userId,
    });
    if (current) {
      // Meetings already prepared for dates the new cadence also gives keep their agenda and items.
      const touched = (await repo.meetingsOfCadences(trx, c.tenant_id, [current.id])).filter((m) => m.recurrence_start >= now);
      await repo.rehomeMeetings(trx, c.tenant_id, current.id, created.id, touched.filter((m) => isOccurrence(created, m.recurrence_start)).map((m) => m.recurrence_start));
    }
    return current ? { ...current, effective_until: now } : null;
  });
  if (input.notify) await notifyCadenceChange(ctx, actor, c, ended);
  return getCadence(ctx, actor, c.id);
}

// ---------- participants ----------

export async function getParticipants(ctx: AppContext, actor: Actor, contractId: string) {
  const c = await contractFor(ctx, actor, contractId, canReadMeetingSetup, cannotRead);
  return participantsView(await repo.participantsOf(ctx.db, c.tenant_id, c.id));
}

/** Who the participants picker offers (account managers cannot list users otherwise). */
export async function getParticipantOptions(ctx: AppContext, actor: Actor, contractId: string) {
  const c = await contractFor(ctx, actor, contractId, canReadMeetingSetup, cannotRead);
  return participantsView(await repo.participantOptions(ctx.db, c.tenant_id, c.client_id));
}

function participantsView(rows: repo.ParticipantRow[]) {
  const person = (r: repo.ParticipantRow) => ({ id: r.id, name: r.name, email: r.email });
  return { users: rows.filter((r) => r.kind === 'user').map(person), contacts: rows.filter((r) => r.kind === 'contact').map(person) };
}

export async function setParticipants(ctx: AppContext, actor: Actor, contractId: string, input: ParticipantsInput) {
  const c = await contractFor(ctx, actor, contractId, canManageMeetings, cannotManage);
  const userIds = [...new Set(input.userIds.map((x) => x.toLowerCase()))];
  const contactIds = [...new Set(input.contactIds.map((x) => x.toLowerCase()))];
  const staff = await repo.staffUserIds(ctx.db, c.tenant_id, userIds);
  const contacts = await repo.contactIdsOfClient(ctx.db, c.tenant_id, c.client_id, contactIds);
  const errors: FieldErrors = {};
  input.userIds.forEach((x, i) => {
    if (!staff.has(x.toLowerCase())) errors[`userIds[${i}]`] = 'is not an active staff member of this organisation';
  });
  input.contactIds.forEach((x, i) => {
    if (!contacts.has(x.toLowerCase())) errors[`contactIds[${i}]`] = "is not a contact of the contract's client";
  });
  if (Object.keys(errors).length) throw invalid(errors);
  await ctx.db.transaction().execute((trx) => repo.replaceParticipants(trx, c.tenant_id, c.id, userIds, contactIds));
  return getParticipants(ctx, actor, c.id);
}

// ---------- meetings ----------

async function loadSeries(ctx: AppContext, tenantId: string, contractId: string) {
  const cadences = await repo.cadencesOf(ctx.db, tenantId, [contractId]);
  const rows = await repo.meetingsOfCadences(ctx.db, tenantId, cadences.map((x) => x.id));
  return { cadences, rows };
}

export async function listMeetings(ctx: AppContext, actor: Actor, contractId: string, q: { from?: string; to?: string }) {
  const c = await contractFor(ctx, actor, contractId, canReadMeetings, cannotRead);
  const from = q.from ? new Date(q.from) : new Date(ctx.now().getTime() - 31 * DAY);
  const to = q.to ? new Date(q.to) : new Date(from.getTime() + 400 * DAY);
  if (to <= from) throw invalid({ to: 'must be after from' });
  if (to.getTime() - from.getTime() > 5 * 366 * DAY) throw invalid({ to: 'must be at most five years after from' });
  const { cadences, rows } = await loadSeries(ctx, c.tenant_id, c.id);
  return { items: occurrencesBetween(cadences, rows, from, to).map(presentOccurrence) };
}

/** The occurrence the rule gives at `start` (its identity), or 404. */
async function occurrenceAt(ctx: AppContext, tenantId: string, contractId: string, start: Date): Promise<Occurrence> {
  const { cadences, rows } = await loadSeries(ctx, tenantId, contractId);
  for (const cadence of cadences) {
    if (!isOccurrence(cadence, start)) continue;
    const row = rows.find((r) => r.cadence_id === cadence.id && r.recurrence_start.getTime() === start.getTime()) ?? null;
    return { cadence, recurrenceStart: start, startsAt: row?.starts_at ?? start, endsAt: row?.ends_at ?? new Date(start.getTime() + cadence.duration_minutes * 60_000), status: row?.status ?? 'scheduled', row };
  }
  throw notFound('Meeting');
}

async function agendaFacts(ctx: AppContext, actor: Actor, c: repo.MeetingContract, before: Date): Promise<AgendaFacts> {
  const card = await repo.latestScorecard(ctx.db, c.tenant_id, c.id);
  const doc = card?.document as ScorecardDocument | undefined;
  const totals = doc ? doc.goals.reduce((a, g) => ({ met: a.met + (g.outcome === 'met' ? 1 : 0), missed: a.missed + (g.outcome === 'missed' ? 1 : 0), ne: a.ne + (g.outcome === 'not_evaluable' ? 1 : 0) }), { met: 0, missed: 0, ne: 0 }) : null;
  const problems = await repo.openProblems(ctx.db, c.tenant_id, c.client_id);
  const risks = canReadRisk(actor) ? (await clientRisk(ctx, actor, c.client_id)).reasons : [];
  const items = await repo.openActionItemsBefore(ctx.db, c.tenant_id, c.id, before);
  return {
    scorecard:
      card && doc && totals
        ? {
            periodKey: card.period_key,
            revision: card.revision,
            status: card.status,
            met: totals.met,
            missed: totals.missed,
            notEvaluable: totals.ne,
            currency: doc.statement.currency,
            goals: doc.goals.map((g) => ({ goalId: g.goalId, objective: g.objective, outcome: g.outcome, reason: g.reason, amountMinor: g.amountMinor, amountExplanation: g.amountExplanation })),
          }
        : null,
    responsibilities: doc?.responsibilities ?? [],
    problems: problems.map((p) => ({ id: p.id, reference: problemReference(p.number), title: p.title, status: p.status, plan: p.plan, nextMilestone: p.next_title ? { title: p.next_title, dueOn: p.next_due } : null })),
    riskReasons: risks.map((r) => ({ rule: r.rule, text: r.text })),
    openActionItems: items.map((a) => ({ id: a.id, title: a.title, owner: a.user_name ?? a.contact_name ?? null, dueOn: a.due_on ? String(a.due_on).slice(0, 10) : null })),
  };
}

/** The stored meeting, created with its agenda when staff first open it. */
async function touch(ctx: AppContext, actor: Actor, c: repo.MeetingContract, o: Occurrence): Promise<repo.MeetingRow> {
  if (o.row) return o.row;
  const agenda = buildAgenda(await agendaFacts(ctx, actor, c, o.startsAt), ctx.now());
  return repo.ensureMeeting(ctx.db, c.tenant_id, { contract_id: c.id, cadence_id: o.cadence.id, recurrence_start: o.recurrenceStart, starts_at: o.startsAt, ends_at: o.endsAt, agenda });
}

async function view(ctx: AppContext, actor: Actor, c: repo.MeetingContract, start: Date) {
  let o = await occurrenceAt(ctx, c.tenant_id, c.id, start);
  if (!o.row && actor.kind === 'staff') o = { ...o, row: await touch(ctx, actor, c, o) };
  const items = o.row ? await repo.actionItemsOf(ctx.db, c.tenant_id, o.row.id) : [];
  return presentMeeting(c, o, items, seesRisks(actor));
}

export async function getMeeting(ctx: AppContext, actor: Actor, contractId: string, start: string) {
  const c = await contractFor(ctx, actor, contractId, canReadMeetings, cannotRead);
  return view(ctx, actor, c, new Date(start));
}

export async function refreshAgenda(ctx: AppContext, actor: Actor, contractId: string, start: string) {
  const c = await contractFor(ctx, actor, contractId, canManageMeetings, cannotManage);
  const o = await occurrenceAt(ctx, c.tenant_id, c.id, new Date(start));
  const row = await touch(ctx, actor, c, o);
  const agenda = buildAgenda(await agendaFacts(ctx, actor, c, row.starts_at), ctx.now());
  await repo.updateMeeting(ctx.db, c.tenant_id, row.id, { agenda }, ctx.now());
  return view(ctx, actor, c, o.recurrenceStart);
}

/** Who gets e-mails about the contract's meetings: participants with an address, once each. */
async function recipients(ctx: AppContext, tenantId: string, contractId: string): Promise<IcsPerson[]> {
  const seen = new Set<string>();
  return (await repo.participantsOf(ctx.db, tenantId, contractId)).filter((p) => p.email && !seen.has(p.email.toLowerCase()) && seen.add(p.email.toLowerCase())).map((p) => ({ name: p.name, email: p.email }));
}

function eventText(ctx: AppContext, c: repo.MeetingContract): EventText {
  return {
    summary: (k) => `${k.title} (${c.client_name})`,
    description: () => `Service review of the contract "${c.name}" with ${c.client_name}.`,
    url: () => `${ctx.config.publicUrl}/contracts/${c.id}`,
  };
}

const when = (zone: string, d: Date) => `${formatLocal(instantToLocal(zone, d)).replace('T', ' ')} (${zone})`;

export async function patchMeeting(ctx: AppContext, actor: Actor, contractId: string, start: string, patch: MeetingPatch, expected: number | null) {
  const c = await contractFor(ctx, actor, contractId, canManageMeetings, cannotManage);
  const o = await occurrenceAt(ctx, c.tenant_id, c.id, new Date(start));
  const touched = await touch(ctx, actor, c, o);
  const people = await recipients(ctx, c.tenant_id, c.id);
  const organizer = { name: actor.name, email: actor.email };
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockMeeting(trx, c.tenant_id, touched.id);
    if (!row) throw notFound('Meeting');
    if (expected !== null && expected !== row.version) throw staleWrite();
    const status = patch.status ?? row.status;
    const startsAt = patch.startsAt ? new Date(patch.startsAt) : row.starts_at;
    const moved = startsAt.getTime() !== row.starts_at.getTime();
    if (moved && status === 'cancelled') throw invalid({ startsAt: 'cannot move a cancelled meeting; reinstate it first (status scheduled)' });
    if (moved && status === 'held') throw invalid({ startsAt: 'cannot move a meeting that was held' });
    const cancelled = status === 'cancelled' && row.status !== 'cancelled';
    const reinstated = status !== 'cancelled' && row.status === 'cancelled';
    // Calendars apply a change only when SEQUENCE grows: every change they are told about bumps it.
    const sequence = moved || cancelled || reinstated ? row.sequence + 1 : row.sequence;
    const endsAt = new Date(startsAt.getTime() + (row.ends_at.getTime() - row.starts_at.getTime()));
    await repo.updateMeeting(trx, c.tenant_id, row.id, { starts_at: startsAt, ends_at: endsAt, status, sequence, ...(patch.minutes === undefined ? {} : { minutes: patch.minutes }) }, now);
    if (!(moved || cancelled || reinstated)) return;
    const updated = { ...row, starts_at: startsAt, ends_at: endsAt, status, sequence };
    const method = cancelled ? 'CANCEL' : 'REQUEST';
    const ics = writeCalendar({ method, events: [occurrenceEvent(o.cadence, updated, eventText(ctx, c), { organizer, attendees: people })], now });
    const subject = cancelled ? `Cancelled: ${o.cadence.title} on ${when(o.cadence.time_zone, row.starts_at)}` : `Updated: ${o.cadence.title} now on ${when(o.cadence.time_zone, startsAt)}`;
    const text = cancelled
      ? `The service review of ${c.client_name} planned for ${when(o.cadence.time_zone, row.starts_at)} is cancelled. The other meetings of the series stay as they are.`
      : `The service review of ${c.client_name} (${o.cadence.title}) is now on ${when(o.cadence.time_zone, startsAt)}${o.cadence.location ? ` at ${o.cadence.location}` : ''}. The other meetings of the series stay as they are.`;
    for (const p of people) {
      await enqueueEmail(trx, { tenantId: c.tenant_id, to: p.email, subject, text: `Hello ${p.name},\n\n${text}\n\nThe attached invite.ics updates your calendar.`, kind: cancelled ? 'meeting_cancellation' : 'meeting_update', attachments: [{ filename: 'invite.ics', contentType: `text/calendar; method=${method}; charset=utf-8`, content: Buffer.from(ics, 'utf8') }] });
    }
  });
  return view(ctx, actor, c, o.recurrenceStart);
}

/**
 * After a change of cadence: the earlier series, cut short at the change, goes to participants as
 * an update (same UID, higher SEQUENCE), then the new series as an invitation. Nobody to tell: nothing sent.
 */
async function notifyCadenceChange(ctx: AppContext, actor: Actor, c: repo.MeetingContract, ended: repo.CadenceRow | null) {
  const people = await recipients(ctx, c.tenant_id, c.id);
  if (!people.length) return;
  const { rows } = await loadSeries(ctx, c.tenant_id, c.id);
  if (ended) {
    const events = cadenceEvents(ended, rows, eventText(ctx, c), { organizer: { name: actor.name, email: actor.email }, attendees: people });
    if (events.length) {
      const ics = Buffer.from(writeCalendar({ method: 'REQUEST', events, now: ctx.now() }), 'utf8');
      await ctx.db.transaction().execute(async (trx) => {
        for (const p of people) {
          await enqueueEmail(trx, {
            tenantId: c.tenant_id,
            to: p.email,
            subject: `Changed: ${ended.title} (${c.client_name}) follows a new cadence`,
            text: `Hello ${p.name},\n\nThe service reviews of ${c.client_name} (${c.name}) change their cadence. The earlier series ends here; meetings already held keep their dates. An invitation to the new series follows in a separate e-mail.\n\nThe attached invite.ics updates your calendar.`,
            kind: 'meeting_update',
            attachments: [{ filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST; charset=utf-8', content: ics }],
          });
        }
      });
    }
  }
  // A cadence that gives no more meetings has nothing to invite to; the change itself stands.
  await sendInvitations(ctx, actor, c.id).catch((e: unknown) => {
    if (!(e instanceof AppError && e.code === 'conflict')) throw e;
  });
}

/** E-mails the series (ICS METHOD:REQUEST, invite.ics) to every participant with an address. */
export async function sendInvitations(ctx: AppContext, actor: Actor, contractId: string) {
  const c = await contractFor(ctx, actor, contractId, canManageMeetings, cannotManage);
  const { cadences, rows } = await loadSeries(ctx, c.tenant_id, c.id);
  const current = cadences.find((x) => !x.effective_until);
  if (!current) throw conflict('Set a cadence before sending invitations', { cadence: 'is not set' });
  const people = await recipients(ctx, c.tenant_id, c.id);
  if (!people.length) throw conflict('Add participants with an e-mail address before sending invitations', { participants: 'has nobody with an e-mail address' });
  const now = ctx.now();
  const events = cadenceEvents(current, rows, eventText(ctx, c), { organizer: { name: actor.name, email: actor.email }, attendees: people });
  if (!events.length) throw conflict('The cadence gives no more meetings', { cadence: 'has no meetings to come' });
  const ics = Buffer.from(writeCalendar({ method: 'REQUEST', events, now }), 'utf8');
  const next = expand(seriesOf(current), { from: later(now, current.effective_from), limit: 1 })[0];
  const items: Array<{ name: string; email: string; outboxEmailId: string }> = [];
  await ctx.db.transaction().execute(async (trx) => {
    for (const p of people) {
      const id = await enqueueEmail(trx, {
        tenantId: c.tenant_id,
        to: p.email,
        subject: `Invitation: ${current.title} (${c.client_name})`,
        text: `Hello ${p.name},\n\nYou are invited to the service reviews of ${c.client_name} (${c.name}), recurring ${describeRule(current.rrule)} in ${current.time_zone}, ${current.duration_minutes} minutes${current.location ? `, at ${current.location}` : ''}.${next ? `\nNext meeting: ${when(current.time_zone, next)}.` : ''}\n\nOpen the attached invite.ics to add the series to your calendar.`,
        kind: 'meeting_invitation',
        attachments: [{ filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST; charset=utf-8', content: ics }],
      });
      items.push({ name: p.name, email: p.email, outboxEmailId: id });
    }
  });
  return { items };
}

function describeRule(rrule: string): string {
  const parsed = parseRule(rrule);
  return parsed.ok ? describe(parsed.rule) : rrule;
}

// ---------- action items ----------

async function meetingForItems(ctx: AppContext, actor: Actor, contractId: string, start: string) {
  const c = await contractFor(ctx, actor, contractId, canKeepActionItems, () => forbidden('Action items are kept by staff'));
  const o = await occurrenceAt(ctx, c.tenant_id, c.id, new Date(start));
  return { c, o, row: await touch(ctx, actor, c, o) };
}

async function checkOwners(ctx: AppContext, c: repo.MeetingContract, input: { ownerUserId?: string | null; ownerContactId?: string | null }) {
  if (input.ownerUserId && input.ownerContactId) throw invalid({ ownerContactId: 'give an owner from the MSP or from the client, not both' });
  if (input.ownerUserId && !(await repo.staffUserIds(ctx.db, c.tenant_id, [input.ownerUserId])).size) throw invalid({ ownerUserId: 'is not an active staff member of this organisation' });
  if (input.ownerContactId && !(await repo.contactIdsOfClient(ctx.db, c.tenant_id, c.client_id, [input.ownerContactId])).size) throw invalid({ ownerContactId: "is not a contact of the contract's client" });
}

async function itemView(ctx: AppContext, tenantId: string, meetingId: string, itemId: string) {
  const item = (await repo.actionItemsOf(ctx.db, tenantId, meetingId)).find((x) => x.id === itemId);
  if (!item) throw notFound('Action item');
  return presentActionItem(item);
}

export async function addActionItem(ctx: AppContext, actor: Actor, contractId: string, start: string, input: ActionItemInput) {
  const { c, row } = await meetingForItems(ctx, actor, contractId, start);
  await checkOwners(ctx, c, input);
  const id = await repo.insertActionItem(ctx.db, c.tenant_id, { meeting_id: row.id, title: input.title, owner_user_id: input.ownerUserId ?? null, owner_contact_id: input.ownerContactId ?? null, due_on: input.dueOn ?? null });
  return itemView(ctx, c.tenant_id, row.id, id);
}

export async function patchActionItem(ctx: AppContext, actor: Actor, contractId: string, start: string, itemId: string, patch: ActionItemPatch) {
  const { c, row } = await meetingForItems(ctx, actor, contractId, start);
  const current = (await repo.actionItemsOf(ctx.db, c.tenant_id, row.id)).find((x) => x.id === itemId);
  if (!current) throw notFound('Action item');
  // Setting one kind of owner clears the other: an item has one owner.
  const ownerUserId = patch.ownerUserId !== undefined ? patch.ownerUserId : patch.ownerContactId ? null : current.owner_user_id;
  const ownerContactId = patch.ownerContactId !== undefined ? patch.ownerContactId : patch.ownerUserId ? null : current.owner_contact_id;
  await checkOwners(ctx, c, { ownerUserId, ownerContactId });
  await repo.updateActionItem(ctx.db, c.tenant_id, row.id, itemId, {
    ...(patch.title === undefined ? {} : { title: patch.title }),
    owner_user_id: ownerUserId,
    owner_contact_id: ownerContactId,
    ...(patch.dueOn === undefined ? {} : { due_on: patch.dueOn }),
    ...(patch.done === undefined ? {} : { done_at: patch.done ? (current.done_at ?? ctx.now()) : null }),
  });
  return itemView(ctx, c.tenant_id, row.id, itemId);
}

/** A ticket of the client from the action item, linked to it; 409 when the item has one already. */
export async function actionItemTicket(ctx: AppContext, actor: Actor, contractId: string, start: string, itemId: string) {
  const { c, o, row } = await meetingForItems(ctx, actor, contractId, start);
  const item = (await repo.actionItemsOf(ctx.db, c.tenant_id, row.id)).find((x) => x.id === itemId);
  if (!item) throw notFound('Action item');
  if (item.ticket_id) throw conflict(`This action item is already ticket ${reference(item.ticket_number ?? 0)}`);
  const ticket = await createTicket(ctx, actor, {
    clientId: c.client_id,
    subject: item.title,
    description: `Action item from the service review of ${when(o.cadence.time_zone, row.starts_at)} (${c.name}).${item.due_on ? `\nDue on ${item.due_on}.` : ''}${item.owner_user_name || item.owner_contact_name ? `\nOwner: ${item.owner_user_name ?? item.owner_contact_name}.` : ''}`,
    ...(item.owner_contact_id ? { requesterContactId: item.owner_contact_id } : {}),
  });
  if (!(await repo.linkTicket(ctx.db, c.tenant_id, itemId, ticket.id))) throw conflict('This action item was turned into a ticket by someone else a moment ago');
  return itemView(ctx, c.tenant_id, row.id, itemId);
}

