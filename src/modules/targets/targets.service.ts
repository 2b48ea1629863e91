import { targetsFor, TargetsError, type ClockTargets } from '../../domain/pact/targets-for';
import { formatDate } from '../../domain/pact/amendment-summary';
import { scopeOf, type Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { conflict, forbidden, invalid, notFound } from '../../errors';
import { canReadContracts } from '../contracts/contracts.policy';
import * as repo from '../contracts/contracts.repository';
import { termsInForce } from '../contracts/contracts.service';
import { findMatrix } from '../priority-matrix/priority-matrix.repository';
import type { SimulateInput } from './targets.schema';

const clockView = (c: ClockTargets) => ({ target: c.target, calendarId: c.calendarId, pausesStopClock: c.pausesStopClock, thresholds: c.warningThresholds, explanation: c.explanation });

/**
 * The targets a ticket opened at `at` (default now) would get: the client's contract in force
 * then, its accepted amendments, the matrix and the catalog item, through `targetsFor`. On-site
 * travel comes from `siteId`, else the client's main site.
 */
export async function simulate(ctx: AppContext, actor: Actor, input: SimulateInput) {
  if (!canReadContracts(actor)) throw forbidden();
  const tenantId = actor.tenantId;
  const client = await repo.findClientRow(ctx.db, scopeOf(actor), input.clientId);
  if (!client) throw notFound('Client');
  const at = input.at ? new Date(input.at) : ctx.now();
  const contract = await repo.contractInForce(ctx.db, scopeOf(actor), client.id, at);
  if (!contract) throw conflict(`${client.name} has no active contract on ${formatDate(at)}, so no targets apply; activate a contract first`, { clientId: 'has no active contract at this instant' });
  const version = termsInForce(await repo.listAmendments(ctx.db, tenantId, contract.id), at);
  if (!version) throw conflict(`The terms of "${contract.name}" are not yet in force on ${formatDate(at)}`, { clientId: 'has no active contract at this instant' });
  const item = input.catalogItemId ? await repo.findCatalogItemRow(ctx.db, tenantId, input.catalogItemId) : undefined;
  if (input.catalogItemId && !item) throw invalid({ catalogItemId: 'is not a catalog item of this organisation' });
  const site = input.siteId ? await repo.siteOfClient(ctx.db, tenantId, client.id, input.siteId) : await repo.mainSite(ctx.db, tenantId, client.id);
  if (input.siteId && !site) throw invalid({ siteId: `is not a site of ${client.name}` });
  const matrix = (await findMatrix(ctx.db, tenantId)).matrix;
  try {
    const r = targetsFor({
      terms: version.terms,
      matrix,
      catalogItem: item ? { id: item.id, name: item.name, deliveryMode: item.delivery_mode } : null,
      urgency: input.urgency,
      impact: input.impact,
      deliveryMode: input.deliveryMode,
      site: site ? { name: site.name, travelMinutes: site.travel_minutes } : null,
      priorityOverride: input.priorityOverride,
      at,
    });
    return {
      contractId: contract.id,
      termsVersion: version.version,
      at: at.toISOString(),
      priority: r.priority,
      deliveryMode: r.deliveryMode,
      site: site ? { id: site.id, name: site.name, travelMinutes: site.travel_minutes } : null,
      firstResponse: clockView(r.firstResponse),
      resolution: clockView(r.resolution),
      explanation: r.explanation,
    };
  } catch (e) {
    if (e instanceof TargetsError) throw invalid({ [e.field]: e.message });
    throw e;
  }
}
