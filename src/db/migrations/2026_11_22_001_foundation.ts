import { type Kysely, sql } from 'kysely';

// Tenants, accounts, sessions, API tokens, audit log, clients, sites, contacts, invitations,
// and the e-mail outbox. Every tenant-owned table leads its key with tenant_id and every
// foreign key includes it, so rows can never point across tenants.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table tenants (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      slug text not null unique,
      mfa_required_staff boolean not null default false,
      mfa_required_client_admin boolean not null default false,
      created_at timestamptz not null default now(),
      version integer not null default 1
    );

    create table clients (
      tenant_id uuid not null references tenants(id),
      id uuid not null default gen_random_uuid(),
      name text not null,
      code text,
      status text not null default 'active' check (status in ('active', 'inactive')),
      notes text not null default '',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (tenant_id, id)
    );
    create unique index clients_name_unique on clients (tenant_id, lower(name));
    create unique index clients_code_unique on clients (tenant_id, lower(code)) where code is not null;

    create table users (
      tenant_id uuid not null references tenants(id),
      id uuid not null default gen_random_uuid(),
      email text not null,
      name text not null,
      role text not null check (role in ('owner', 'admin', 'dispatcher', 'technician', 'account_manager', 'client_admin', 'client_user')),
      client_id uuid,
      password_hash text,
      status text not null default 'active' check (status in ('active', 'disabled')),
      mfa_secret text,
      mfa_enabled_at timestamptz,
      failed_sign_ins integer not null default 0,
      locked_until timestamptz,
      last_sign_in_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (tenant_id, id),
      foreign key (tenant_id, client_id) references clients (tenant_id, id),
      -- client roles belong to exactly one client; staff roles to none
      check ((role in ('client_admin', 'client_user')) = (client_id is not null))
    );
    -- One sign-in address identifies one account across the whole installation.
    create unique index users_email_unique on users (lower(email));
    create index users_client on users (tenant_id, client_id);

    create table sessions (
      tenant_id uuid not null,
      id text not null,
      user_id uuid not null,
      csrf_token text not null,
      mfa_pending boolean not null,
      ip text,
      user_agent text,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      primary key (tenant_id, id),
      foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
    );
    create unique index sessions_id_unique on sessions (id);
    create index sessions_user on sessions (tenant_id, user_id);

    create table mfa_recovery_codes (
      tenant_id uuid not null,
      user_id uuid not null,
      code_hash text not null,
      used_at timestamptz,
      primary key (tenant_id, user_id, code_hash),
      foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
    );

    create table api_tokens (
      tenant_id uuid not null references tenants(id),
      id uuid not null default gen_random_uuid(),
      name text not null,
      token_prefix text not null,
      token_hash text not null,
      scopes text[] not null,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz,
      primary key (tenant_id, id),
      foreign key (tenant_id, created_by) references users (tenant_id, id)
    );
    create unique index api_tokens_hash_unique on api_tokens (token_hash);

    create table audit_log (
      tenant_id uuid not null references tenants(id),
      id bigint generated always as identity,
      at timestamptz not null default now(),
      actor_user_id uuid,
      actor_label text not null,
      action text not null,
      target_type text,
      target_id text,
      ip text,
      details jsonb not null default '{}',
      primary key (tenant_id, id)
    );
    create index audit_log_at on audit_log (tenant_id, at desc, id desc);

    -- The audit log is append-only: no row is ever changed or removed.
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end;
    $$;
    create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only();

    create table sites (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      client_id uuid not null,
      name text not null,
      address text not null default '',
      time_zone text not null,
      travel_minutes integer not null default 0 check (travel_minutes >= 0),
      is_main boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (tenant_id, id),
      foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade
    );
    create index sites_client on sites (tenant_id, client_id);
    create unique index sites_one_main on sites (tenant_id, client_id) where is_main;

    create table contacts (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      client_id uuid not null,
      name text not null,
      email text not null,
      phone text not null default '',
      roles text[] not null default '{}',
      user_id uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (tenant_id, id),
      foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade,
      foreign key (tenant_id, user_id) references users (tenant_id, id) on delete set null (user_id)
    );
    create index contacts_client on contacts (tenant_id, client_id);
    create unique index contacts_email_unique on contacts (tenant_id, client_id, lower(email));

    -- An invitation to set a password: staff members, or a client's contact becoming a client user.
    create table invitations (
      tenant_id uuid not null references tenants(id),
      id uuid not null default gen_random_uuid(),
      client_id uuid,
      contact_id uuid,
      email text not null,
      name text not null default '',
      role text not null check (role in ('owner', 'admin', 'dispatcher', 'technician', 'account_manager', 'client_admin', 'client_user')),
      token_hash text not null,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      accepted_at timestamptz,
      revoked_at timestamptz,
      primary key (tenant_id, id),
      foreign key (tenant_id, contact_id) references contacts (tenant_id, id) on delete cascade,
      foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade,
      check ((role in ('client_admin', 'client_user')) = (client_id is not null))
    );
    create unique index invitations_token_unique on invitations (token_hash);

    create table outbox_emails (
      tenant_id uuid not null references tenants(id),
      id uuid not null default gen_random_uuid(),
      to_address text not null,
      subject text not null,
      body_text text not null,
      body_html text,
      kind text not null,
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      attempts integer not null default 0,
      last_error text,
      primary key (tenant_id, id)
    );
    create index outbox_unsent on outbox_emails (created_at) where sent_at is null;
  `.execute(db);
}
