import { type Kysely, sql } from 'kysely';

// Ticket intake reads the same configuration for every ticket (matrix, calendars, catalog,
// clients' sites, contracts and amendments). Servers cache it per tenant and check one number per
// request: any change to those tables bumps the tenant's pact_version in the changing
// transaction, so every server sees the change from the commit on.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table tenants add column pact_version bigint not null default 0;

    create function bump_pact_version() returns trigger language plpgsql as $$
    begin
      update tenants set pact_version = pact_version + 1
        where id = (case when tg_op = 'DELETE' then old.tenant_id else new.tenant_id end);
      return null;
    end $$;

    create trigger priority_matrices_pact_version after insert or update or delete on priority_matrices
      for each row execute function bump_pact_version();
    create trigger calendars_pact_version after insert or update or delete on calendars
      for each row execute function bump_pact_version();
    create trigger catalog_items_pact_version after insert or update or delete on catalog_items
      for each row execute function bump_pact_version();
    create trigger clients_pact_version after insert or update or delete on clients
      for each row execute function bump_pact_version();
    create trigger sites_pact_version after insert or update or delete on sites
      for each row execute function bump_pact_version();
    create trigger contracts_pact_version after insert or update or delete on contracts
      for each row execute function bump_pact_version();
    create trigger amendments_pact_version after insert or update or delete on amendments
      for each row execute function bump_pact_version();
  `.execute(db);
}
