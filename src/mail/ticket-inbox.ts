import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { AppContext } from '../http/context';
import { insertClient } from '../modules/clients/clients.repository';
import { updateTicket } from '../modules/tickets/tickets.repository';
import { addCommentFromEmail, ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, createTicketFromEmail } from '../modules/tickets/tickets.service';
import type { TicketInbox } from './inbound/deliver';
import type { InboundAttachment } from './inbound/message';

export const TRIAGE_CLIENT_CODE = 'EMAIL-TRIAGE';

/**
 * The client that holds unknown senders' tickets until staff move them to the right client (a
 * ticket always has a client). Created on first use, found again by its code.
 */
export async function triageClientId(db: Db, tenantId: string): Promise<string> {
  const find = () => db.selectFrom('clients').select('id').where('tenant_id', '=', tenantId).where(sql<string>`lower(code)`, '=', TRIAGE_CLIENT_CODE.toLowerCase()).executeTakeFirst();
  const found = await find();
  if (found) return found.id;
  try {
    return (await insertClient(db, tenantId, { name: 'E-mail triage', code: TRIAGE_CLIENT_CODE, notes: 'Tickets from senders who are no contact of any client. Move each to its client.' })).id;
  } catch (error) {
    // two messages at once: the other one created it
    const again = await find();
    if (again) return again.id;
    throw error;
  }
}

/**
 * Splits a message's files into those the ticket core stores (its type allow-list and size
 * limit) and the rest, which are named in the text so staff know to ask for them.
 */
function keptAttachments(files: InboundAttachment[]) {
  const kept: Array<{ filename: string; contentType: string; data: Buffer }> = [];
  const dropped: string[] = [];
  for (const f of files) {
    const type = f.contentType.toLowerCase().split(';')[0]!.trim();
    if (ATTACHMENT_TYPES.has(type) && f.content.length <= ATTACHMENT_MAX_BYTES) kept.push({ filename: f.filename, contentType: type, data: f.content });
    else dropped.push(`${f.filename} (${type}, ${f.content.length} bytes)`);
  }
  return { kept, note: dropped.length > 0 ? `\n\n[Attachments not kept: ${dropped.join(', ')}]` : '' };
}

/** Inbound mail into the tickets module's own services (clocks, acknowledgements, events). */
export const ticketInbox: TicketInbox = {
  async createTicketFromEmail(ctx: AppContext, input) {
    const clientId = input.contact?.clientId ?? (await triageClientId(ctx.db, input.tenantId));
    const files = keptAttachments(input.attachments);
    const ticket = await createTicketFromEmail(ctx, {
      tenantId: input.tenantId,
      clientId,
      contactId: input.contact?.id ?? null,
      fromEmail: input.from.address,
      fromName: input.from.name,
      subject: input.subject,
      text: (input.description || '(no text)') + files.note,
      html: input.descriptionHtml,
      attachments: files.kept,
      messageId: input.messageId,
    });
    if (input.triage) await updateTicket(ctx.db, input.tenantId, ticket.id, { tags: [...new Set([...ticket.tags, 'triage'])] }, null, ctx.now());
    return { id: ticket.id, number: ticket.number };
  },
  async addCommentFromEmail(ctx: AppContext, input) {
    const files = keptAttachments(input.attachments);
    const comment = await addCommentFromEmail(ctx, {
      tenantId: input.tenantId,
      ticketId: input.ticketId,
      contactId: input.contact?.id ?? null,
      fromEmail: input.from.address,
      fromName: input.from.name,
      text: (input.body || '(no text)') + files.note,
      html: input.bodyHtml,
      attachments: files.kept,
      messageId: input.messageId,
      inReplyTo: input.inReplyTo,
      references: input.references,
    });
    return { id: comment.id };
  },
};
