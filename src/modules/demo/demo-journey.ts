/**
 * The demo's story of one client relationship, so a newcomer sees the journey and problems with
 * data behind them: Contoso's tickets over the last nine months with their satisfaction answers,
 * three quarters of NPS answers, a recurring printer fault at the Basel lab turned into a
 * problem (root cause, workaround, plan with milestones, estimated cost), and three stage
 * changes with evidence: onboarding pain points, easy wins, old intractables. Dates are relative
 * to the day of seeding. Written once: a client that already has a journey is left alone.
 */
import { sql } from 'kysely';
import type { StaffActor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { quarterKeyOf } from '../../domain/satisfaction/journey-suggestions';
import type { JourneyEvidence, JourneyStage } from '../../domain/satisfaction/satisfaction-types';
import { insertChange } from '../journey/journey.repository';
import { insertProblem, linkTickets, nextProblemNumber, replaceMilestones } from '../problems/problems.repository';
import { insertEvents } from '../tickets/tickets.repository';
import { addComment, createTicket, updateTicket } from '../tickets/tickets.service';

const DAY_MS = 86_400_000;

type DemoTicket = { daysAgo: number; subject: string; site: string; resolvedAfterHours: number | null; rating: number | null; tags?: string[]; printer?: boolean };

// Ratings are on the five-point scale: a rough start, better months, then the printer fault drags.
const TICKETS: DemoTicket[] = [
  { daysAgo: 265, subject: 'Nobody knows the lab Wi-Fi admin password', site: 'Berlin headquarters', resolvedAfterHours: 30, rating: 2 },
  { daysAgo: 258, subject: 'Shared mailbox for the sales team is missing', site: 'New York sales office', resolvedAfterHours: 50, rating: 2 },
  { daysAgo: 240, subject: 'VPN drops every hour for home workers', site: 'Berlin headquarters', resolvedAfterHours: 70, rating: 3 },
  { daysAgo: 225, subject: 'Outlook keeps asking for the password', site: 'Berlin headquarters', resolvedAfterHours: 3, rating: 4 },
  { daysAgo: 205, subject: 'New starter needs a laptop by Monday', site: 'Berlin headquarters', resolvedAfterHours: 20, rating: 5 },
  { daysAgo: 196, subject: 'Meeting room screen does not find laptops', site: 'Berlin headquarters', resolvedAfterHours: 6, rating: 5 },
  { daysAgo: 170, subject: 'How do I share a calendar with an assistant?', site: 'New York sales office', resolvedAfterHours: 2, rating: 5, tags: ['how-to'] },
  { daysAgo: 150, subject: 'Backup report shows a failed job on the file server', site: 'Berlin headquarters', resolvedAfterHours: 8, rating: 4 },
  { daysAgo: 128, subject: 'Set up MFA for the finance team', site: 'Berlin headquarters', resolvedAfterHours: 24, rating: 5, tags: ['security', 'mfa'] },
  { daysAgo: 110, subject: 'Microscope PC cannot reach the lab share', site: 'Basel research lab', resolvedAfterHours: 10, rating: 4 },
  { daysAgo: 84, subject: 'Label printer in lab 2 offline', site: 'Basel research lab', resolvedAfterHours: 5, rating: 3, printer: true },
  { daysAgo: 63, subject: 'Label printer offline again, samples cannot be labelled', site: 'Basel research lab', resolvedAfterHours: 7, rating: 2, printer: true },
  { daysAgo: 41, subject: 'Lab 2 printer drops off the network every morning', site: 'Basel research lab', resolvedAfterHours: 4, rating: 2, printer: true },
  { daysAgo: 33, subject: 'Phishing e-mail reported by reception', site: 'Berlin headquarters', resolvedAfterHours: 1, rating: 5, tags: ['security'] },
  { daysAgo: 12, subject: 'Label printer offline during the night shift', site: 'Basel research lab', resolvedAfterHours: null, rating: null, printer: true },
];

// Promoters, passives and detractors per quarter back from the current one (the current quarter
// is left to the NPS schedule).
const NPS: Array<{ quartersAgo: number; scores: number[] }> = [
  { quartersAgo: 3, scores: [6, 5, 7, 8, 3] },
  { quartersAgo: 2, scores: [9, 8, 7, 9, 6] },
  { quartersAgo: 1, scores: [9, 10, 8, 6, 7] },
];

const STAGES: Array<{ daysAgo: number; stage: JourneyStage; note: string; evidence: (refs: Refs) => JourneyEvidence[] }> = [
  {
    daysAgo: 270,
    stage: 'onboarding_pain_points',
    note: 'Took over from the previous provider: undocumented lab network, shared admin passwords, no backups checked. Ratings are low while we find our way.',
    evidence: (r) => [r.ticket(0), r.ticket(1), { kind: 'project', label: 'Onboarding: documentation and password vault', url: null }],
  },
  {
    daysAgo: 200,
    stage: 'easy_wins',
    note: 'Quick fixes landed: Outlook prompts gone, laptops ready on the first day, meeting rooms work. Clara Brandt thanked the team in the review.',
    evidence: (r) => [r.ticket(3), r.ticket(4), r.ticket(5)],
  },
  {
    daysAgo: 30,
    stage: 'old_intractables',
    note: 'The Basel lab label printers keep dropping off the network; it is hurting satisfaction. Agreed a plan with the client to replace the lab switch.',
    evidence: (r) => [r.problem, r.ticket(10), r.ticket(11), r.ticket(12)],
  },
];

type Refs = { ticket: (i: number) => JourneyEvidence; problem: JourneyEvidence };

export type DemoStoryStaff = { ownerId: string; managerId: string | null; dispatcher: StaffActor; technician: StaffActor | null };

export async function seedDemoJourney(ctx: AppContext, tenantId: string, clientName: string, staff: DemoStoryStaff, now: Date): Promise<boolean> {
  const db = ctx.db;
  const client = await db.selectFrom('clients').select('id').where('tenant_id', '=', tenantId).where('name', '=', clientName).executeTakeFirst();
  if (!client) return false;
  const known = await db.selectFrom('journey_stage_changes').select('id').where('tenant_id', '=', tenantId).where('client_id', '=', client.id).executeTakeFirst();
  if (known) return false;

  const sites = new Map((await db.selectFrom('sites').select(['id', 'name']).where('tenant_id', '=', tenantId).where('client_id', '=', client.id).execute()).map((s) => [s.name, s.id]));
  const requester = await db.selectFrom('contacts').select(['id', 'email']).where('tenant_id', '=', tenantId).where('client_id', '=', client.id).where('email', 'like', 'client.admin@%').executeTakeFirst();
  const printerItem = await db.selectFrom('catalog_items').select('id').where('tenant_id', '=', tenantId).where('category', '=', 'hardware').where('name', 'ilike', '%printer%').executeTakeFirst();
  const ago = (days: number, hour = 9) => {
    const d = new Date(now.getTime() - days * DAY_MS);
    d.setUTCHours(hour, 0, 0, 0);
    return d;
  };
  const at = (instant: Date): AppContext => ({ ...ctx, now: () => instant });
  const technician = staff.technician ?? staff.dispatcher;

  // Through the tickets service at the instants the story tells, so each ticket is held to the
  // contract in force then: targets, clocks and their events, as if it had happened.
  const tickets: Array<{ id: string; number: number; subject: string; site_id: string | null; priority: string }> = [];
  for (const t of TICKETS) {
    const createdAt = ago(t.daysAgo);
    const created = await createTicket(at(createdAt), staff.dispatcher, {
      clientId: client.id,
      siteId: sites.get(t.site),
      requesterContactId: requester?.id,
      catalogItemId: t.printer ? printerItem?.id : undefined,
      subject: t.subject,
      description: '',
      urgency: t.printer ? 'high' : 'medium',
      impact: t.printer ? 'team' : 'individual',
      tags: t.tags,
    });
    tickets.push({ id: created.id, number: created.number, subject: t.subject, site_id: sites.get(t.site) ?? null, priority: created.priority });
    const answeredAt = new Date(createdAt.getTime() + 40 * 60_000);
    await updateTicket(at(new Date(answeredAt.getTime() - 60_000)), staff.dispatcher, created.id, { assigneeId: technician.userId, status: 'in_progress' }, null);
    await addComment(at(answeredAt), technician, created.id, { body: 'Thanks, we are looking into it now.', public: true });
    if (t.resolvedAfterHours === null) continue;
    const resolvedAt = new Date(createdAt.getTime() + t.resolvedAfterHours * 3_600_000);
    await updateTicket(at(resolvedAt), technician, created.id, { status: 'resolved' }, null);
  }

  // The requester's answers to the satisfaction surveys of the resolved tickets.
  for (const [i, t] of TICKETS.entries()) {
    if (t.resolvedAfterHours === null || t.rating === null || !requester) continue;
    const ticket = tickets[i]!;
    const resolvedAt = new Date(ago(t.daysAgo).getTime() + t.resolvedAfterHours * 3_600_000);
    const respondedAt = new Date(resolvedAt.getTime() + 2 * 3_600_000);
    const answer = { scale: 'five' as const, rating: t.rating, score: t.rating, comment: t.rating <= 2 ? 'Still not fixed properly.' : '', responded_at: respondedAt, response_count: 1 };
    await db
      .insertInto('csat_surveys')
      .values({
        tenant_id: tenantId,
        ticket_id: ticket.id,
        client_id: client.id,
        site_id: ticket.site_id,
        recipient_email: requester.email,
        recipient_contact_id: requester.id,
        technician_id: technician.userId,
        category: t.printer ? 'hardware' : null,
        priority: ticket.priority,
        sent_at: resolvedAt,
        expires_at: new Date(resolvedAt.getTime() + 14 * DAY_MS),
        ...answer,
      })
      // Resolving may already have sent the survey: the answer goes onto it.
      .onConflict((oc) => oc.columns(['tenant_id', 'ticket_id']).doUpdateSet(answer))
      .execute();
  }

  // NPS rounds of past quarters with the client's contacts answering.
  const contacts = await db.selectFrom('contacts').select(['id', 'email']).where('tenant_id', '=', tenantId).where('client_id', '=', client.id).execute();
  for (const q of NPS) {
    const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3 * q.quartersAgo, 15, 9));
    const quarter = quarterKeyOf(at);
    const round = await sql<{ id: string }>`
      insert into nps_rounds (tenant_id, quarter_key, started_at, started_by, expires_at, recipient_count)
      values (${tenantId}, ${quarter}, ${at}, ${staff.ownerId}, ${new Date(at.getTime() + 45 * DAY_MS)}, ${q.scores.length})
      on conflict (tenant_id, quarter_key) do update set recipient_count = nps_rounds.recipient_count
      returning id`.execute(db);
    const roundId = round.rows[0]!.id;
    for (const [i, score] of q.scores.entries()) {
      // Contacts beyond the demo's few answer under an alias address: one survey per address per quarter.
      const contact = contacts[i];
      const email = contact ? contact.email : `colleague${i}@contoso-pharma.example`;
      await db
        .insertInto('nps_surveys')
        .values({ tenant_id: tenantId, round_id: roundId, quarter_key: quarter, client_id: client.id, contact_id: contact?.id ?? null, email, sent_at: at, expires_at: new Date(at.getTime() + 45 * DAY_MS), score, responded_at: new Date(at.getTime() + (i + 1) * DAY_MS) })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }

  // The recurring printer fault as a problem, with a plan the client agreed.
  const printerTickets = tickets.filter((_, i) => TICKETS[i]!.printer);
  const openedAt = ago(60, 14);
  const number = await nextProblemNumber(db, tenantId);
  const problemTitle = 'Basel lab label printers drop off the network';
  const problemId = await insertProblem(db, tenantId, {
    number,
    client_id: client.id,
    title: problemTitle,
    description: 'The label printers in lab 2 lose their network connection every few days, mostly in the morning; samples cannot be labelled until someone power-cycles them.',
    root_cause: 'The lab switch runs firmware with a known DHCP snooping fault; the printers lose their lease when it renews.',
    workaround: 'Power-cycle the printer, or print from the spare USB-connected printer in lab 1.',
    plan: 'Replace the lab switch with a supported model, move the printers to fixed addresses, and watch the network for a month before closing.',
    estimated_cost_minor: 480_000,
    currency: 'EUR',
    opened_at: openedAt,
    created_by: staff.managerId ?? staff.ownerId,
  });
  await db.updateTable('problems').set({ status: 'plan_agreed' }).where('tenant_id', '=', tenantId).where('id', '=', problemId).execute();
  const linked = await linkTickets(db, tenantId, problemId, printerTickets.map((t) => t.id), staff.managerId ?? staff.ownerId, openedAt);
  await insertEvents(db, tenantId, linked.map((ticketId) => ({ ticketId, type: 'problem_linked', at: openedAt, actorUserId: staff.managerId, actorLabel: 'Amira Haddad', data: { problemId, reference: `PRB-${number}`, title: problemTitle } })));
  const day = (days: number) => ago(days).toISOString().slice(0, 10);
  await replaceMilestones(db, tenantId, problemId, [
    { title: 'Confirm the root cause with the switch vendor', dueOn: day(45), doneOn: day(47) },
    { title: 'Client approves the quote for the new switch', dueOn: day(20), doneOn: day(18) },
    { title: 'Install the new switch in a lab maintenance window', dueOn: day(-10), doneOn: null },
    { title: 'Move the printers to fixed addresses', dueOn: day(-10), doneOn: null },
    { title: 'Watch for a month without dropouts, then close', dueOn: day(-40), doneOn: null },
  ]);

  const refs: Refs = {
    ticket: (i) => ({ kind: 'ticket', id: tickets[i]!.id, label: `T-${tickets[i]!.number} ${tickets[i]!.subject}` }),
    problem: { kind: 'problem', id: problemId, label: `PRB-${number} ${problemTitle}` },
  };
  for (const [i, s] of STAGES.entries()) {
    await insertChange(db, tenantId, { client_id: client.id, stage: s.stage, effective_on: day(s.daysAgo), note: s.note, evidence: s.evidence(refs), created_by: staff.managerId ?? staff.ownerId, created_at: new Date(ago(s.daysAgo, 16).getTime() + i) });
  }
  if (staff.managerId) await db.updateTable('clients').set({ account_manager_id: staff.managerId }).where('tenant_id', '=', tenantId).where('id', '=', client.id).execute();
  return true;
}
