import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { AppError } from '../../errors';
import type { AppContext } from '../../http/context';
import '../mail-schema';
import type { InboundAttachment, InboundMessage } from './message';
import type { DeliveryOutcome, Mailbox } from './smtp-listener';

export type EmailSender = { address: string; name: string };
export type SenderContact = { id: string; clientId: string; name: string; email: string; userId: string | null };

export type NewTicketFromEmail = {
  tenantId: string;
  // null for an unknown sender: the ticket goes to triage (flagged `triage`) for staff to sort
  contact: SenderContact | null;
  triage: boolean;
  from: EmailSender;
  subject: string;
  description: string;
  descriptionHtml: string | null;
  messageId: string;
  attachments: InboundAttachment[];
};

export type CommentFromEmail = {
  tenantId: string;
  ticketId: string;
  contact: SenderContact | null;
  from: EmailSender;
  body: string;
  bodyHtml: string | null;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  attachments: InboundAttachment[];
};

/** What inbound mail needs from the ticket core; ticket-inbox.ts adapts the tickets module. */
export interface TicketInbox {
  createTicketFromEmail(ctx: AppContext, input: NewTicketFromEmail): Promise<{ id: string; number: number }>;
  // A public comment from the sender on the ticket.
  addCommentFromEmail(ctx: AppContext, input: CommentFromEmail): Promise<{ id: string }>;
}

/** The tenant whose support address this is (case-insensitive), or null. */
export async function findMailbox(db: Db, address: string): Promise<Mailbox | null> {
  const row = await db
    .selectFrom('tenants')
    .select(['id', 'support_address', 'unknown_senders'])
    .where(sql<string>`lower(support_address)`, '=', address.trim().toLowerCase())
    .executeTakeFirst();
  return row && row.support_address ? { tenantId: row.id, address: row.support_address, unknownSenders: row.unknown_senders } : null;
}

export async function findSenderContact(db: Db, tenantId: string, address: string): Promise<SenderContact | null> {
  const row = await db
    .selectFrom('contacts')
    .innerJoin('clients', (j) => j.onRef('clients.tenant_id', '=', 'contacts.tenant_id').onRef('clients.id', '=', 'contacts.client_id'))
    .select(['contacts.id', 'contacts.client_id', 'contacts.name', 'contacts.email', 'contacts.user_id'])
    .where('contacts.tenant_id', '=', tenantId)
    .where(sql<string>`lower(contacts.email)`, '=', address.toLowerCase())
    // an active client's contact first, then the oldest: one address, one deterministic answer
    .orderBy(sql`case when clients.status = 'active' then 0 else 1 end`)
    .orderBy('contacts.created_at')
    .executeTakeFirst();
  return row ? { id: row.id, clientId: row.client_id, name: row.name, email: row.email, userId: row.user_id } : null;
}

type ThreadTicket = { id: string; clientId: string; number: number };

/**
 * The ticket a reply belongs to: by the Message-IDs it answers (ours sent from the outbox, mails
 * received before, comments), then by the [T-n] token in its subject.
 */
export async function findThreadTicket(db: Db, tenantId: string, message: Pick<InboundMessage, 'referencedIds' | 'ticketNumber'>): Promise<ThreadTicket | null> {
  const ids = message.referencedIds;
  if (ids.length > 0) {
    const hits = await db
      .selectFrom('outbox_emails')
      .select(['ticket_id', 'message_id'])
      .where('tenant_id', '=', tenantId)
      .where('message_id', 'in', ids)
      .where('ticket_id', 'is not', null)
      .unionAll(
        db.selectFrom('inbound_emails').select(['ticket_id', 'message_id']).where('tenant_id', '=', tenantId).where('message_id', 'in', ids).where('ticket_id', 'is not', null),
      )
      .unionAll(db.selectFrom('ticket_comments').select(['ticket_id', 'message_id']).where('tenant_id', '=', tenantId).where('message_id', 'in', ids))
      .execute();
    // the most specific reference (In-Reply-To) wins
    for (const id of ids) {
      const hit = hits.find((h) => h.message_id === id && h.ticket_id);
      if (hit?.ticket_id) {
        const t = await db.selectFrom('tickets').select(['id', 'client_id', 'number']).where('tenant_id', '=', tenantId).where('id', '=', hit.ticket_id).executeTakeFirst();
        if (t) return { id: t.id, clientId: t.client_id, number: t.number };
      }
    }
  }
  if (message.ticketNumber !== null) {
    const t = await db.selectFrom('tickets').select(['id', 'client_id', 'number']).where('tenant_id', '=', tenantId).where('number', '=', message.ticketNumber).executeTakeFirst();
    if (t) return { id: t.id, clientId: t.client_id, number: t.number };
  }
  return null;
}

