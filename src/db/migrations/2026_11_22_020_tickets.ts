import { type Kysely, sql } from 'kysely';

// Tickets and what hangs off them: the history the SLA clock model reads (ticket_events), the
// clock events it produced (insert-only), comments, attachments (bytes in the database, so
// PGlite and PostgreSQL behave alike), watchers, time entries, running timers, notifications
// and saved board views; plus the tenant's ticket settings. Clock results are stored as columns
// (due instants, the soonest due and the next threshold instant) so the board and the timers
// read indexes instead of re-running the model.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table tenants
      add column pausing_statuses text[] not null default '{waiting_on_client}',
      add column comment_on_closed text not null default 'reopen' check (comment_on_closed in ('reopen', 'refuse')),
      add column unknown_senders text not null default 'triage' check (unknown_senders in ('triage', 'refuse')),
      add column support_address text unique,
      add column escalation_user_id uuid,
      add foreign key (id, escalation_user_id) references users (tenant_id, id) on delete set null (escalation_user_id);

    create table ticket_counters (
      tenant_id uuid primary key references tenants(id),
      next_number integer not null default 1
    );

    create table tickets (
      tenant_id uuid not null references tenants(id),
      id uuid not null default gen_random_uuid(),
      number integer not null,
      client_id uuid not null,
      site_id uuid,
      requester_contact_id uuid,
      requester_user_id uuid,
      catalog_item_id uuid,
      contract_id uuid,
      subject text not null,
      description text not null default '',
      urgency text not null,
      impact text not null,
      priority text not null,
      priority_override_reason text,
      delivery_mode text not null check (delivery_mode in ('remote', 'onsite')),
      status text not null default 'new' check (status in ('new', 'assigned', 'in_progress', 'waiting_on_client', 'waiting_on_third_party', 'resolved', 'closed')),
      assignee_id uuid,
      tags text[] not null default '{}',
      source text not null check (source in ('portal', 'email', 'api', 'staff')),
      no_contract boolean not null default false,
      -- what targetsFor gave at creation (or the last re-target): targets, calendars, policy, explanation
      targets jsonb,
      response_state text check (response_state in ('not_started', 'running', 'paused', 'met', 'breached')),
      response_due_at timestamptz,
      response_completed_at timestamptz,
      resolution_state text check (resolution_state in ('not_started', 'running', 'paused', 'met', 'breached')),
      resolution_due_at timestamptz,
      resolution_completed_at timestamptz,
      -- the soonest due instant of a clock not yet stopped: the board sorts by it
      next_due_at timestamptz,
      -- the soonest future threshold instant of any clock: what a timer is scheduled for
      next_threshold_at timestamptz,
      -- the instant a clock not yet stopped reaches 75 % (risk=at_risk); null when none will
      at_risk_at timestamptz,
      -- bumped on every re-target, so timers scheduled for an older target can tell
      target_generation integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      resolved_at timestamptz,
      closed_at timestamptz,
      version integer not null default 1,
      primary key (tenant_id, id),
      unique (tenant_id, number),
      foreign key (tenant_id, client_id) references clients (tenant_id, id),
      foreign key (tenant_id, site_id) references sites (tenant_id, id) on delete set null (site_id),
      foreign key (tenant_id, requester_contact_id) references contacts (tenant_id, id) on delete set null (requester_contact_id),
      foreign key (tenant_id, requester_user_id) references users (tenant_id, id),
      foreign key (tenant_id, catalog_item_id) references catalog_items (tenant_id, id),
      foreign key (tenant_id, contract_id) references contracts (tenant_id, id),
      foreign key (tenant_id, assignee_id) references users (tenant_id, id)
    );
    create index tickets_board on tickets (tenant_id, next_due_at) where status not in ('resolved', 'closed');
    create index tickets_client on tickets (tenant_id, client_id, created_at);
    create index tickets_assignee on tickets (tenant_id, assignee_id);
    create index tickets_requester on tickets (tenant_id, requester_user_id);
    create index tickets_next_threshold on tickets (next_threshold_at) where next_threshold_at is not null;

    -- The ticket's history: what the clock model reads (created, status_changed, target_changed,
    -- first_public_response, resolved, reopened) and other facts (assigned, priority_changed,
    -- comment_added...). data holds the type's fields.
    create table ticket_events (
      tenant_id uuid not null,
      id bigint generated always as identity,
      ticket_id uuid not null,
      type text not null,
      at timestamptz not null,
      actor_user_id uuid,
      actor_label text not null default '',
      data jsonb not null default '{}',
      primary key (tenant_id, id),
      foreign key (tenant_id, ticket_id) references tickets (tenant_id, id) on delete cascade
    );
    create index ticket_events_ticket on ticket_events (tenant_id, ticket_id, at);

    -- The clock model's output; insert-only, and recomputing never duplicates a row.
    create table clock_events (
      tenant_id uuid not null,
      id bigint generated always as identity,
      ticket_id uuid not null,
      clock text not null check (clock in ('first_response', 'resolution')),
      type text not null,
      at timestamptz not null,
      percent numeric,
      reason text,
      data jsonb not null default '{}',
      target_generation integer not null default 0,
      recorded_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, ticket_id) references tickets (tenant_id, id) on delete cascade
    );
    create unique index clock_events_unique on clock_events (tenant_id, ticket_id, clock, type, at, coalesce(percent, -1));

    create table ticket_comments (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      ticket_id uuid not null,
      kind text not null default 'comment' check (kind in ('comment', 'call')),
      public boolean not null,
      author_user_id uuid,
      author_contact_id uuid,
      author_email text,
      author_name text not null,
      body text not null,
      -- sanitised HTML, or null when the comment is plain text
      body_html text,
      source text not null check (source in ('portal', 'email', 'api', 'staff')),
      -- RFC 5322 header values, so replies by e-mail thread into the ticket
      message_id text,
      in_reply_to text,
      "references" text,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, ticket_id) references tickets (tenant_id, id) on delete cascade,
      foreign key (tenant_id, author_user_id) references users (tenant_id, id),
      foreign key (tenant_id, author_contact_id) references contacts (tenant_id, id) on delete set null (author_contact_id)
    );
    create index ticket_comments_ticket on ticket_comments (tenant_id, ticket_id, created_at);
    create index ticket_comments_message on ticket_comments (tenant_id, message_id) where message_id is not null;

    create table ticket_attachments (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      ticket_id uuid not null,
      comment_id uuid,
      -- false: staff only (an internal comment's file, or marked internal)
      public boolean not null default true,
      filename text not null,
      content_type text not null,
      size_bytes integer not null check (size_bytes >= 0),
      sha256 text not null,
      data bytea not null,
      uploaded_by_user_id uuid,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, ticket_id) references tickets (tenant_id, id) on delete cascade,
      foreign key (tenant_id, comment_id) references ticket_comments (tenant_id, id) on delete cascade,
      foreign key (tenant_id, uploaded_by_user_id) references users (tenant_id, id)
    );
    create index ticket_attachments_ticket on ticket_attachments (tenant_id, ticket_id);

    create table ticket_watchers (
      tenant_id uuid not null,
      ticket_id uuid not null,
      user_id uuid not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, ticket_id, user_id),
      foreign key (tenant_id, ticket_id) references tickets (tenant_id, id) on delete cascade,
      foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
    );
    create index ticket_watchers_user on ticket_watchers (tenant_id, user_id);

    create table time_entries (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      ticket_id uuid not null,
      user_id uuid not null,
      started_at timestamptz not null,
      ended_at timestamptz not null,
      duration_seconds integer not null check (duration_seconds >= 0),
      note text not null default '',
      billable boolean not null default true,
      in_coverage_seconds integer not null check (in_coverage_seconds >= 0),
      after_hours_seconds integer not null check (after_hours_seconds >= 0),
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, ticket_id) references tickets (tenant_id, id) on delete cascade,
      foreign key (tenant_id, user_id) references users (tenant_id, id),
      check (ended_at >= started_at)
    );
    create index time_entries_ticket on time_entries (tenant_id, ticket_id, started_at);
    create index time_entries_user on time_entries (tenant_id, user_id, started_at);

    create table running_timers (
      tenant_id uuid not null,
      user_id uuid not null,
      ticket_id uuid not null,
      started_at timestamptz not null,
      primary key (tenant_id, user_id),
      foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade,
      foreign key (tenant_id, ticket_id) references tickets (tenant_id, id) on delete cascade
    );

    create table notifications (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      user_id uuid not null,
      ticket_id uuid,
      kind text not null,
      clock text,
      percent numeric,
      title text not null,
      body text not null default '',
      dedupe_key text not null,
      created_at timestamptz not null default now(),
      read_at timestamptz,
      primary key (tenant_id, id),
      unique (tenant_id, dedupe_key),
      foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade,
      foreign key (tenant_id, ticket_id) references tickets (tenant_id, id) on delete cascade
    );
    create index notifications_user on notifications (tenant_id, user_id, created_at);
    create index notifications_unread on notifications (tenant_id, user_id) where read_at is null;

    create table board_views (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      user_id uuid not null,
      name text not null,
      filters jsonb not null default '{}',
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
    );
    create index board_views_user on board_views (tenant_id, user_id);
  `.execute(db);
}
