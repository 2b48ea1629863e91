import { type Kysely, sql } from 'kysely';

// E-mail threading. Outgoing messages keep their Message-ID and the ids they answer, so a client's
// reply (In-Reply-To/References) finds its ticket; received messages are recorded by Message-ID,
// which threads later replies to them and makes a redelivered message a no-op.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table outbox_emails
      add column message_id text,
      add column in_reply_to text,
      add column references_header text,
      add column reply_to text,
      add column ticket_id uuid,
      add foreign key (tenant_id, ticket_id) references tickets (tenant_id, id) on delete set null (ticket_id);
    create index outbox_emails_message_id on outbox_emails (tenant_id, message_id) where message_id is not null;

    create table inbound_emails (
      tenant_id uuid not null references tenants(id),
      id uuid not null default gen_random_uuid(),
      message_id text not null,
      from_address text not null,
      subject text not null,
      outcome text not null check (outcome in ('ticket', 'comment', 'ignored')),
      ticket_id uuid,
      received_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, message_id),
      foreign key (tenant_id, ticket_id) references tickets (tenant_id, id) on delete set null (ticket_id)
    );
  `.execute(db);
}
