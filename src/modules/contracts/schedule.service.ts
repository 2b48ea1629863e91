import type { ContractTerms } from '../../domain/pact/pact-types';
import { buildSchedule, type ScheduleDocument } from '../../domain/pact/schedule-document';
import { formatDate } from '../../domain/pact/amendment-summary';
import type { Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { conflict, notFound } from '../../errors';
import { findMatrix } from '../priority-matrix/priority-matrix.repository';
import * as repo from './contracts.repository';
import { getContractRow, termsInForce } from './contracts.service';

/** The Service Level Schedule of a contract: the terms in force now (or the draft), or those of amendment N. */
export async function scheduleFor(ctx: AppContext, actor: Actor, contractId: string, amendmentNumber?: number): Promise<ScheduleDocument> {
  const c = await getContractRow(ctx, actor, contractId);
  const tenantId = actor.tenantId;
  const now = ctx.now();
  const calendars = await repo.tenantCalendars(ctx.db, tenantId);
  let terms: ContractTerms | null;
  let basis: string;
  if (amendmentNumber !== undefined) {
    const a = await repo.findAmendment(ctx.db, tenantId, c.id, amendmentNumber);
    if (!a) throw notFound('Amendment');
    terms = a.terms;
    const zone = calendars.find((k) => k.id === a.terms.calendarId)?.definition.timeZone ?? 'UTC';
    basis =
      a.status === 'proposed'
        ? `Proposed amendment #${a.number} (not yet accepted): ${a.summary}`
        : a.status === 'accepted'
          ? `Amendment #${a.number}, accepted, in force from ${formatDate(a.in_force_from!, zone)}`
          : `Amendment #${a.number} (${a.status}; never in force)`;
  } else if (c.status === 'draft') {
    terms = c.draft_terms;
    basis = 'Draft contract (not yet in force)';
  } else {
    const amendments = await repo.listAmendments(ctx.db, tenantId, c.id);
    const v = termsInForce(amendments, now) ?? termsInForce(amendments, c.starts_at > now ? c.starts_at : now);
    terms = v?.terms ?? null;
    const zone = calendars.find((k) => k.id === v?.terms.calendarId)?.definition.timeZone ?? 'UTC';
    basis = v ? `Terms in force on ${formatDate(now, zone)} (amendment #${v.version})` : '';
  }
  if (!terms) throw conflict('This contract has no terms in force');
  const zone = calendars.find((k) => k.id === terms.calendarId)?.definition.timeZone ?? 'UTC';
  const [matrix, catalog, site, organisation, sites] = await Promise.all([
    findMatrix(ctx.db, tenantId),
    repo.activeCatalogItems(ctx.db, tenantId),
    repo.mainSite(ctx.db, tenantId, c.client_id),
    repo.tenantName(ctx.db, tenantId),
    repo.clientSites(ctx.db, tenantId, c.client_id),
  ]);
  return buildSchedule({
    organisation,
    clientName: c.client_name,
    contract: { name: c.name, startsAt: c.starts_at, endsAt: c.ends_at },
    terms,
    matrix: matrix.matrix,
    catalog: catalog.map((i) => ({ id: i.id, name: i.name, category: i.category, deliveryMode: i.delivery_mode, defaultUrgency: i.default_urgency, defaultImpact: i.default_impact })),
    calendarNames: new Map(calendars.map((k) => [k.id, k.name])),
    travel: site && site.travel_minutes > 0 ? { siteName: site.name, minutes: site.travel_minutes } : null,
    siteNames: new Map(sites.map((s) => [s.id, s.name])),
    basis,
    timeZone: zone,
    generatedAt: now,
  });
}
