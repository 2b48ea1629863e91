import { randomUUID } from 'node:crypto';
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
  const [id] = await enqueueEmails(db, [m]);
  return id!;
}

const BULK_CHUNK = 500;

/**
 * Queues many e-mails at once (an announcement to hundreds of contacts): the same as calling
 * enqueueEmail for each, in a few multi-row statements. Returns the ids in the order given.
 */
export async function enqueueEmails(db: Db, messages: readonly OutgoingEmail[]): Promise<string[]> {
  // Ids made here, so each message knows its row without relying on the order of RETURNING.
  const ids = messages.map(() => randomUUID());
  for (let i = 0; i < messages.length; i += BULK_CHUNK) {
    const chunk = messages.slice(i, i + BULK_CHUNK);
    await db
      .insertInto('outbox_emails')
      .values(
        chunk.map((m, j) => ({
          tenant_id: m.tenantId,
          id: ids[i + j]!,
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
        })),
      )
      .execute();
  }
  const attachments = messages.flatMap((m, i) =>
    (m.attachments ?? []).map((a, position) => ({ tenant_id: m.tenantId, email_id: ids[i]!, position, filename: a.filename, content_type: a.contentType, content: a.content })),
  );
  for (let i = 0; i < attachments.length; i += 50) await db.insertInto('outbox_attachments').values(attachments.slice(i, i + 50)).execute();
  return ids;
}
