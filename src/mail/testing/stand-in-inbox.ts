import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { TicketInbox } from '../inbound/deliver';
import '../mail-schema';

/**
 * A minimal TicketInbox writing tickets and comments straight to the tables (no clocks, no
 * targets, no notifications), for testing the mail side on its own. Unknown senders' triage
 * tickets go to a client named "Triage", created on first use, since a ticket needs a client.
 */
export function standInInbox(): TicketInbox & { db?: Db } {
  const triageClient = async (db: Db, tenantId: string) => {
    const found = await db.selectFrom('clients').select('id').where('tenant_id', '=', tenantId).where('name', '=', 'Triage').executeTakeFirst();
    if (found) return found.id;
    return (await db.insertInto('clients').values({ tenant_id: tenantId, name: 'Triage' }).returning('id').executeTakeFirstOrThrow()).id;
  };
  const attach = async (db: Db, tenantId: string, ticketId: string, commentId: string | null, files: Parameters<TicketInbox['createTicketFromEmail']>[1]['attachments']) => {
    for (const a of files) {
      await db
        .insertInto('ticket_attachments')
        .values({
          tenant_id: tenantId,
          ticket_id: ticketId,
          comment_id: commentId,
          public: true,
          filename: a.filename,
          content_type: a.contentType,
          size_bytes: a.size,
          sha256: '',
          data: a.content,
          uploaded_by_user_id: null,
        })
        .execute();
    }
  };
  return {
    async createTicketFromEmail(ctx, input) {
      const db = ctx.db;
      const counter = await db
        .insertInto('ticket_counters')
        .values({ tenant_id: input.tenantId, next_number: 2 })
        .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ next_number: sql`ticket_counters.next_number + 1` }))
        .returning('next_number')
        .executeTakeFirstOrThrow();
      const clientId = input.contact?.clientId ?? (await triageClient(db, input.tenantId));
      const ticket = await db
        .insertInto('tickets')
        .values({
          tenant_id: input.tenantId,
          number: counter.next_number - 1,
          client_id: clientId,
          requester_contact_id: input.contact?.id ?? null,
          requester_user_id: null,
          site_id: null,
          catalog_item_id: null,
          contract_id: null,
          priority_override_reason: null,
          assignee_id: null,
          targets: 'null',
          response_state: null,
          response_due_at: null,
          response_completed_at: null,
          resolution_state: null,
          resolution_due_at: null,
          resolution_completed_at: null,
          next_due_at: null,
          next_threshold_at: null,
          at_risk_at: null,
          resolved_at: null,
          closed_at: null,
          subject: input.subject,
          description: input.description,
          urgency: 'medium',
          impact: 'medium',
          priority: 'P3',
          delivery_mode: 'remote',
          source: 'email',
          no_contract: true,
          tags: input.triage ? ['triage'] : [],
        })
        .returning(['id', 'number'])
        .executeTakeFirstOrThrow();
      await attach(db, input.tenantId, ticket.id, null, input.attachments);
      return ticket;
    },
    async addCommentFromEmail(ctx, input) {
      const comment = await ctx.db
        .insertInto('ticket_comments')
        .values({
          tenant_id: input.tenantId,
          ticket_id: input.ticketId,
          public: true,
          author_user_id: null,
          author_contact_id: input.contact?.id ?? null,
          author_email: input.from.address,
          author_name: input.contact?.name ?? input.from.name,
          body: input.body,
          body_html: input.bodyHtml,
          source: 'email',
          message_id: input.messageId,
          in_reply_to: input.inReplyTo,
          references: input.references.join(' ') || null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await attach(db(ctx), input.tenantId, input.ticketId, comment.id, input.attachments);
      return comment;
    },
  };
}
const db = (ctx: { db: Db }) => ctx.db;
