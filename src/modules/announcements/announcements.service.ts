/**
 * Announcements: a service notice or newsletter written once and e-mailed to the client contacts
 * an audience names, now or at a set time. Recipients are resolved when it is sent (so a contact
 * added after writing is included), each address once; newsletters skip addresses that
 * unsubscribed and carry a one-click unsubscribe link, service notices always go out. Every
 * e-mail goes through the outbox, whose rows give each recipient's status.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { staleWrite } from '../../http/etag';
import { decodeCursor, toPage } from '../../http/pagination';
import type { Db } from '../../db/database';
import { AppError, conflict, forbidden, invalid, notFound } from '../../errors';
import { enqueueEmails } from '../../mail/outbox';
import { appendAudit } from '../audit/audit.repository';
import { announcementText, sanitizeAnnouncementHtml } from './announcement-html';
import { canReadAnnouncements, canReadPortalAnnouncements, canWriteAnnouncements } from './announcements.policy';
import {
  announcementCursor,
  portalCursor,
  presentAnnouncement,
  presentAnnouncementSummary,
  presentPortalAnnouncement,
  presentRecipient,
  recipientCursor,
} from './announcements.presenter';
import * as repo from './announcements.repository';
import type { AudienceInput, CreateAnnouncementInput, ListAnnouncementsInput, PortalListInput, RecipientsInput, UpdateAnnouncementInput } from './announcements.schema';

const cannotWrite = () => forbidden('Only owners, admins and account managers write and send announcements');
const SAMPLE = 10;

function mustRead(actor: Actor) {
  if (!canReadAnnouncements(actor)) throw forbidden('Announcements are for staff');
}
function mustWrite(actor: Actor) {
  if (!canWriteAnnouncements(actor)) throw cannotWrite();
}

async function existing(ctx: AppContext, actor: Actor, id: string) {
  const row = await repo.findAnnouncement(ctx.db, actor.tenantId, id);
  if (!row) throw notFound('Announcement');
  return row;
}

/** Sanitises the body and insists some text is left, naming bodyHtml. */
function cleanBody(bodyHtml: string): { html: string; text: string } {
  const html = sanitizeAnnouncementHtml(bodyHtml);
  const text = announcementText(html);
  if (text === '') throw invalid({ bodyHtml: 'is required (there is no text left once unsafe content is removed)' });
  return { html, text };
}

/** Ids in the audience that are not the tenant's are named, so a mistyped id is not silently nobody. */
async function checkAudience(db: Db, tenantId: string, audience: AudienceInput): Promise<repo.Audience> {
  const fields: Record<string, string> = {};
  const check = async (key: 'clientIds' | 'planIds' | 'siteIds', table: 'clients' | 'plans' | 'sites', what: string) => {
    const ids = audience[key] ?? [];
    const found = await repo.existingIds(db, tenantId, table, ids);
    const missing = ids.filter((x) => !found.has(x));
    if (missing.length > 0) fields[`audience.${key}`] = `names ${missing.length === 1 ? `a ${what}` : `${missing.length} ${what}s`} that do${missing.length === 1 ? 'es' : ''} not exist: ${missing.join(', ')}`;
  };
  await check('clientIds', 'clients', 'client');
  await check('planIds', 'plans', 'plan');
  await check('siteIds', 'sites', 'site');
  if (Object.keys(fields).length > 0) throw invalid(fields);
  const out: repo.Audience = {};
  if (audience.clientIds?.length) out.clientIds = audience.clientIds;
  if (audience.planIds?.length) out.planIds = audience.planIds;
  if (audience.siteIds?.length) out.siteIds = audience.siteIds;
  if (audience.contactRoles?.length) out.contactRoles = audience.contactRoles;
  return out;
}

export async function listAnnouncements(ctx: AppContext, actor: Actor, input: ListAnnouncementsInput) {
  mustRead(actor);
  const rows = await repo.listAnnouncements(ctx.db, actor.tenantId, { limit: input.limit, after: decodeCursor(input.cursor), status: input.status });
  return toPage(rows, input.limit, announcementCursor, presentAnnouncementSummary);
}

export async function getAnnouncement(ctx: AppContext, actor: Actor, id: string) {
  mustRead(actor);
  return presentAnnouncement(await existing(ctx, actor, id));
}

