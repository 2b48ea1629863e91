import type { Db } from '../db/database';
import './mail-schema';
import { enqueueEmail } from './outbox';
import { subjectWithToken } from './inbound/thread-token';

/**
 * The Message-IDs of a ticket's conversation, oldest first: mail received into it, comments that
 * came by mail, and mail we sent about it. The last is what a new message answers (In-Reply-To);
 * all of them (up to a sensible number) go in References, so every mail program threads it.
 */
export async function ticketThreadIds(db: Db, tenantId: string, ticketId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('inbound_emails')
    .select(['message_id', 'received_at as at'])
    .where('tenant_id', '=', tenantId)
    .where('ticket_id', '=', ticketId)
    .where('outcome', 'in', ['ticket', 'comment'])
    .unionAll(
      db
        .selectFrom('ticket_comments')
        .select(['message_id', 'created_at as at'])
        .where('tenant_id', '=', tenantId)
        .where('ticket_id', '=', ticketId)
        .where('message_id', 'is not', null)
        .$narrowType<{ message_id: string }>(),
    )
    .unionAll(
      db
        .selectFrom('outbox_emails')
        .select(['message_id', 'created_at as at'])
        .where('tenant_id', '=', tenantId)
        .where('ticket_id', '=', ticketId)
        .where('message_id', 'is not', null)
        .$narrowType<{ message_id: string }>(),
    )
    .orderBy('at')
    .execute();
  const ids: string[] = [];
  for (const r of rows) if (r.message_id && !ids.includes(r.message_id)) ids.push(r.message_id);
  return ids;
}

export type TicketEmail = {
  tenantId: string;
  ticket: { id: string; number: number; subject: string };
  to: string;
  text: string;
  html?: string | null;
  kind: string;
  // the address replies should go to: the tenant's support address when it has one
  replyTo?: string | null;
  // the Message-ID to send under; the transport makes one when absent
  messageId?: string | null;
};

/**
 * Queues an e-mail about a ticket so that the answer comes back into it: "[T-n]" in the subject,
 * In-Reply-To and References from the ticket's conversation, Reply-To the support address.
 */
export async function enqueueTicketEmail(db: Db, m: TicketEmail): Promise<string> {
  const thread = await ticketThreadIds(db, m.tenantId, m.ticket.id);
  let replyTo = m.replyTo;
  if (replyTo === undefined) {
    const tenant = await db.selectFrom('tenants').select('support_address').where('id', '=', m.tenantId).executeTakeFirst();
    replyTo = tenant?.support_address ?? null;
  }
  return enqueueEmail(db, {
    tenantId: m.tenantId,
    to: m.to,
    subject: subjectWithToken(m.ticket.number, m.ticket.subject),
    text: m.text,
    html: m.html ?? null,
    kind: m.kind,
    ticketId: m.ticket.id,
    messageId: m.messageId ?? null,
    inReplyTo: thread.length > 0 ? thread[thread.length - 1]! : null,
    references: thread.slice(-20),
    replyTo,
  });
}
