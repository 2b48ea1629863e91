import type { Db } from '../db/database';
import './mail-schema';

export type OutgoingEmail = {
  tenantId: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  kind: string;
  // Threading (all optional): the ticket the message belongs to, its own Message-ID ("<id@host>";
  // the transport makes one when absent), the Message-ID it answers and the thread's ids.
  ticketId?: string | null;
  messageId?: string | null;
  inReplyTo?: string | null;
  references?: string[] | null;
  replyTo?: string | null;
  // Files sent with the message, in this order (e.g. an executive summary's PDF).
  attachments?: OutboxAttachment[];
  // An https URL the recipient's mail program offers as "unsubscribe" (RFC 2369), sent with
  // List-Unsubscribe-Post so one click unsubscribes without opening a page (RFC 8058).
  listUnsubscribe?: string | null;
};

export type OutboxAttachment = { filename: string; contentType: string; content: Buffer };

/**
 * Queues an e-mail. Call it inside the transaction that causes the e-mail, so the message is
 * sent if and only if the change commits; the deliverer sends it afterwards.
 */
export async function enqueueEmail(db: Db, m: OutgoingEmail): Promise<string> {
  const row = await db
    .insertInto('outbox_emails')
    .values({
      tenant_id: m.tenantId,
      to_address: m.to,
      subject: m.subject,
      body_text: m.text,
      body_html: m.html ?? null,
      kind: m.kind,
      ticket_id: m.ticketId ?? null,
      message_id: m.messageId ?? null,
      in_reply_to: m.inReplyTo ?? null,
      references_header: m.references && m.references.length > 0 ? m.references.join(' ') : null,
      reply_to: m.replyTo ?? null,
      list_unsubscribe: m.listUnsubscribe ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const attachments = m.attachments ?? [];
  if (attachments.length > 0) {
    await db
      .insertInto('outbox_attachments')
      .values(
        attachments.map((a, position) => ({
          tenant_id: m.tenantId,
          email_id: row.id,
          position,
          filename: a.filename,
          content_type: a.contentType,
          content: a.content,
        })),
      )
      .execute();
  }
  return row.id;
}
