/**
 * Executive summaries: generate a client's period from the data now (a new draft, or the draft
 * recomputed with its narrative kept), write the narrative, publish (the client admin sees it in
 * the portal from then on), render the PDF, deliver it by e-mail to chosen contacts with a
 * delivery log, schedule deliveries, and generate a whole period in the background.
 *
 * Generation reads the database before any transaction opens (PGlite is one connection), then a
 * short transaction writes.
 */
import { conflict, forbidden, invalid, notFound } from '../../errors';
import { periodBounds } from '../../domain/goals/period';
import { isPeriodKey, periodLabel, type SummaryDocument } from '../../domain/summaries';
import { scopeOf, type Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { staleWrite } from '../../http/etag';
import { enqueueEmail } from '../../mail/outbox';
import { appendAudit } from '../audit/audit.repository';
import { canReadDeliveries, canReadSummaries, canWriteSummaries, seesDrafts } from './summaries.policy';
import { presentDelivery, presentListItem, presentSchedule, presentSummary } from './summaries.presenter';
import * as repo from './summaries.repository';
import type { ClientHead, SummaryRow } from './summaries.repository';
import { generateSummaries } from './summary-generation';
import { renderSummaryPdf, summaryFilename } from './summary-render';

const cannotRead = () => forbidden('Executive summaries are for staff and the client administrator');
const cannotWrite = () => forbidden('Only owners, admins and account managers generate, publish and deliver executive summaries');

async function clientFor(ctx: AppContext, actor: Actor, clientId: string, allowed: (a: Actor) => boolean, refuse: () => Error): Promise<ClientHead> {
  if (!allowed(actor)) throw refuse();
  const c = await repo.findClient(ctx.db, scopeOf(actor), clientId);
  if (!c) throw notFound('Client');
  return c;
}

const readable = (ctx: AppContext, actor: Actor, id: string) => clientFor(ctx, actor, id, canReadSummaries, cannotRead);
const writable = (ctx: AppContext, actor: Actor, id: string) => clientFor(ctx, actor, id, canWriteSummaries, cannotWrite);

function checkPeriodKey(periodKey: string): void {
  if (!isPeriodKey(periodKey)) throw invalid({ periodKey: 'must be a month (YYYY-MM) or a quarter (YYYY-Qn) of a supported year' });
}

/** The summary the caller may see (client admins: published only), or 404. */
async function loadSummary(ctx: AppContext, actor: Actor, clientId: string, periodKey: string): Promise<SummaryRow> {
  const row = await repo.findSummary(ctx.db, scopeOf(actor), clientId, periodKey);
  if (!row || (!seesDrafts(actor) && row.status !== 'published')) throw notFound('Executive summary');
  return row;
}

// ---------- reads ----------

export async function listSummaries(ctx: AppContext, actor: Actor, clientId: string) {
  const c = await readable(ctx, actor, clientId);
  const rows = await repo.listSummaries(ctx.db, scopeOf(actor), c.id, !seesDrafts(actor));
  return { items: rows.map(presentListItem) };
}

export async function getSummary(ctx: AppContext, actor: Actor, clientId: string, periodKey: string) {
  const c = await readable(ctx, actor, clientId);
  return presentSummary(await loadSummary(ctx, actor, c.id, periodKey));
}

export async function summaryPdf(ctx: AppContext, actor: Actor, clientId: string, periodKey: string): Promise<{ filename: string; pdf: Buffer }> {
  const c = await readable(ctx, actor, clientId);
  const row = await loadSummary(ctx, actor, c.id, periodKey);
  return { filename: summaryFilename(row.document, row.status), pdf: await renderSummaryPdf({ document: row.document, narrative: row.narrative, status: row.status, publishedAt: row.published_at }) };
}

// ---------- generating ----------

const publishedConflict = (periodKey: string) =>
  conflict(`The executive summary of ${periodKey} is published and no longer changes; the client has it as it was sent`, { periodKey: 'is published' });

/** POST /clients/:id/summaries: a new draft (created) or the draft recomputed from the data now; the narrative is kept. */
export async function generateSummary(ctx: AppContext, actor: Actor, clientId: string, periodKey: string) {
  const c = await writable(ctx, actor, clientId);
  checkPeriodKey(periodKey);
  const existing = await repo.findSummary(ctx.db, { tenantId: c.tenant_id }, c.id, periodKey);
  if (existing?.status === 'published') throw publishedConflict(periodKey);
  const now = ctx.now();
  const [result] = await generateSummaries(ctx, c.tenant_id, periodKey, [c], now);
  if (!result || !('document' in result)) throw invalid({ periodKey: result && 'problem' in result ? result.problem : 'cannot be summarised' });
  const [written] = await repo.upsertDrafts(ctx.db, [{ tenant_id: c.tenant_id, client_id: c.id, period_key: periodKey, document: result.document, generated_at: now, generated_by: actor.userId }]);
  if (!written) throw publishedConflict(periodKey);
  return { created: written.created, view: await getSummary(ctx, actor, c.id, periodKey) };
}

export async function updateNarrative(ctx: AppContext, actor: Actor, clientId: string, periodKey: string, narrative: string, expectedVersion: number | null) {
  const c = await writable(ctx, actor, clientId);
  const row = await loadSummary(ctx, actor, c.id, periodKey);
  if (row.status === 'published') throw conflict(`The executive summary of ${periodKey} is published; its narrative no longer changes`, { narrative: 'is published' });
  if (expectedVersion !== null && expectedVersion !== row.version) throw staleWrite();
  // Line endings normalised and trailing space dropped, so the PDF's paragraphs are the editor's.
  const text = narrative.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim();
  if (!(await repo.updateNarrative(ctx.db, c.tenant_id, row.id, text, actor.userId, expectedVersion))) {
    const now = await repo.findSummary(ctx.db, { tenantId: c.tenant_id }, c.id, periodKey);
    if (now?.status === 'published') throw conflict(`The executive summary of ${periodKey} was just published; its narrative no longer changes`, { narrative: 'is published' });
    throw staleWrite();
  }
  return getSummary(ctx, actor, c.id, periodKey);
}

async function publishRow(ctx: AppContext, db: AppContext['db'], actor: Actor | null, row: SummaryRow, at: Date): Promise<boolean> {
  if (!(await repo.publish(db, row.tenant_id, row.id, actor?.userId ?? null, at))) return false;
  await appendAudit(db, {
    tenantId: row.tenant_id,
    actorUserId: actor?.userId ?? null,
    actorLabel: actor?.email ?? 'summary schedule',
    action: 'executive_summary.published',
    targetType: 'client',
    targetId: row.client_id,
    ip: actor?.ip ?? null,
    details: { periodKey: row.period_key, summaryId: row.id },
  });
  return true;
}

/** Draft -> published (If-Match guards it); the client admin sees it from then on. Audited. */
export async function publishSummary(ctx: AppContext, actor: Actor, clientId: string, periodKey: string, expectedVersion: number | null) {
  const c = await writable(ctx, actor, clientId);
  const row = await loadSummary(ctx, actor, c.id, periodKey);
  if (row.status === 'published') throw conflict(`The executive summary of ${periodKey} is already published`);
  if (expectedVersion !== null && expectedVersion !== row.version) throw staleWrite();
  const done = await ctx.db.transaction().execute((trx) => publishRow(ctx, trx, actor, row, ctx.now()));
  if (!done) throw staleWrite();
  return getSummary(ctx, actor, c.id, periodKey);
}

// ---------- delivering ----------

function emailText(doc: SummaryDocument, recipient: string, portalUrl: string): string {
  const h = doc.headline;
  const pct = (v: number | null) => (v === null ? 'n/a' : `${v} %`);
  return [
    `Dear ${recipient},`,
    '',
    `Please find attached the executive summary of the service ${doc.organisation} delivered to ${doc.clientName} in ${doc.periodLabel}.`,
    '',
    'At a glance:',
    `- Tickets opened: ${h.opened}, resolved: ${h.resolved}`,
    `- First response in time: ${pct(h.firstResponseCompliance.value)}; resolved in time: ${pct(h.resolutionCompliance.value)}`,
    `- Satisfaction (CSAT, 1-5): ${h.csatAverage.value ?? 'n/a'}`,
    h.goalsEvaluated ? `- Goals met: ${h.goalsMet} of ${h.goalsEvaluated}` : '- Goals: not yet evaluated',
    '',
    `Client administrators can also read it in the portal: ${portalUrl}`,
    '',
    `Kind regards,`,
    doc.organisation,
  ].join('\n');
}

/**
 * E-mails the PDF to each chosen contact of the client (outbox attachment), publishing the summary
 * first if it is a draft: what a client receives is what its portal shows. One transaction: the
 * publication, the e-mails and the delivery log commit together.
 */
export async function deliverSummary(ctx: AppContext, actor: Actor, clientId: string, periodKey: string, contactIds: readonly string[]) {
  const c = await writable(ctx, actor, clientId);
  return deliver(ctx, actor, c, await loadSummary(ctx, actor, c.id, periodKey), contactIds);
}

/** The schedule job's delivery: no person asked for it (the audit log says so). */
export async function deliverScheduled(ctx: AppContext, tenantId: string, clientId: string, periodKey: string, contactIds: readonly string[]) {
  const row = await repo.findSummary(ctx.db, { tenantId }, clientId, periodKey);
  if (!row) throw notFound('Executive summary');
  // Contacts removed since the schedule was saved, or without an address, are skipped.
  const usable = (await repo.contactsOf(ctx.db, tenantId, clientId, contactIds)).filter((k) => k.email.trim()).map((k) => k.id);
  if (!usable.length) throw invalid({ contactIds: 'none of the scheduled contacts exists with an e-mail address any more' });
  return deliver(ctx, null, { tenant_id: tenantId, id: clientId, name: row.client_name, status: 'active' }, row, usable);
}

async function deliver(ctx: AppContext, actor: Actor | null, c: ClientHead, row: SummaryRow, contactIds: readonly string[]) {
  const periodKey = row.period_key;
  const ids = [...new Set(contactIds)];
  const contacts = await repo.contactsOf(ctx.db, c.tenant_id, c.id, ids);
  const unknown = ids.filter((id) => !contacts.some((k) => k.id === id));
  if (unknown.length) throw invalid({ contactIds: `${unknown.length === 1 ? 'is not a contact' : 'are not contacts'} of ${c.name}: ${unknown.join(', ')}` });
  const noEmail = contacts.filter((k) => !k.email.trim());
  if (noEmail.length) throw invalid({ contactIds: `${noEmail.map((k) => k.name).join(', ')} ${noEmail.length === 1 ? 'has' : 'have'} no e-mail address` });

  const now = ctx.now();
  const publishedAt = row.published_at ?? now;
  const pdf = await renderSummaryPdf({ document: row.document, narrative: row.narrative, status: 'published', publishedAt });
  const filename = summaryFilename(row.document, 'published');
  const portalUrl = `${ctx.config.publicUrl}/portal/summaries/${row.period_key}`;
  const subject = `Executive summary for ${row.document.clientName}, ${row.document.periodLabel}`;

  const created = await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockSummary(trx, c.tenant_id, c.id, periodKey);
    if (!locked) throw notFound('Executive summary');
    if (locked.status === 'draft') {
      // Regenerated or re-narrated since we read it: the PDF would not be what is published.
      if (locked.version !== row.version) throw staleWrite();
      await publishRow(ctx, trx, actor, row, publishedAt);
    }
    const out = [];
    for (const k of contacts) {
      const emailId = await enqueueEmail(trx, {
        tenantId: c.tenant_id,
        to: k.email,
        subject,
        text: emailText(row.document, k.name, portalUrl),
        kind: 'executive_summary',
        attachments: [{ filename, contentType: 'application/pdf', content: pdf }],
      });
      const d = await repo.insertDelivery(trx, { tenant_id: c.tenant_id, summary_id: row.id, contact_id: k.id, email: k.email, outbox_email_id: emailId, requested_by: actor?.userId ?? null });
      out.push({ id: d.id, email: d.email, status: 'queued' as const });
    }
    await appendAudit(trx, {
      tenantId: c.tenant_id,
      actorUserId: actor?.userId ?? null,
      actorLabel: actor?.email ?? 'summary schedule',
      action: 'executive_summary.delivered',
      targetType: 'client',
      targetId: c.id,
      ip: actor?.ip ?? null,
      details: { periodKey, summaryId: row.id, recipients: contacts.map((k) => k.email) },
    });
    return out;
  });
  return created;
}

