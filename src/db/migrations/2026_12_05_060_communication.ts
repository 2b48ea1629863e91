import { type Kysely, sql } from 'kysely';

// Communication the client can rely on: executive summaries (one per client and period, with
// the account manager's narrative, published to the portal, delivered by e-mail with the PDF),
// the batch that generates a month's summaries in the background, review meetings (a cadence
// per contract as an RRULE, occurrences with agenda, minutes and action items), calendar feeds
// behind secret URLs, and announcements to targeted client contacts with per-recipient delivery
// and newsletter unsubscribes. The outbox learns attachments and a List-Unsubscribe address.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table outbox_emails add column list_unsubscribe text;

    create table outbox_attachments (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      email_id uuid not null,
      position integer not null default 0,
      filename text not null,
      content_type text not null,
      content bytea not null,
      primary key (tenant_id, id),
      foreign key (tenant_id, email_id) references outbox_emails (tenant_id, id) on delete cascade
    );
    create index outbox_attachments_email on outbox_attachments (tenant_id, email_id, position);

    -- One summary per client and period ('2026-10' or '2026-Q3'); figures are computed when it is
    -- generated and kept in the document, so what a client executive received can be shown again.
    create table executive_summaries (
      tenant_id uuid not null references tenants(id),
      id uuid not null default gen_random_uuid(),
      client_id uuid not null,
      period_key text not null check (period_key ~ '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$'),
      status text not null default 'draft' check (status in ('draft', 'published')),
      document jsonb not null,
      narrative text not null default '',
      narrative_by uuid,
      generated_at timestamptz not null,
      generated_by uuid,
      published_at timestamptz,
      published_by uuid,
      version integer not null default 1,
      primary key (tenant_id, id),
      unique (tenant_id, client_id, period_key),
      foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade,
      foreign key (tenant_id, narrative_by) references users (tenant_id, id) on delete set null (narrative_by),
      foreign key (tenant_id, generated_by) references users (tenant_id, id) on delete set null (generated_by),
      foreign key (tenant_id, published_by) references users (tenant_id, id) on delete set null (published_by)
    );

    -- Delivery by e-mail: which contacts of the client get each period's summary, and when.
    create table summary_schedules (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      client_id uuid not null,
      period text not null check (period in ('monthly', 'quarterly')),
      -- business days after the period's end the summary is generated, published and sent
      days_after integer not null default 3 check (days_after between 0 and 20),
      contact_ids uuid[] not null default '{}',
      enabled boolean not null default true,
      created_by uuid,
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (tenant_id, id),
      unique (tenant_id, client_id, period),
      foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade
    );

    create table summary_deliveries (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      summary_id uuid not null,
      contact_id uuid,
      email text not null,
      outbox_email_id uuid,
      requested_by uuid,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, summary_id) references executive_summaries (tenant_id, id) on delete cascade,
      foreign key (tenant_id, contact_id) references contacts (tenant_id, id) on delete set null (contact_id),
      foreign key (tenant_id, outbox_email_id) references outbox_emails (tenant_id, id) on delete set null (outbox_email_id)
    );
    create index summary_deliveries_summary on summary_deliveries (tenant_id, summary_id, created_at);

    -- A background run generating one period's summaries for many clients, with its progress.
    create table summary_batches (
      tenant_id uuid not null references tenants(id),
      id uuid not null default gen_random_uuid(),
      period_key text not null,
      status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
      total integer not null default 0,
      done integer not null default 0,
      failed integer not null default 0,
      errors jsonb not null default '[]',
      started_by uuid,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz,
      primary key (tenant_id, id),
      foreign key (tenant_id, started_by) references users (tenant_id, id) on delete set null (started_by)
    );

    -- How often a contract's service review meets. A change of cadence ends the current row
    -- (effective_until) and starts a new one: occurrences already past keep their cadence.
    create table meeting_cadences (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      title text not null,
      rrule text not null,
      first_start timestamptz not null,
      time_zone text not null,
      duration_minutes integer not null check (duration_minutes between 5 and 1440),
      location text not null default '',
      effective_from timestamptz not null,
      effective_until timestamptz,
      created_by uuid,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, contract_id) references contracts (tenant_id, id) on delete cascade
    );
    create index meeting_cadences_contract on meeting_cadences (tenant_id, contract_id, effective_from);

    -- Who attends a contract's reviews: staff users or client contacts.
    create table meeting_participants (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      user_id uuid,
      contact_id uuid,
      primary key (tenant_id, id),
      foreign key (tenant_id, contract_id) references contracts (tenant_id, id) on delete cascade,
      foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade,
      foreign key (tenant_id, contact_id) references contacts (tenant_id, id) on delete cascade,
      check ((user_id is null) <> (contact_id is null))
    );
    create unique index meeting_participants_user on meeting_participants (tenant_id, contract_id, user_id) where user_id is not null;
    create unique index meeting_participants_contact on meeting_participants (tenant_id, contract_id, contact_id) where contact_id is not null;

    -- An occurrence that has been touched (agenda prepared, moved, cancelled, minuted): the rest
    -- of a cadence's occurrences are computed from its RRULE. recurrence_start is the instant the
    -- rule gives (the ICS RECURRENCE-ID); sequence counts changes sent to calendars.
    create table review_meetings (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      cadence_id uuid not null,
      recurrence_start timestamptz not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      status text not null default 'scheduled' check (status in ('scheduled', 'cancelled', 'held')),
      agenda jsonb,
      minutes text not null default '',
      sequence integer not null default 0,
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (tenant_id, id),
      unique (tenant_id, cadence_id, recurrence_start),
      foreign key (tenant_id, contract_id) references contracts (tenant_id, id) on delete cascade,
      foreign key (tenant_id, cadence_id) references meeting_cadences (tenant_id, id) on delete cascade
    );

    create table meeting_action_items (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      meeting_id uuid not null,
      title text not null,
      owner_user_id uuid,
      owner_contact_id uuid,
      due_on date,
      done_at timestamptz,
      ticket_id uuid,
      position integer not null default 0,
      primary key (tenant_id, id),
      foreign key (tenant_id, meeting_id) references review_meetings (tenant_id, id) on delete cascade,
      foreign key (tenant_id, owner_user_id) references users (tenant_id, id) on delete set null (owner_user_id),
      foreign key (tenant_id, owner_contact_id) references contacts (tenant_id, id) on delete set null (owner_contact_id),
      foreign key (tenant_id, ticket_id) references tickets (tenant_id, id) on delete set null (ticket_id)
    );
    create index meeting_action_items_meeting on meeting_action_items (tenant_id, meeting_id, position);

    -- A subscribable calendar behind a secret URL: a user's meetings, or a client's. Only the
    -- token's hash is kept; revoking stops the URL at once.
    create table calendar_feeds (
      tenant_id uuid not null references tenants(id),
      id uuid not null default gen_random_uuid(),
      kind text not null check (kind in ('user', 'client')),
      user_id uuid not null,
      client_id uuid,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      revoked_at timestamptz,
      last_fetched_at timestamptz,
      primary key (tenant_id, id),
      foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade,
      foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade,
      check ((kind = 'client') = (client_id is not null))
    );

    create table announcements (
      tenant_id uuid not null references tenants(id),
      id uuid not null default gen_random_uuid(),
      kind text not null check (kind in ('service_notice', 'newsletter')),
      subject text not null,
      body_html text not null,
      body_text text not null,
      -- { clientIds?, planIds?, siteIds?, contactRoles? }: all given filters apply together
      audience jsonb not null default '{}',
      status text not null default 'draft' check (status in ('draft', 'scheduled', 'sending', 'sent', 'cancelled')),
      scheduled_for timestamptz,
      sent_at timestamptz,
      recipient_count integer not null default 0,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (tenant_id, id),
      foreign key (tenant_id, created_by) references users (tenant_id, id)
    );
    create index announcements_due on announcements (scheduled_for) where status = 'scheduled';

    create table announcement_recipients (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      announcement_id uuid not null,
      client_id uuid not null,
      contact_id uuid,
      email text not null,
      status text not null default 'queued' check (status in ('queued', 'sent', 'failed', 'unsubscribed')),
      outbox_email_id uuid,
      unsubscribe_token_hash text,
      primary key (tenant_id, id),
      foreign key (tenant_id, announcement_id) references announcements (tenant_id, id) on delete cascade,
      foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade,
      foreign key (tenant_id, contact_id) references contacts (tenant_id, id) on delete set null (contact_id),
      foreign key (tenant_id, outbox_email_id) references outbox_emails (tenant_id, id) on delete set null (outbox_email_id)
    );
    create unique index announcement_recipients_once on announcement_recipients (tenant_id, announcement_id, lower(email));
    create unique index announcement_recipients_unsubscribe on announcement_recipients (unsubscribe_token_hash) where unsubscribe_token_hash is not null;
    create index announcement_recipients_client on announcement_recipients (tenant_id, client_id);

    -- Newsletters stop for an address once it unsubscribes; service notices still reach it.
    create table newsletter_unsubscribes (
      tenant_id uuid not null references tenants(id),
      email text not null,
      unsubscribed_at timestamptz not null default now(),
      primary key (tenant_id, email)
    );
  `.execute(db);
}