/**
 * Whether this sender may add to the ticket: a contact of the ticket's client, or an address the
 * ticket's conversation already includes (an unknown sender's triage ticket). A token in a
 * subject is easy to guess, so without this anyone could write into any client's ticket.
 */
async function mayReply(db: Db, tenantId: string, ticket: ThreadTicket, sender: string, contact: SenderContact | null): Promise<boolean> {
  if (contact && contact.clientId === ticket.clientId) return true;
  const known = await db
    .selectFrom('outbox_emails')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('ticket_id', '=', ticket.id)
    .where(sql<string>`lower(to_address)`, '=', sender)
    .unionAll(db.selectFrom('inbound_emails').select('id').where('tenant_id', '=', tenantId).where('ticket_id', '=', ticket.id).where('from_address', '=', sender))
    .limit(1)
    .execute();
  return known.length > 0;
}

async function record(db: Db, tenantId: string, message: InboundMessage, outcome: 'ticket' | 'comment' | 'ignored', ticketId: string | null): Promise<void> {
  await db
    .insertInto('inbound_emails')
    .values({ tenant_id: tenantId, message_id: message.messageId, from_address: message.from?.address ?? message.envelopeFrom ?? '', subject: message.subject.slice(0, 1000), outcome, ticket_id: ticketId })
    .onConflict((oc) => oc.columns(['tenant_id', 'message_id']).doNothing())
    .execute();
}

/**
 * Delivers one received message to one tenant: automatic mail is dropped; a message received
 * before is not delivered again; a reply the sender may make becomes a public comment on its
 * ticket (quoted history stripped); anything else becomes a new ticket for the sender's contact,
 * or, from an unknown sender, a triage ticket or a refusal, as the tenant chose.
 */
export async function deliverInbound(ctx: AppContext, inbox: TicketInbox, message: InboundMessage, mailbox: Mailbox): Promise<DeliveryOutcome> {
  const { db } = ctx;
  const tenantId = mailbox.tenantId;
  const seen = await db.selectFrom('inbound_emails').select(['ticket_id']).where('tenant_id', '=', tenantId).where('message_id', '=', message.messageId).executeTakeFirst();
  if (seen) return { kind: 'duplicate', tenantId, ticketId: seen.ticket_id };
  if (message.automatic.automatic) {
    await record(db, tenantId, message, 'ignored', null);
    return { kind: 'ignored', tenantId, reason: message.automatic.reason };
  }
  const sender = message.from?.address ?? message.envelopeFrom?.toLowerCase() ?? null;
  if (!sender) return { kind: 'refused', tenantId, responseCode: 550, message: '5.1.7 The message has no sender address' };
  if (sender === mailbox.address.toLowerCase()) {
    // our own address as sender: a loop through a forwarder, never a person
    await record(db, tenantId, message, 'ignored', null);
    return { kind: 'ignored', tenantId, reason: 'sent from the support address itself' };
  }
  const from: EmailSender = { address: sender, name: message.from?.name || sender };
  const contact = await findSenderContact(db, tenantId, sender);

  const thread = await findThreadTicket(db, tenantId, message);
  if (thread && (await mayReply(db, tenantId, thread, sender, contact))) {
    try {
      const comment = await inbox.addCommentFromEmail(ctx, {
        tenantId,
        ticketId: thread.id,
        contact,
        from,
        body: message.replyText,
        bodyHtml: message.replyHtml,
        messageId: message.messageId,
        inReplyTo: message.inReplyTo,
        references: message.references,
        attachments: message.attachments,
      });
      await record(db, tenantId, message, 'comment', thread.id);
      return { kind: 'comment', tenantId, ticketId: thread.id, commentId: comment.id };
    } catch (error) {
      // e.g. a closed ticket whose tenant refuses comments on closed tickets: the sender hears why
      if (error instanceof AppError && error.status < 500) return { kind: 'refused', tenantId, responseCode: 550, message: `5.7.1 T-${thread.number}: ${error.message}` };
      throw error;
    }
  }

  if (!contact && mailbox.unknownSenders === 'refuse') {
    return { kind: 'refused', tenantId, responseCode: 550, message: `5.7.1 <${sender}> is not a known contact of this service desk` };
  }
  const ticket = await inbox.createTicketFromEmail(ctx, {
    tenantId,
    contact,
    triage: !contact,
    from,
    subject: message.cleanSubject,
    description: message.text,
    descriptionHtml: message.html,
    messageId: message.messageId,
    attachments: message.attachments,
  });
  await record(db, tenantId, message, 'ticket', ticket.id);
  return { kind: 'ticket', tenantId, ticketId: ticket.id, number: ticket.number };
}
