import { type Kysely, sql } from 'kysely';

// Satisfaction and the client journey: CSAT surveys (one per ticket), quarterly NPS rounds and
// their surveys (one per person per quarter), journey stage changes with their evidence, problem
// records with linked tickets and milestones, the client's account manager, and the tenant's
// survey and risk settings. Survey links are signed with the tenant's survey key (HMAC), so a
// link carries its own expiry and cannot be altered.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table tenants
      add column survey_key text not null default encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex'),
      add column csat_scale text not null default 'three' check (csat_scale in ('three', 'five')),
      add column csat_link_days integer not null default 14 check (csat_link_days between 1 and 90),
      add column csat_follow_up text not null default 'notify' check (csat_follow_up in ('notify', 'ticket')),
      add column nps_enabled boolean not null default false,
      add column nps_month_of_quarter smallint not null default 2 check (nps_month_of_quarter between 1 and 3),
      add column nps_day_of_month smallint not null default 15 check (nps_day_of_month between 1 and 28),
      add column nps_time_zone text not null default 'UTC',
      add column risk_window_days integer not null default 90 check (risk_window_days between 14 and 730),
      add column risk_csat_drop numeric(4, 2) not null default 0.5 check (risk_csat_drop > 0 and risk_csat_drop <= 4),
      add column risk_bad_streak integer not null default 3 check (risk_bad_streak between 2 and 20),
      add column risk_problem_days integer not null default 60 check (risk_problem_days between 1 and 3650);

    alter table clients
      add column account_manager_id uuid,
      add foreign key (tenant_id, account_manager_id) references users (tenant_id, id) on delete set null (account_manager_id);

    -- One survey per ticket, created at its first resolution. rating is the answer on the scale the
    -- tenant used when it was sent; score maps it to 1..5 (three-point: bad 1, okay 3, good 5) so
    -- averages compare across scales. Technician, category, plan and site are kept as they were at
    -- resolution: the metrics group by them.
    create table csat_surveys (
      tenant_id uuid not null references tenants(id),
      id uuid not null default gen_random_uuid(),
      ticket_id uuid not null,
      client_id uuid not null,
      contract_id uuid,
      site_id uuid,
      recipient_email text not null,
      recipient_contact_id uuid,
      recipient_user_id uuid,
      technician_id uuid,
      category text,
      priority text not null,
      plan_name text,
      scale text not null check (scale in ('three', 'five')),
      sent_at timestamptz not null,
      expires_at timestamptz not null,
      rating smallint,
      score smallint check (score between 1 and 5),
      comment text not null default '',
      responded_at timestamptz,
      response_count integer not null default 0,
      follow_up_ticket_id uuid,
      primary key (tenant_id, id),
      unique (tenant_id, ticket_id),
      foreign key (tenant_id, ticket_id) references tickets (tenant_id, id) on delete cascade,
      foreign key (tenant_id, client_id) references clients (tenant_id, id),
      foreign key (tenant_id, recipient_contact_id) references contacts (tenant_id, id) on delete set null (recipient_contact_id),
      foreign key (tenant_id, recipient_user_id) references users (tenant_id, id) on delete set null (recipient_user_id),
      foreign key (tenant_id, technician_id) references users (tenant_id, id) on delete set null (technician_id),
      foreign key (tenant_id, follow_up_ticket_id) references tickets (tenant_id, id) on delete set null (follow_up_ticket_id),
      check ((rating is null) = (score is null)),
      check ((rating is null) = (responded_at is null))
    );
    create index csat_surveys_client on csat_surveys (tenant_id, client_id, sent_at);
    create index csat_surveys_responded on csat_surveys (tenant_id, responded_at) where responded_at is not null;

    -- A quarter's NPS round of a tenant: sent once (by the schedule or by an admin).
    create table nps_rounds (
      tenant_id uuid not null references tenants(id),
      id uuid not null default gen_random_uuid(),
      quarter_key text not null check (quarter_key ~ '^[0-9]{4}-Q[1-4]$'),
      started_at timestamptz not null,
      started_by uuid,
      expires_at timestamptz not null,
      recipient_count integer not null default 0,
      primary key (tenant_id, id),
      unique (tenant_id, quarter_key),
      foreign key (tenant_id, started_by) references users (tenant_id, id) on delete set null (started_by)
    );

    -- One survey per person (e-mail address) per quarter, whichever round or client sent it.
    create table nps_surveys (
      tenant_id uuid not null references tenants(id),
      id uuid not null default gen_random_uuid(),
      round_id uuid not null,
      quarter_key text not null,
      client_id uuid not null,
      contact_id uuid,
      email text not null,
      sent_at timestamptz not null,
      expires_at timestamptz not null,
      score smallint check (score between 0 and 10),
      comment text not null default '',
      responded_at timestamptz,
      primary key (tenant_id, id),
      foreign key (tenant_id, round_id) references nps_rounds (tenant_id, id) on delete cascade,
      foreign key (tenant_id, client_id) references clients (tenant_id, id),
      foreign key (tenant_id, contact_id) references contacts (tenant_id, id) on delete set null (contact_id),
      check ((score is null) = (responded_at is null))
    );
    create unique index nps_surveys_one_per_quarter on nps_surveys (tenant_id, quarter_key, lower(email));
    create index nps_surveys_client on nps_surveys (tenant_id, client_id, quarter_key);

    -- Where a client relationship stands: each change of stage, effective on a date, with a note
    -- and its evidence ([{ kind, id?, label, url? }]). The current stage is the latest effective.
    create table journey_stage_changes (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      client_id uuid not null,
      stage text not null check (stage in ('onboarding_pain_points', 'easy_wins', 'new_processes', 'enhanced_security_measures', 'user_training', 'old_intractables', 'refresh_or_migration', 'successful_initiatives', 'comfortable_reliability')),
      effective_on date not null,
      note text not null,
      evidence jsonb not null default '[]',
      created_by uuid not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade,
      foreign key (tenant_id, created_by) references users (tenant_id, id)
    );
    create index journey_stage_changes_client on journey_stage_changes (tenant_id, client_id, effective_on, created_at);

    -- A suggestion staff dismissed, so it is not offered again for the same evidence window.
    create table journey_suggestion_dismissals (
      tenant_id uuid not null,
      client_id uuid not null,
      suggestion_key text not null,
      dismissed_by uuid not null,
      dismissed_at timestamptz not null default now(),
      primary key (tenant_id, client_id, suggestion_key),
      foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade,
      foreign key (tenant_id, dismissed_by) references users (tenant_id, id)
    );

    create table problem_counters (
      tenant_id uuid primary key references tenants(id),
      next_number integer not null default 1
    );

    -- A long-standing issue (an 'old intractable') with its recurring tickets and long-term plan.
    create table problems (
      tenant_id uuid not null references tenants(id),
      id uuid not null default gen_random_uuid(),
      number integer not null,
      client_id uuid not null,
      title text not null,
      description text not null default '',
      status text not null default 'open' check (status in ('open', 'known_error', 'plan_agreed', 'resolved')),
      root_cause text not null default '',
      workaround text not null default '',
      plan text not null default '',
      estimated_cost_minor bigint check (estimated_cost_minor >= 0),
      currency text,
      opened_at timestamptz not null,
      resolved_at timestamptz,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (tenant_id, id),
      unique (tenant_id, number),
      foreign key (tenant_id, client_id) references clients (tenant_id, id),
      foreign key (tenant_id, created_by) references users (tenant_id, id),
      check ((estimated_cost_minor is null) = (currency is null)),
      check ((status = 'resolved') = (resolved_at is not null))
    );
    create index problems_client on problems (tenant_id, client_id, status);

    create table problem_tickets (
      tenant_id uuid not null,
      problem_id uuid not null,
      ticket_id uuid not null,
      linked_by uuid,
      linked_at timestamptz not null default now(),
      primary key (tenant_id, problem_id, ticket_id),
      foreign key (tenant_id, problem_id) references problems (tenant_id, id) on delete cascade,
      foreign key (tenant_id, ticket_id) references tickets (tenant_id, id) on delete cascade,
      foreign key (tenant_id, linked_by) references users (tenant_id, id) on delete set null (linked_by)
    );
    create index problem_tickets_ticket on problem_tickets (tenant_id, ticket_id);

    create table problem_milestones (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      problem_id uuid not null,
      title text not null,
      due_on date,
      done_on date,
      position integer not null,
      primary key (tenant_id, id),
      foreign key (tenant_id, problem_id) references problems (tenant_id, id) on delete cascade
    );
    create index problem_milestones_problem on problem_milestones (tenant_id, problem_id, position);
  `.execute(db);
}
