import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/database';
import type { AnnouncementsTable, ContactRole } from '../../db/schema';
import type { Cursor } from '../../http/pagination';
import { MAX_ATTEMPTS } from '../../mail/outbox-deliverer';

export type Audience = { clientIds?: string[]; planIds?: string[]; siteIds?: string[]; contactRoles?: ContactRole[] };
export type AnnouncementStatus = 'draft' | 'scheduled' | 'sending' | 'sent' | 'cancelled';
export type RecipientStatus = 'queued' | 'sent' | 'failed' | 'unsubscribed';
export type Counts = { total: number; queued: number; sent: number; failed: number; unsubscribed: number };

export type AnnouncementRow = {
  tenant_id: string;
  id: string;
  kind: AnnouncementsTable['kind'];
  subject: string;
  body_html: string;
  body_text: string;
  audience: Audience;
  status: AnnouncementStatus;
  scheduled_for: Date | null;
  sent_at: Date | null;
  recipient_count: number;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
  version: number;
  counts: Counts;
};

/**
 * A recipient's status follows its outbox row: sent once the deliverer sent it, failed once the
 * deliverer gave up, queued while it waits or retries. Unsubscribed addresses never got a row.
 */
const recipientStatus = sql<RecipientStatus>`(case when r.status = 'unsubscribed' then 'unsubscribed'
  when o.id is null then r.status
  when o.sent_at is not null then 'sent'
  when o.attempts >= ${MAX_ATTEMPTS} then 'failed'
  else 'queued' end)`;

const countsOf = sql<Counts>`(select json_build_object(
    'total', count(*)::int,
    'queued', count(*) filter (where s.st = 'queued')::int,
    'sent', count(*) filter (where s.st = 'sent')::int,
    'failed', count(*) filter (where s.st = 'failed')::int,
    'unsubscribed', count(*) filter (where s.st = 'unsubscribed')::int)
  from (select ${recipientStatus} as st from announcement_recipients r
          left join outbox_emails o on o.tenant_id = r.tenant_id and o.id = r.outbox_email_id
         where r.tenant_id = a.tenant_id and r.announcement_id = a.id) s)`;

function selectAnnouncements(db: Db, tenantId: string) {
  return db
    .selectFrom('announcements as a')
    .innerJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'a.tenant_id').onRef('u.id', '=', 'a.created_by'))
    .selectAll('a')
    .select(['u.name as created_by_name', countsOf.as('counts')])
    .where('a.tenant_id', '=', tenantId);
}

// JSON columns arrive parsed from pg and as text from some drivers: accept both.
const parsed = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const normal = (r: Record<string, unknown>): AnnouncementRow => ({ ...(r as AnnouncementRow), audience: parsed<Audience>(r.audience), counts: parsed<Counts>(r.counts) });

/** Newest first. */
export async function listAnnouncements(db: Db, tenantId: string, opts: { limit: number; after?: Cursor; status?: AnnouncementStatus }): Promise<AnnouncementRow[]> {
  let q = selectAnnouncements(db, tenantId);
  if (opts.status) q = q.where('a.status', '=', opts.status);
  if (opts.after) q = q.where(sql<SqlBool>`(a.created_at, a.id) < (${String(opts.after.k)}::timestamptz, ${opts.after.id}::uuid)`);
  const rows = await q.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(opts.limit + 1).execute();
  return rows.map((r) => normal(r));
}

export async function findAnnouncement(db: Db, tenantId: string, id: string): Promise<AnnouncementRow | undefined> {
  const r = await selectAnnouncements(db, tenantId).where('a.id', '=', id).executeTakeFirst();
  return r ? normal(r) : undefined;
}

