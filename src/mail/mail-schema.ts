import type { ColumnType, Generated } from 'kysely';

// Optional on insert, so rows queued before threading existed (and their callers) stay valid.
type OptionalText = ColumnType<string | null, string | null | undefined, string | null>;

// Columns and tables added by migration 2026_11_22_021_mail_headers, merged into the database
// types here so the mail code owns its own schema additions.
declare module '../db/schema' {
  interface OutboxEmailsTable {
    message_id: OptionalText;
    in_reply_to: OptionalText;
    references_header: OptionalText;
    reply_to: OptionalText;
    ticket_id: OptionalText;
  }
  interface Database {
    inbound_emails: InboundEmailsTable;
  }
}

export interface InboundEmailsTable {
  tenant_id: string;
  id: Generated<string>;
  message_id: string;
  from_address: string;
  subject: string;
  outcome: 'ticket' | 'comment' | 'ignored';
  ticket_id: string | null;
  received_at: Generated<Date>;
}