export async function listDeliveries(ctx: AppContext, actor: Actor, clientId: string, periodKey: string) {
  const c = await clientFor(ctx, actor, clientId, canReadDeliveries, () => forbidden('The delivery log is for staff'));
  const row = await loadSummary(ctx, actor, c.id, periodKey);
  return { items: (await repo.deliveriesOf(ctx.db, c.tenant_id, row.id)).map(presentDelivery) };
}

// ---------- schedules ----------

export async function listSchedules(ctx: AppContext, actor: Actor, clientId: string) {
  const c = await clientFor(ctx, actor, clientId, canReadDeliveries, () => forbidden('Summary schedules are for staff'));
  const rows = await repo.schedulesOf(ctx.db, c.tenant_id, c.id);
  return { items: (['monthly', 'quarterly'] as const).map((p) => presentSchedule(p, rows.find((r) => r.period === p))) };
}

export async function putSchedule(
  ctx: AppContext,
  actor: Actor,
  clientId: string,
  period: 'monthly' | 'quarterly',
  body: { daysAfter: number; contactIds: string[]; enabled: boolean },
  expectedVersion: number | null,
) {
  const c = await writable(ctx, actor, clientId);
  const ids = [...new Set(body.contactIds)];
  const contacts = await repo.contactsOf(ctx.db, c.tenant_id, c.id, ids);
  const unknown = ids.filter((id) => !contacts.some((k) => k.id === id));
  if (unknown.length) throw invalid({ contactIds: `${unknown.length === 1 ? 'is not a contact' : 'are not contacts'} of ${c.name}: ${unknown.join(', ')}` });
  if (body.enabled && !ids.length) throw invalid({ contactIds: 'choose at least one contact to send the summaries to, or turn the schedule off' });
  const row = await repo.upsertSchedule(ctx.db, { tenant_id: c.tenant_id, client_id: c.id, period, days_after: body.daysAfter, contact_ids: ids, enabled: body.enabled, created_by: actor.userId }, expectedVersion || null);
  if (!row) throw staleWrite();
  return presentSchedule(period, row);
}

/** Whether a month or quarter has ended everywhere on Earth: earlier, no contract's zone can have ended it. */
export function periodEndedSomewhere(periodKey: string, now: Date): boolean {
  return periodBounds(periodKey, 'Pacific/Kiritimati').to <= now;
}

export { periodLabel };