/** Locks the row for the rest of the transaction: a send and an edit or a cancel queue behind each other. */
export async function lockAnnouncement(db: Db, tenantId: string, id: string) {
  return db.selectFrom('announcements').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertAnnouncement(
  db: Db,
  a: { tenantId: string; kind: AnnouncementsTable['kind']; subject: string; bodyHtml: string; bodyText: string; audience: Audience; createdBy: string; now: Date },
): Promise<string> {
  const row = await db
    .insertInto('announcements')
    .values({
      tenant_id: a.tenantId,
      kind: a.kind,
      subject: a.subject,
      body_html: a.bodyHtml,
      body_text: a.bodyText,
      audience: JSON.stringify(a.audience),
      created_by: a.createdBy,
      created_at: a.now,
      updated_at: a.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type AnnouncementPatch = {
  kind?: AnnouncementsTable['kind'];
  subject?: string;
  bodyHtml?: string;
  bodyText?: string;
  audience?: Audience;
  status?: AnnouncementStatus;
  scheduledFor?: Date | null;
  sentAt?: Date;
  recipientCount?: number;
};

/** Applies the patch if the row is in one of `from` (and at `expectedVersion` when given); false otherwise. */
export async function updateAnnouncement(db: Db, tenantId: string, id: string, patch: AnnouncementPatch, now: Date, guard: { from: AnnouncementStatus[]; expectedVersion?: number | null }): Promise<boolean> {
  let q = db
    .updateTable('announcements')
    .set((eb) => ({
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.subject !== undefined ? { subject: patch.subject } : {}),
      ...(patch.bodyHtml !== undefined ? { body_html: patch.bodyHtml } : {}),
      ...(patch.bodyText !== undefined ? { body_text: patch.bodyText } : {}),
      ...(patch.audience !== undefined ? { audience: JSON.stringify(patch.audience) } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.scheduledFor !== undefined ? { scheduled_for: patch.scheduledFor } : {}),
      ...(patch.sentAt !== undefined ? { sent_at: patch.sentAt } : {}),
      ...(patch.recipientCount !== undefined ? { recipient_count: patch.recipientCount } : {}),
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', 'in', guard.from);
  if (guard.expectedVersion !== undefined && guard.expectedVersion !== null) q = q.where('version', '=', guard.expectedVersion);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export type AudienceMember = { client_id: string; client_name: string; contact_id: string; name: string; email: string };

const inList = (values: string[] | undefined): values is string[] => values !== undefined && values.length > 0;

/**
 * Contacts with an e-mail address of active clients matching every given filter, one per
 * address (the first client by name wins): clients named; clients whose contract in force at
 * `now` is on one of the plans (the plan of its accepted terms in force then); clients owning one
 * of the sites; contacts holding one of the roles.
 */
export async function audienceMembers(db: Db, tenantId: string, audience: Audience, now: Date): Promise<AudienceMember[]> {
  const filters: RawBuilder<unknown>[] = [];
  if (inList(audience.clientIds)) filters.push(sql`and k.client_id = any(${audience.clientIds}::uuid[])`);
  if (inList(audience.siteIds)) filters.push(sql`and exists (select 1 from sites s where s.tenant_id = k.tenant_id and s.client_id = k.client_id and s.id = any(${audience.siteIds}::uuid[]))`);
  if (inList(audience.contactRoles)) filters.push(sql`and k.roles && ${audience.contactRoles}::text[]`);
  if (inList(audience.planIds)) {
    filters.push(sql`and exists (
      select 1 from contracts x
        join lateral (select am.terms from amendments am
                       where am.tenant_id = x.tenant_id and am.contract_id = x.id and am.status = 'accepted' and am.in_force_from <= ${now}::timestamptz
                       order by am.in_force_from desc, am.number desc limit 1) t on true
       where x.tenant_id = k.tenant_id and x.client_id = k.client_id and x.status = 'active'
         and x.starts_at <= ${now}::timestamptz and (x.ends_at is null or x.ends_at > ${now}::timestamptz)
         and t.terms -> 'plan' ->> 'planId' = any(${audience.planIds}::text[]))`);
  }
  const r = await sql<AudienceMember>`
    select distinct on (lower(btrim(k.email))) k.client_id, c.name as client_name, k.id as contact_id, k.name, btrim(k.email) as email
      from contacts k
      join clients c on c.tenant_id = k.tenant_id and c.id = k.client_id and c.status = 'active'
     where k.tenant_id = ${tenantId}
       and btrim(k.email) <> ''
       ${sql.join(filters, sql` `)}
     order by lower(btrim(k.email)), c.name, c.id, k.id
  `.execute(db);
  return r.rows;
}

/** Which of the addresses (any case) unsubscribed from the tenant's newsletters; lower case. */
export async function unsubscribedAmong(db: Db, tenantId: string, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const r = await sql<{ email: string }>`select email from newsletter_unsubscribes where tenant_id = ${tenantId} and email = any(${emails.map((e) => e.toLowerCase())}::text[])`.execute(db);
  return new Set(r.rows.map((x) => x.email));
}

/** Ids of the rows that exist in the tenant, to name unknown ones in a validation error. */
export async function existingIds(db: Db, tenantId: string, table: 'clients' | 'plans' | 'sites', ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom(table).select('id').where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export type NewRecipient = {
  tenantId: string;
  announcementId: string;
  clientId: string;
  contactId: string;
  email: string;
  status: 'queued' | 'unsubscribed';
  outboxEmailId: string | null;
  unsubscribeTokenHash: string | null;
};

/** Records the recipients, in chunks of multi-row inserts. */
export async function insertRecipients(db: Db, rows: readonly NewRecipient[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('announcement_recipients')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          tenant_id: r.tenantId,
          announcement_id: r.announcementId,
          client_id: r.clientId,
          contact_id: r.contactId,
          email: r.email,
          status: r.status,
          outbox_email_id: r.outboxEmailId,
          unsubscribe_token_hash: r.unsubscribeTokenHash,
        })),
      )
      .execute();
  }
}

export type RecipientRow = {
  id: string;
  client_id: string;
  client_name: string;
  contact_id: string | null;
  contact_name: string | null;
  email: string;
  status: RecipientStatus;
  sent_at: Date | null;
  attempts: number;
  last_error: string | null;
};

/** By address; with the status the outbox gives each. */
export async function listRecipients(db: Db, tenantId: string, announcementId: string, opts: { limit: number; after?: Cursor; status?: RecipientStatus }): Promise<RecipientRow[]> {
  const r = await sql<RecipientRow>`
    select * from (
      select r.id, r.client_id, c.name as client_name, r.contact_id, k.name as contact_name, r.email,
             ${recipientStatus} as status, o.sent_at, coalesce(o.attempts, 0)::int as attempts, o.last_error
        from announcement_recipients r
        join clients c on c.tenant_id = r.tenant_id and c.id = r.client_id
        left join contacts k on k.tenant_id = r.tenant_id and k.id = r.contact_id
        left join outbox_emails o on o.tenant_id = r.tenant_id and o.id = r.outbox_email_id
       where r.tenant_id = ${tenantId} and r.announcement_id = ${announcementId}
    ) x
    where true
      ${opts.status ? sql`and x.status = ${opts.status}` : sql``}
      ${opts.after ? sql`and (lower(x.email), x.id) > (${String(opts.after.k ?? '')}, ${opts.after.id}::uuid)` : sql``}
    order by lower(x.email), x.id
    limit ${opts.limit + 1}
  `.execute(db);
  return r.rows;
}

/** Scheduled announcements of every tenant whose time has come, oldest first. */
export async function dueAnnouncements(db: Db, now: Date, tenantIds?: readonly string[]): Promise<Array<{ tenant_id: string; id: string }>> {
  let q = db.selectFrom('announcements').select(['tenant_id', 'id']).where('status', '=', 'scheduled').where('scheduled_for', '<=', now);
  if (tenantIds) q = tenantIds.length === 0 ? q.where(sql<SqlBool>`false`) : q.where('tenant_id', 'in', tenantIds);
  return q.orderBy('scheduled_for').limit(100).execute();
}

export type PortalAnnouncementRow = { id: string; kind: AnnouncementsTable['kind']; subject: string; body_html: string; sent_at: Date };

/** Announcements sent to the client (any of its contacts), newest first. */
export async function listForClient(db: Db, tenantId: string, clientId: string, opts: { limit: number; after?: Cursor }): Promise<PortalAnnouncementRow[]> {
  let q = db
    .selectFrom('announcements as a')
    .select(['a.id', 'a.kind', 'a.subject', 'a.body_html', sql<Date>`a.sent_at`.as('sent_at')])
    .where('a.tenant_id', '=', tenantId)
    .where('a.status', '=', 'sent')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('announcement_recipients as r')
          .select(sql`1`.as('one'))
          .whereRef('r.tenant_id', '=', 'a.tenant_id')
          .whereRef('r.announcement_id', '=', 'a.id')
          .where('r.client_id', '=', clientId),
      ),
    );
  if (opts.after) q = q.where(sql<SqlBool>`(a.sent_at, a.id) < (${String(opts.after.k)}::timestamptz, ${opts.after.id}::uuid)`);
  return q.orderBy('a.sent_at', 'desc').orderBy('a.id', 'desc').limit(opts.limit + 1).execute();
}

export type UnsubscribeTarget = { tenant_id: string; organisation: string; email: string; subject: string; kind: AnnouncementsTable['kind']; unsubscribed: boolean };

/** The recipient a link names (across tenants: the token is the credential). */
export async function findByUnsubscribeToken(db: Db, tokenHash: string): Promise<UnsubscribeTarget | undefined> {
  const r = await sql<UnsubscribeTarget>`
    select r.tenant_id, t.name as organisation, r.email, a.subject, a.kind,
           exists (select 1 from newsletter_unsubscribes n where n.tenant_id = r.tenant_id and n.email = lower(r.email)) as unsubscribed
      from announcement_recipients r
      join announcements a on a.tenant_id = r.tenant_id and a.id = r.announcement_id
      join tenants t on t.id = r.tenant_id
     where r.unsubscribe_token_hash = ${tokenHash}
  `.execute(db);
  return r.rows[0];
}

export async function addUnsubscribe(db: Db, tenantId: string, email: string, now: Date): Promise<void> {
  await db
    .insertInto('newsletter_unsubscribes')
    .values({ tenant_id: tenantId, email: email.toLowerCase(), unsubscribed_at: now })
    .onConflict((oc) => oc.columns(['tenant_id', 'email']).doNothing())
    .execute();
}
