import { type Kysely, sql } from 'kysely';

// The service pact: priority matrix, business calendars, plans, riders, the issue catalog,
// contracts and their amendments. Plan, rider and catalog terms are JSON documents validated by
// the pure domain; every amendment stores the full terms it puts in force, so a later edit of a
// plan never changes what a client signed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table priority_matrices (
      tenant_id uuid primary key references tenants(id),
      matrix jsonb not null,
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );

    create table calendars (
      tenant_id uuid not null references tenants(id),
      id uuid not null default gen_random_uuid(),
      name text not null,
      definition jsonb not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (tenant_id, id)
    );
    create unique index calendars_name_unique on calendars (tenant_id, lower(name));

    create table plans (
      tenant_id uuid not null references tenants(id),
      id uuid not null default gen_random_uuid(),
      name text not null,
      description text not null default '',
      status text not null default 'active' check (status in ('active', 'retired')),
      terms jsonb not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (tenant_id, id)
    );
    create unique index plans_name_unique on plans (tenant_id, lower(name));

    create table riders (
      tenant_id uuid not null references tenants(id),
      id uuid not null default gen_random_uuid(),
      name text not null,
      description text not null default '',
      status text not null default 'active' check (status in ('active', 'retired')),
      effect jsonb not null,
      price_minor integer not null check (price_minor >= 0),
      currency text not null,
      price_basis text not null check (price_basis in ('flat', 'per_user', 'per_device')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (tenant_id, id)
    );
    create unique index riders_name_unique on riders (tenant_id, lower(name));

    create table catalog_items (
      tenant_id uuid not null references tenants(id),
      id uuid not null default gen_random_uuid(),
      category text not null check (category in ('hardware', 'software', 'network', 'security', 'account', 'other')),
      name text not null,
      description text not null default '',
      default_urgency text not null,
      default_impact text not null,
      delivery_mode text not null check (delivery_mode in ('remote', 'onsite', 'either')),
      complexity text not null check (complexity in ('low', 'medium', 'high')),
      expected_effort_minutes integer not null check (expected_effort_minutes > 0),
      -- per plan id: turnaround overrides { remote?: { response?, resolution? }, onsite?: ... }
      turnarounds jsonb not null default '{}',
      status text not null default 'active' check (status in ('active', 'retired')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (tenant_id, id)
    );
    create unique index catalog_items_name_unique on catalog_items (tenant_id, category, lower(name));

    create table contracts (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      client_id uuid not null,
      name text not null,
      status text not null default 'draft' check (status in ('draft', 'active', 'ended')),
      starts_at timestamptz not null,
      ends_at timestamptz,
      -- the draft's terms; once active, terms live only in accepted amendments
      draft_terms jsonb,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (tenant_id, id),
      foreign key (tenant_id, client_id) references clients (tenant_id, id),
      check (ends_at is null or ends_at > starts_at)
    );
    create index contracts_client on contracts (tenant_id, client_id, starts_at);

    create table amendments (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      number integer not null,
      summary text not null,
      changes jsonb not null,
      terms jsonb not null,
      effective_at timestamptz not null,
      status text not null check (status in ('proposed', 'accepted', 'rejected', 'withdrawn')),
      -- the later of acceptance and the effective instant; null until accepted
      in_force_from timestamptz,
      proposed_by uuid not null,
      proposed_at timestamptz not null default now(),
      decided_by uuid,
      decided_by_name text,
      decided_at timestamptz,
      decision_ip text,
      rejection_reason text,
      primary key (tenant_id, id),
      unique (tenant_id, contract_id, number),
      foreign key (tenant_id, contract_id) references contracts (tenant_id, id)
    );
    create index amendments_in_force on amendments (tenant_id, contract_id, in_force_from) where status = 'accepted';

    -- Amendments are immutable once decided; only the decision fields of a proposed one change.
    create function amendments_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'amendments are never deleted';
      end if;
      if old.status <> 'proposed' then
        raise exception 'amendment % is % and cannot change', old.number, old.status;
      end if;
      if new.terms is distinct from old.terms or new.changes is distinct from old.changes
         or new.effective_at is distinct from old.effective_at or new.number <> old.number then
        raise exception 'the terms of an amendment cannot change';
      end if;
      return new;
    end;
    $$;
    create trigger amendments_immutable before update or delete on amendments
      for each row execute function amendments_guard();
  `.execute(db);
}