export async function createAnnouncement(ctx: AppContext, actor: Actor, input: CreateAnnouncementInput) {
  mustWrite(actor);
  const body = cleanBody(input.bodyHtml);
  const audience = await checkAudience(ctx.db, actor.tenantId, input.audience);
  const now = ctx.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await repo.insertAnnouncement(trx, { tenantId: actor.tenantId, kind: input.kind, subject: input.subject, bodyHtml: body.html, bodyText: body.text, audience, createdBy: actor.userId, now });
    await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'announcement.created', targetType: 'announcement', targetId: newId, ip: actor.ip, details: { kind: input.kind, subject: input.subject } });
    return newId;
  });
  return presentAnnouncement(await existing(ctx, actor, id));
}

const notEditable = (status: string) => conflict(`A ${status} announcement cannot be changed; only drafts and scheduled ones can`);

export async function updateAnnouncement(ctx: AppContext, actor: Actor, id: string, input: UpdateAnnouncementInput, expectedVersion: number | null) {
  mustWrite(actor);
  const current = await existing(ctx, actor, id);
  const body = input.bodyHtml !== undefined ? cleanBody(input.bodyHtml) : undefined;
  const audience = input.audience !== undefined ? await checkAudience(ctx.db, actor.tenantId, input.audience) : undefined;
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockAnnouncement(trx, actor.tenantId, id);
    if (!locked) throw notFound('Announcement');
    if (expectedVersion !== null && locked.version !== expectedVersion) throw staleWrite();
    if (locked.status !== 'draft' && locked.status !== 'scheduled') throw notEditable(locked.status);
    const patch: repo.AnnouncementPatch = { kind: input.kind, subject: input.subject, bodyHtml: body?.html, bodyText: body?.text, audience };
    if (!(await repo.updateAnnouncement(trx, actor.tenantId, id, patch, ctx.now(), { from: ['draft', 'scheduled'] }))) throw notEditable(current.status);
    await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'announcement.updated', targetType: 'announcement', targetId: id, ip: actor.ip, details: { changed: Object.keys(input) } });
  });
  return presentAnnouncement(await existing(ctx, actor, id));
}

async function preview(db: Db, tenantId: string, kind: 'service_notice' | 'newsletter', audience: repo.Audience, now: Date) {
  const members = await repo.audienceMembers(db, tenantId, audience, now);
  const unsubscribed = kind === 'newsletter' ? await repo.unsubscribedAmong(db, tenantId, members.map((m) => m.email)) : new Set<string>();
  const reached = members.filter((m) => !unsubscribed.has(m.email.toLowerCase()));
  const sample = [...reached]
    .sort((a, b) => a.client_name.localeCompare(b.client_name) || a.name.localeCompare(b.name))
    .slice(0, SAMPLE)
    .map((m) => ({ client: m.client_name, name: m.name, email: m.email }));
  return { count: reached.length, unsubscribed: members.length - reached.length, sample };
}

/** Who would receive the announcement if it were sent now. */
export async function previewRecipients(ctx: AppContext, actor: Actor, id: string) {
  mustWrite(actor);
  const a = await existing(ctx, actor, id);
  return preview(ctx.db, actor.tenantId, a.kind, a.audience, ctx.now());
}

/** The same for an audience being composed, before it is saved. */
export async function previewAudience(ctx: AppContext, actor: Actor, input: { kind: 'service_notice' | 'newsletter'; audience: AudienceInput }) {
  mustWrite(actor);
  const audience = await checkAudience(ctx.db, actor.tenantId, input.audience);
  return preview(ctx.db, actor.tenantId, input.kind, audience, ctx.now());
}

const audienceOf = (v: unknown): repo.Audience => (typeof v === 'string' ? (JSON.parse(v) as repo.Audience) : (v as repo.Audience));

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function mailFor(a: { kind: 'service_notice' | 'newsletter'; body_html: string; body_text: string }, organisation: string, clientName: string, unsubscribeUrl: string | null) {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const why =
    a.kind === 'newsletter'
      ? `You receive this newsletter from ${organisation} as a contact of ${clientName}.`
      : `This is a service notice from ${organisation} about the IT services of ${clientName}; notices like it are sent to every contact concerned.`;
  const text = [a.body_text, '', '--', why, ...(unsubscribeUrl ? [`Unsubscribe from newsletters: ${unsubscribeUrl}`] : [])].join('\n');
  const footer = `<hr><p><small>${esc(why)}${unsubscribeUrl ? ` <a href="${esc(unsubscribeUrl)}">Unsubscribe from newsletters</a>.` : ''}</small></p>`;
  return { text, html: `${a.body_html}${footer}` };
}

