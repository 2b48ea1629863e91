import { type Kysely, sql } from 'kysely';

// Goals and responsibilities live in the contract terms (amendments). This migration adds what a
// period close produces and what staff enter for it: scorecards (one row per revision of a
// contract's month; finalised revisions never change), values of manual metrics with their
// evidence, attestations of client responsibilities, and the user/device counts statements bill.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index tickets_contract on tickets (tenant_id, contract_id, created_at) where contract_id is not null;

    create table scorecards (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      client_id uuid not null,
      -- the month, 'YYYY-MM', in the contract calendar's time zone; [period_from, period_to)
      period_key text not null check (period_key ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      period_from timestamptz not null,
      period_to timestamptz not null,
      -- 1 for the first evaluation; re-opening a finalised scorecard adds the next revision
      revision integer not null default 1,
      status text not null default 'draft' check (status in ('draft', 'final')),
      document jsonb not null,
      evaluated_at timestamptz not null,
      finalised_by uuid,
      finalised_at timestamptz,
      reopen_reason text,
      reopened_by uuid,
      created_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (tenant_id, id),
      unique (tenant_id, contract_id, period_key, revision),
      foreign key (tenant_id, contract_id) references contracts (tenant_id, id),
      foreign key (tenant_id, client_id) references clients (tenant_id, id),
      foreign key (tenant_id, finalised_by) references users (tenant_id, id),
      foreign key (tenant_id, reopened_by) references users (tenant_id, id),
      check (period_to > period_from),
      check ((status = 'final') = (finalised_at is not null))
    );
    create index scorecards_client on scorecards (tenant_id, client_id, period_key);

    create function scorecards_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'scorecards are never deleted';
      end if;
      if old.status = 'final' then
        raise exception 'scorecard % revision % is final and cannot change', old.period_key, old.revision;
      end if;
      return new;
    end $$;
    create trigger scorecards_immutable before update or delete on scorecards
      for each row execute function scorecards_guard();

    -- Insert-only: the latest row for (contract, goal, period) is the value in use.
    create table manual_metric_values (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      goal_id text not null,
      period_key text not null,
      value numeric not null,
      evidence_note text not null check (length(evidence_note) > 0),
      evidence_url text,
      evidence_filename text,
      evidence_content_type text,
      evidence_data bytea,
      entered_by uuid not null,
      entered_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, contract_id) references contracts (tenant_id, id),
      foreign key (tenant_id, entered_by) references users (tenant_id, id)
    );
    create index manual_metric_values_goal on manual_metric_values (tenant_id, contract_id, goal_id, period_key, entered_at);

    -- Insert-only: the latest row for (contract, responsibility, period) is the attestation in use.
    create table responsibility_attestations (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      responsibility_id text not null,
      period_key text not null,
      kept boolean not null,
      note text not null default '',
      attested_by uuid not null,
      attested_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, contract_id) references contracts (tenant_id, id),
      foreign key (tenant_id, attested_by) references users (tenant_id, id)
    );
    create index responsibility_attestations_lookup on responsibility_attestations (tenant_id, contract_id, responsibility_id, period_key, attested_at);

    -- Users or devices billed per unit: the latest count effective on or before a month's last day.
    create table contract_counts (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      kind text not null check (kind in ('users', 'devices')),
      count integer not null check (count >= 0),
      -- a civil date 'YYYY-MM-DD' (text: the same on PGlite and PostgreSQL, no zone conversion)
      effective_from text not null check (effective_from ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      note text not null default '',
      recorded_by uuid not null,
      recorded_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, contract_id) references contracts (tenant_id, id),
      foreign key (tenant_id, recorded_by) references users (tenant_id, id)
    );
    create index contract_counts_lookup on contract_counts (tenant_id, contract_id, kind, effective_from);
  `.execute(db);
}
