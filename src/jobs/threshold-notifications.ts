import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { ClockName } from '../db/schema';

/** One threshold of one clock that has been crossed (50/75/90 % warn, 100 % breaches). */
export type Crossing = { clock: ClockName; percent: number; at: Date; dueAt: Date };

/** What the messages say about the ticket, and who it is assigned to. */
export type TicketFacts = {
  tenantId: string;
  id: string;
  number: number;
  subject: string;
  assigneeId: string | null;
  clientName: string;
  timeZone: string;
};

export type Recipient = { id: string; email: string; name: string };

const CLOCK_WORDS: Record<ClockName, string> = { first_response: 'first response', resolution: 'resolution' };

export const isBreach = (percent: number) => percent >= 100;

/**
 * The key of one threshold of one clock under one target generation. The first recipient's row
 * carries it as its dedupe key, so the database admits each threshold once, whoever evaluates it
 * (two processes, a retry, a late start); further recipients' rows add their user id.
 */
export function thresholdKey(ticketId: string, clock: ClockName, percent: number, generation: number): string {
  return `${ticketId}:${clock}:${percent}:${generation}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatInZone(at: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' });
    } catch {
      f = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' });
      timeZone = 'UTC';
    }
    formatters.set(timeZone, f);
  }
  return `${f.format(at)} (${timeZone})`;
}

export function notificationText(ticket: TicketFacts, c: Crossing): { kind: string; title: string; body: string } {
  const ref = `T-${ticket.number}`;
  const clock = CLOCK_WORDS[c.clock];
  const due = formatInZone(c.dueAt, ticket.timeZone);
  if (isBreach(c.percent)) {
    return { kind: 'clock_breach', title: `${ref} breached its ${clock} target`, body: `${ticket.subject}: the ${clock} was due ${due}.` };
  }
  return { kind: 'clock_warning', title: `${ref}: ${c.percent} % of the ${clock} time used`, body: `${ticket.subject}: the ${clock} is due ${due}.` };
}

export function thresholdEmail(ticket: TicketFacts, c: Crossing, recipient: Recipient, publicUrl: string): { subject: string; text: string } {
  const ref = `T-${ticket.number}`;
  const clock = CLOCK_WORDS[c.clock];
  const due = formatInZone(c.dueAt, ticket.timeZone);
  const link = `${publicUrl}/tickets/${ticket.id}`;
  if (isBreach(c.percent)) {
    return {
      subject: `[${ref}] Breached: ${clock} target for "${ticket.subject}"`,
      text:
        `Hello ${recipient.name},\n\n` +
        `Ticket ${ref} for ${ticket.clientName}, "${ticket.subject}", has breached its ${clock} target.\n` +
        `It was due ${due}.\n\n` +
        `Open the ticket: ${link}\n`,
    };
  }
  return {
    subject: `[${ref}] ${c.percent} % of the ${clock} time used: "${ticket.subject}"`,
    text:
      `Hello ${recipient.name},\n\n` +
      `Ticket ${ref} for ${ticket.clientName}, "${ticket.subject}", has used ${c.percent} % of its ${clock} time.\n` +
      `The ${clock} is due ${due}.\n\n` +
      `Open the ticket: ${link}\n`,
  };
}

/** Who a tenant's warnings go to when a ticket has no (active) assignee, and who hears of breaches. */
type TenantDirectory = { fallback: Recipient[]; escalation: Recipient | null; assignees: Map<string, Recipient> };

/**
 * The recipients of a threshold: the assignee (if active), or else the tenant's active
 * dispatchers, or else its owners and admins; a breach also goes to the tenant's escalation
 * user. The assignee (or first dispatcher) comes first: that row claims the threshold.
 */
export function recipientsOf(dir: TenantDirectory, assigneeId: string | null, breach: boolean): Recipient[] {
  const assignee = assigneeId ? dir.assignees.get(assigneeId) : undefined;
  const out = assignee ? [assignee] : [...dir.fallback];
  if (breach && dir.escalation && !out.some((r) => r.id === dir.escalation!.id)) out.push(dir.escalation);
  return out;
}

async function loadDirectories(db: Db, tickets: readonly TicketFacts[]): Promise<Map<string, TenantDirectory>> {
  const tenantIds = [...new Set(tickets.map((t) => t.tenantId))];
  const assigneeIds = [...new Set(tickets.flatMap((t) => (t.assigneeId ? [t.assigneeId] : [])))];
  const dirs = new Map<string, TenantDirectory>();
  if (tenantIds.length === 0) return dirs;
  for (const id of tenantIds) dirs.set(id, { fallback: [], escalation: null, assignees: new Map() });
  const staff = await db
    .selectFrom('users')
    .select(['tenant_id', 'id', 'email', 'name', 'role'])
    .where('tenant_id', 'in', tenantIds)
    .where('status', '=', 'active')
    .where('role', 'in', ['dispatcher', 'owner', 'admin'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const id of tenantIds) {
    const mine = staff.filter((u) => u.tenant_id === id);
    const dispatchers = mine.filter((u) => u.role === 'dispatcher');
    dirs.get(id)!.fallback = (dispatchers.length > 0 ? dispatchers : mine).map(({ id: userId, email, name }) => ({ id: userId, email, name }));
  }
  const esc = await db
    .selectFrom('tenants as t')
    .innerJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 't.id').onRef('u.id', '=', 't.escalation_user_id'))
    .select(['t.id as tenant_id', 'u.id', 'u.email', 'u.name'])
    .where('t.id', 'in', tenantIds)
    .where('u.status', '=', 'active')
    .execute();
  for (const e of esc) dirs.get(e.tenant_id)!.escalation = { id: e.id, email: e.email, name: e.name };
  if (assigneeIds.length > 0) {
    const assignees = await db.selectFrom('users').select(['tenant_id', 'id', 'email', 'name']).where('tenant_id', 'in', tenantIds).where('id', 'in', assigneeIds).where('status', '=', 'active').execute();
    for (const a of assignees) dirs.get(a.tenant_id)!.assignees.set(a.id, { id: a.id, email: a.email, name: a.name });
  }
  return dirs;
}

/** The tickets as the messages describe them; the zone is the ticket's site's, else the client's main site's, else `fallbackZones`' (the clock calendar's). */
export async function loadTicketFacts(db: Db, refs: ReadonlyArray<{ tenantId: string; ticketId: string }>, fallbackZones: ReadonlyMap<string, string>): Promise<Map<string, TicketFacts>> {
  const out = new Map<string, TicketFacts>();
  if (refs.length === 0) return out;
  const rows = await db
    .selectFrom('tickets as t')
    .innerJoin('clients as c', (j) => j.onRef('c.tenant_id', '=', 't.tenant_id').onRef('c.id', '=', 't.client_id'))
    .leftJoin('sites as s', (j) => j.onRef('s.tenant_id', '=', 't.tenant_id').onRef('s.id', '=', 't.site_id'))
    .select(['t.tenant_id', 't.id', 't.number', 't.subject', 't.assignee_id', 'c.name as client_name', 's.time_zone as site_zone'])
    .select(sql<string | null>`(select m.time_zone from sites m where m.tenant_id = t.tenant_id and m.client_id = t.client_id order by m.is_main desc, m.created_at limit 1)`.as('main_zone'))
    .where('t.tenant_id', '=', sql<string>`any(${[...new Set(refs.map((r) => r.tenantId))]}::uuid[])`)
    .where('t.id', '=', sql<string>`any(${refs.map((r) => r.ticketId)}::uuid[])`)
    .execute();
  for (const r of rows) {
    out.set(r.id, {
      tenantId: r.tenant_id,
      id: r.id,
      number: r.number,
      subject: r.subject,
      assigneeId: r.assignee_id,
      clientName: r.client_name,
      timeZone: r.site_zone ?? r.main_zone ?? fallbackZones.get(r.id) ?? 'UTC',
    });
  }
  return out;
}

export type TicketCrossings = { ticket: TicketFacts; generation: number; crossings: readonly Crossing[] };

type NotificationInsert = {
  tenant_id: string;
  user_id: string;
  ticket_id: string;
  kind: string;
  clock: ClockName;
  percent: number;
  title: string;
  body: string;
  dedupe_key: string;
};

// One statement per chunk, the rows as one JSON parameter (no parameter-count limit).
async function insertNotificationsOnce(db: Db, rows: readonly NotificationInsert[]): Promise<Array<{ dedupe_key: string; tenant_id: string }>> {
  const out: Array<{ dedupe_key: string; tenant_id: string }> = [];
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    const r = await sql<{ dedupe_key: string; tenant_id: string }>`
      insert into notifications (tenant_id, user_id, ticket_id, kind, clock, percent, title, body, dedupe_key)
      select tenant_id, user_id, ticket_id, kind, clock, percent, title, body, dedupe_key
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
        as x(tenant_id uuid, user_id uuid, ticket_id uuid, kind text, clock text, percent numeric, title text, body text, dedupe_key text)
      on conflict (tenant_id, dedupe_key) do nothing
      returning dedupe_key, tenant_id::text`.execute(db);
    out.push(...r.rows);
  }
  return out;
}

type EmailInsert = { tenant_id: string; to_address: string; subject: string; body_text: string; kind: string };

// The outbox row enqueueEmail (src/mail/outbox.ts) writes, many at once; the deliverer sends them.
async function enqueueEmails(db: Db, rows: readonly EmailInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    await sql`
      insert into outbox_emails (tenant_id, to_address, subject, body_text, kind)
      select tenant_id, to_address, subject, body_text, kind
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(tenant_id uuid, to_address text, subject text, body_text text, kind text)`.execute(db);
  }
}

/**
 * Records the crossings as notifications, each threshold exactly once, and queues an e-mail for
 * every new notification. The first recipient's row claims the threshold (its dedupe key is the
 * threshold key); only thresholds claimed by this call notify their further recipients, so a
 * second evaluation adds nothing even if the assignee changed in between. Call inside the
 * transaction that evaluated the clocks: the e-mails are queued if and only if the notifications
 * commit. Returns the number of new notifications.
 */
export async function notifyCrossings(db: Db, items: readonly TicketCrossings[], publicUrl: string): Promise<number> {
  const withCrossings = items.filter((i) => i.crossings.length > 0);
  if (withCrossings.length === 0) return 0;
  const dirs = await loadDirectories(
    db,
    withCrossings.map((i) => i.ticket),
  );
  type Pending = { item: TicketCrossings; crossing: Crossing; recipients: Recipient[]; key: string; text: ReturnType<typeof notificationText> };
  const pending: Pending[] = [];
  for (const item of withCrossings) {
    const dir = dirs.get(item.ticket.tenantId)!;
    for (const c of item.crossings) {
      const recipients = recipientsOf(dir, item.ticket.assigneeId, isBreach(c.percent));
      if (recipients.length === 0) continue;
      pending.push({ item, crossing: c, recipients, key: thresholdKey(item.ticket.id, c.clock, c.percent, item.generation), text: notificationText(item.ticket, c) });
    }
  }
  const row = (p: Pending, r: Recipient, dedupeKey: string): NotificationInsert => ({
    tenant_id: p.item.ticket.tenantId,
    user_id: r.id,
    ticket_id: p.item.ticket.id,
    kind: p.text.kind,
    clock: p.crossing.clock,
    percent: p.crossing.percent,
    title: p.text.title,
    body: p.text.body,
    dedupe_key: dedupeKey,
  });
  const claimed = new Set((await insertNotificationsOnce(db, pending.map((p) => row(p, p.recipients[0]!, p.key)))).map((r) => `${r.tenant_id}/${r.dedupe_key}`));
  const won = pending.filter((p) => claimed.has(`${p.item.ticket.tenantId}/${p.key}`));
  const extra = won.flatMap((p) => p.recipients.slice(1).map((r) => row(p, r, `${p.key}:${r.id}`)));
  const extraNew = new Set((await insertNotificationsOnce(db, extra)).map((r) => `${r.tenant_id}/${r.dedupe_key}`));
  const emails: EmailInsert[] = [];
  for (const p of won) {
    p.recipients.forEach((r, i) => {
      if (i > 0 && !extraNew.has(`${p.item.ticket.tenantId}/${p.key}:${r.id}`)) return;
      const mail = thresholdEmail(p.item.ticket, p.crossing, r, publicUrl);
      emails.push({ tenant_id: p.item.ticket.tenantId, to_address: r.email, subject: mail.subject, body_text: mail.text, kind: p.text.kind });
    });
  }
  await enqueueEmails(db, emails);
  return emails.length;
}