/**
 * Sends a locked announcement inside the caller's transaction: resolves the audience, records a
 * recipient per address and queues its e-mail, and marks it sent. The outbox sends after commit.
 */
async function deliver(trx: Db, ctx: AppContext, a: { tenant_id: string; id: string; kind: 'service_notice' | 'newsletter'; subject: string; body_html: string; body_text: string; audience: unknown }, now: Date) {
  const audience = audienceOf(a.audience);
  const members = await repo.audienceMembers(trx, a.tenant_id, audience, now);
  const newsletter = a.kind === 'newsletter';
  const unsubscribed = newsletter ? await repo.unsubscribedAmong(trx, a.tenant_id, members.map((m) => m.email)) : new Set<string>();
  const tenant = await trx.selectFrom('tenants').select('name').where('id', '=', a.tenant_id).executeTakeFirstOrThrow();
  const base = ctx.config.publicUrl;
  const skipped = members.filter((m) => unsubscribed.has(m.email.toLowerCase()));
  const reached = members.filter((m) => !unsubscribed.has(m.email.toLowerCase())).map((m) => ({ m, token: newsletter ? randomBytes(32).toString('base64url') : null }));
  const emailIds = await enqueueEmails(
    trx,
    reached.map(({ m, token }) => {
      const mail = mailFor(a, tenant.name, m.client_name, token ? `${base}/unsubscribe/${token}` : null);
      return {
        tenantId: a.tenant_id,
        to: m.email,
        subject: a.subject,
        text: mail.text,
        html: mail.html,
        kind: `announcement_${a.kind}`,
        // One-click (RFC 8058): mail programs POST here; the page above is for people.
        listUnsubscribe: token ? `${base}/api/v1/public/unsubscribe/${token}` : null,
      };
    }),
  );
  const common = { tenantId: a.tenant_id, announcementId: a.id };
  await repo.insertRecipients(trx, [
    ...reached.map(({ m, token }, i) => ({ ...common, clientId: m.client_id, contactId: m.contact_id, email: m.email, status: 'queued' as const, outboxEmailId: emailIds[i]!, unsubscribeTokenHash: token ? hashToken(token) : null })),
    ...skipped.map((m) => ({ ...common, clientId: m.client_id, contactId: m.contact_id, email: m.email, status: 'unsubscribed' as const, outboxEmailId: null, unsubscribeTokenHash: null })),
  ]);
  const queued = reached.length;
  await repo.updateAnnouncement(trx, a.tenant_id, a.id, { status: 'sent', sentAt: now, recipientCount: queued }, now, { from: ['draft', 'scheduled', 'sending'] });
  return { recipients: members.length, queued };
}

/** Sends now, or schedules for `at` (in the future). */
export async function sendAnnouncement(ctx: AppContext, actor: Actor, id: string, at: string | undefined, expectedVersion: number | null) {
  mustWrite(actor);
  await existing(ctx, actor, id);
  const now = ctx.now();
  const when = at !== undefined ? new Date(at) : null;
  if (when && when.getTime() <= now.getTime()) throw invalid({ at: 'must be in the future; leave it out to send now' });
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockAnnouncement(trx, actor.tenantId, id);
    if (!locked) throw notFound('Announcement');
    if (expectedVersion !== null && locked.version !== expectedVersion) throw staleWrite();
    if (locked.status !== 'draft' && locked.status !== 'scheduled') throw conflict(`This announcement is ${locked.status}; only drafts and scheduled ones can be sent`);
    const p = await preview(trx, actor.tenantId, locked.kind, audienceOf(locked.audience), now);
    if (p.count === 0) throw conflict('No one would receive this announcement: no contact with an e-mail address of an active client matches the audience', { audience: 'matches no one' });
    if (when) {
      await repo.updateAnnouncement(trx, actor.tenantId, id, { status: 'scheduled', scheduledFor: when }, now, { from: ['draft', 'scheduled'] });
    } else {
      await deliver(trx, ctx, locked, now);
    }
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.email,
      action: when ? 'announcement.scheduled' : 'announcement.sent',
      targetType: 'announcement',
      targetId: id,
      ip: actor.ip,
      details: when ? { at: when.toISOString() } : { recipients: p.count },
    });
  });
  return presentAnnouncement(await existing(ctx, actor, id));
}

