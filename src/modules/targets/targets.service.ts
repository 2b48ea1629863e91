import type { CatalogItemRow, Site } from '../../db/schema';
import type { ContractTerms } from '../../domain/pact/pact-types';
import { targetsFor, TargetsError, type ClockTargets, type TargetsResult } from '../../domain/pact/targets-for';
import { formatDate } from '../../domain/pact/amendment-summary';
import { scopeOf, type Actor, type Scope } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { conflict, forbidden, invalid, notFound } from '../../errors';
import { canReadContracts } from '../contracts/contracts.policy';
import { termsInForce } from '../contracts/contracts.service';
import { contractAt, livePactSource, type PactSource } from './pact-source';
import type { SimulateInput } from './targets.schema';

const clockView = (c: ClockTargets) => ({ target: c.target, calendarId: c.calendarId, pausesStopClock: c.pausesStopClock, thresholds: c.warningThresholds, explanation: c.explanation });

/** What `loadTargets` found: the contract and terms in force, the site and catalog item used, and the targets. */
export type LoadedTargets = {
  ok: true;
  client: { id: string; name: string };
  contract: { id: string; name: string };
  termsVersion: number;
  terms: ContractTerms;
  site: Site | undefined;
  catalogItem: CatalogItemRow | undefined;
  result: TargetsResult;
};

export type TargetsRequest = Omit<SimulateInput, 'at'> & { at: Date };

/**
 * The targets a ticket of `input.clientId` opened at `input.at` gets: the client's contract in
 * force then, its accepted amendments, the matrix and the catalog item, through `targetsFor`.
 * On-site travel comes from `siteId`, else the client's main site. Without a contract (or terms)
 * in force, `{ ok: false, message }`. Unknown client: 404; bad catalog item, site or matrix
 * input: 400 naming the field.
 */
export async function loadTargets(source: PactSource, scope: Scope, input: TargetsRequest): Promise<LoadedTargets | { ok: false; message: string }> {
  const pact = await source.client(input.clientId);
  if (!pact || (scope.clientId && scope.clientId !== pact.client.id)) throw notFound('Client');
  const { client } = pact;
  const at = input.at;
  const contract = contractAt(pact.contracts, at);
  if (!contract) return { ok: false, message: `${client.name} has no active contract on ${formatDate(at)}, so no targets apply; activate a contract first` };
  const version = termsInForce(contract.amendments, at);
  if (!version) return { ok: false, message: `The terms of "${contract.name}" are not yet in force on ${formatDate(at)}` };
  const item = input.catalogItemId ? await source.item(input.catalogItemId) : undefined;
  if (input.catalogItemId && !item) throw invalid({ catalogItemId: 'is not a catalog item of this organisation' });
  const site = input.siteId ? pact.sites.find((s) => s.id === input.siteId) : pact.sites.find((s) => s.is_main);
  if (input.siteId && !site) throw invalid({ siteId: `is not a site of ${client.name}` });
  const matrix = await source.matrix();
  try {
    const result = targetsFor({
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
    return { ok: true, client, contract: { id: contract.id, name: contract.name }, termsVersion: version.version, terms: version.terms, site, catalogItem: item, result };
  } catch (e) {
    if (e instanceof TargetsError) throw invalid({ [e.field]: e.message });
    throw e;
  }
}

/** The targets a ticket opened at `at` (default now) would get; 409 when no contract is in force. */
export async function simulate(ctx: AppContext, actor: Actor, input: SimulateInput) {
  if (!canReadContracts(actor)) throw forbidden();
  const at = input.at ? new Date(input.at) : ctx.now();
  const loaded = await loadTargets(livePactSource(ctx.db, actor.tenantId), scopeOf(actor), { ...input, at });
  if (!loaded.ok) throw conflict(loaded.message, { clientId: 'has no active contract at this instant' });
  const { result: r, site } = loaded;
  return {
    contractId: loaded.contract.id,
    termsVersion: loaded.termsVersion,
    at: at.toISOString(),
    priority: r.priority,
    deliveryMode: r.deliveryMode,
    site: site ? { id: site.id, name: site.name, travelMinutes: site.travel_minutes } : null,
    firstResponse: clockView(r.firstResponse),
    resolution: clockView(r.resolution),
    explanation: r.explanation,
  };
}
