import type { Db } from '../db/database';

export type OutgoingEmail = { tenantId: string; to: string; subject: string; text: string; html?: string | null; kind: string };

/**
 * Queues an e-mail. Call it inside the transaction that causes the e-mail, so the message is
 * sent if and only if the change commits; the deliverer sends it afterwards.
 */
export async function enqueueEmail(db: Db, m: OutgoingEmail): Promise<string> {
  const row = await db
    .insertInto('outbox_emails')
    .values({ tenant_id: m.tenantId, to_address: m.to, subject: m.subject, body_text: m.text, body_html: m.html ?? null, kind: m.kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
