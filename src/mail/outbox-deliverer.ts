import { sql } from 'kysely';
import type { Db } from '../db/database';
import './mail-schema';

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  kind: string;
  // Threading headers, present when the queued row carries them ("<id@host>" forms).
  messageId?: string | null;
  inReplyTo?: string | null;
  references?: string[];
  replyTo?: string | null;
  // In the order they were queued.
  attachments?: Array<{ filename: string; contentType: string; content: Buffer }>;
  // Sent as List-Unsubscribe with one-click List-Unsubscribe-Post.
  listUnsubscribe?: string | null;
};

/** What a transport reports back: the Message-ID it sent under, kept on the row for threading. */
export type SendResult = { messageId?: string } | void;

/** Anything that can send one message: the log transport, or SMTP (smtp-transport.ts). */
export interface MailTransport {
  send(msg: MailMessage): Promise<SendResult>;
}

type InfoLogger = { info(obj: object, msg?: string): void };

/** Writes each message to the log instead of sending it: development and first installs. */
export function logTransport(logger: InfoLogger): MailTransport {
  return {
    async send(msg) {
      logger.info({ mail: { to: msg.to, subject: msg.subject, kind: msg.kind, text: msg.text } }, `e-mail to ${msg.to}: ${msg.subject}`);
    },
  };
}

export const MAX_ATTEMPTS = 8;
const BATCH = 20;

export type DeliveryResult = { sent: number; failed: number };

// tenantId narrows delivery to one tenant's mail (a "send now" for one organisation, and tests).
export type DeliveryOptions = { batch?: number; tenantId?: string };

/**
 * Sends unsent e-mails, oldest first, one batch per call. A failure is recorded on the row
 * (attempts, last_error) and retried on later calls, after a back-off that doubles with each
 * attempt, until MAX_ATTEMPTS. One deliverer runs per server process; with several processes
 * a message can be sent twice in a race, which pg-boss will remove when the jobs move there.
 */
export async function deliverPendingEmails(db: Db, transport: MailTransport, now: Date, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  let q = db
    .selectFrom('outbox_emails')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('attempts', '<', MAX_ATTEMPTS)
    // retry after 2^attempts minutes since it was queued (0, 2, 4, 8 ... minutes)
    .where(sql<boolean>`created_at + (case when attempts = 0 then 0 else power(2, attempts) end) * interval '1 minute' <= ${now}`)
    .orderBy('created_at')
    .orderBy('id')
    .limit(options.batch ?? BATCH);
  if (options.tenantId) q = q.where('tenant_id', '=', options.tenantId);
  const rows = await q.execute();
  const result: DeliveryResult = { sent: 0, failed: 0 };
  for (const row of rows) {
    try {
      // Attachments are read per message, not with the batch, so a batch of large PDFs is not
      // all held in memory at once.
      const attachments = await db
        .selectFrom('outbox_attachments')
        .select(['filename', 'content_type', 'content'])
        .where('tenant_id', '=', row.tenant_id)
        .where('email_id', '=', row.id)
        .orderBy('position')
        .execute();
      const sent = await transport.send({
        to: row.to_address,
        subject: row.subject,
        text: row.body_text,
        html: row.body_html,
        kind: row.kind,
        messageId: row.message_id,
        inReplyTo: row.in_reply_to,
        references: row.references_header ? row.references_header.split(/\s+/).filter(Boolean) : [],
        replyTo: row.reply_to,
        attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.content_type, content: a.content })),
        listUnsubscribe: row.list_unsubscribe,
      });
      const messageId = row.message_id ?? (sent && sent.messageId ? sent.messageId : null);
      await db
        .updateTable('outbox_emails')
        .set((eb) => ({ sent_at: now, attempts: eb('attempts', '+', 1), last_error: null, message_id: messageId }))
        .where('tenant_id', '=', row.tenant_id)
        .where('id', '=', row.id)
        .execute();
      result.sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db
        .updateTable('outbox_emails')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: message.slice(0, 2000) }))
        .where('tenant_id', '=', row.tenant_id)
        .where('id', '=', row.id)
        .execute();
      result.failed++;
    }
  }
  return result;
}

/**
 * Delivers the outbox every `intervalMs` until the returned function is called; that function
 * resolves once a delivery in progress has finished, so shutdown does not cut a send short.
 */
export function startOutboxDelivery(
  db: Db,
  transport: MailTransport,
  intervalMs: number,
  options: { now?: () => Date; onError?: (error: unknown) => void } & DeliveryOptions = {},
): () => Promise<void> {
  const now = options.now ?? (() => new Date());
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = deliverPendingEmails(db, transport, now(), { batch: options.batch, tenantId: options.tenantId })
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    if (running) await running;
  };
}