export async function cancelAnnouncement(ctx: AppContext, actor: Actor, id: string, expectedVersion: number | null) {
  mustWrite(actor);
  await existing(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockAnnouncement(trx, actor.tenantId, id);
    if (!locked) throw notFound('Announcement');
    if (expectedVersion !== null && locked.version !== expectedVersion) throw staleWrite();
    if (locked.status !== 'scheduled') throw conflict(`Only a scheduled announcement can be cancelled; this one is ${locked.status}`);
    await repo.updateAnnouncement(trx, actor.tenantId, id, { status: 'cancelled' }, ctx.now(), { from: ['scheduled'] });
    await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'announcement.cancelled', targetType: 'announcement', targetId: id, ip: actor.ip, details: {} });
  });
  return presentAnnouncement(await existing(ctx, actor, id));
}

export async function listRecipients(ctx: AppContext, actor: Actor, id: string, input: RecipientsInput) {
  mustRead(actor);
  await existing(ctx, actor, id);
  const rows = await repo.listRecipients(ctx.db, actor.tenantId, id, { limit: input.limit, after: decodeCursor(input.cursor), status: input.status });
  return toPage(rows, input.limit, recipientCursor, presentRecipient);
}

export async function listPortalAnnouncements(ctx: AppContext, actor: Actor, input: PortalListInput) {
  if (actor.kind !== 'client' || !canReadPortalAnnouncements(actor)) throw forbidden('The portal shows announcements to client users');
  const rows = await repo.listForClient(ctx.db, actor.tenantId, actor.clientId, { limit: input.limit, after: decodeCursor(input.cursor) });
  return toPage(rows, input.limit, portalCursor, presentPortalAnnouncement);
}

export type DueResult = { sent: number };

/**
 * Sends every scheduled announcement whose time has come. Each is locked and re-checked in its
 * own transaction (skipping rows another server holds), so with several servers each is sent
 * once; one failing does not hold back the others.
 */
export async function sendDueAnnouncements(ctx: AppContext, opts: { tenantIds?: readonly string[]; onError?: (err: unknown) => void } = {}): Promise<DueResult> {
  const now = ctx.now();
  const due = await repo.dueAnnouncements(ctx.db, now, opts.tenantIds);
  let sent = 0;
  for (const d of due) {
    try {
      const done = await ctx.db.transaction().execute(async (trx) => {
        const locked = await trx
          .selectFrom('announcements')
          .selectAll()
          .where('tenant_id', '=', d.tenant_id)
          .where('id', '=', d.id)
          .where('status', '=', 'scheduled')
          .where('scheduled_for', '<=', now)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!locked) return false;
        const r = await deliver(trx, ctx, locked, now);
        await appendAudit(trx, { tenantId: d.tenant_id, actorUserId: null, actorLabel: 'schedule', action: 'announcement.sent', targetType: 'announcement', targetId: d.id, ip: null, details: { recipients: r.queued, scheduled: true } });
        return true;
      });
      if (done) sent++;
    } catch (err) {
      opts.onError?.(err);
    }
  }
  return { sent };
}

// ---------- public unsubscribe ----------

const invalidLink = () => new AppError('not_found', 'This unsubscribe link is not valid; use the link of a newsletter you received');

/** What an unsubscribe link is about, for the confirmation page. */
export async function getUnsubscribe(ctx: AppContext, token: string) {
  const target = await repo.findByUnsubscribeToken(ctx.db, hashToken(token));
  if (!target || target.kind !== 'newsletter') throw invalidLink();
  return { organisation: target.organisation, email: target.email, subject: target.subject, unsubscribed: target.unsubscribed };
}

/** Stops newsletters to the link's address (service notices still reach it); idempotent. */
export async function unsubscribe(ctx: AppContext, token: string) {
  const target = await repo.findByUnsubscribeToken(ctx.db, hashToken(token));
  if (!target || target.kind !== 'newsletter') throw invalidLink();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.addUnsubscribe(trx, target.tenant_id, target.email, ctx.now());
    if (!target.unsubscribed) {
      await appendAudit(trx, { tenantId: target.tenant_id, actorUserId: null, actorLabel: target.email, action: 'newsletter.unsubscribed', targetType: 'newsletter_unsubscribe', targetId: null, ip: null, details: { email: target.email.toLowerCase() } });
    }
  });
  return { organisation: target.organisation, email: target.email, subject: target.subject, unsubscribed: true };
}
