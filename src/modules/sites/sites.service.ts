import { scopeOf, type Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { staleWrite } from '../../http/etag';
import { decodeCursor, toPage } from '../../http/pagination';
import { conflict, forbidden, notFound } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { getClientRow } from '../clients/clients.service';
import { uniqueViolation } from '../clients/unique-violation';
import { can } from './sites.policy';
import { presentSite, siteCursor } from './sites.presenter';
import * as repo from './sites.repository';
import type { CreateSiteInput, ListSitesInput, UpdateSiteInput } from './sites.schema';

const cannotWrite = () => forbidden('Only owners, admins, account managers and dispatchers can change sites');

function mapUnique(error: unknown): never {
  if (uniqueViolation(error) === 'sites_one_main') throw conflict('Another site was made the main site at the same time; reload and try again', { isMain: 'another site is the main site' });
  throw error;
}

async function readableClient(ctx: AppContext, actor: Actor, clientId: string) {
  const client = await getClientRow(ctx, actor, clientId);
  if (!can(actor, 'read', client)) throw notFound('Client');
  return client;
}

export async function listSites(ctx: AppContext, actor: Actor, clientId: string, input: ListSitesInput) {
  await readableClient(ctx, actor, clientId);
  const rows = await repo.listSites(ctx.db, scopeOf(actor), clientId, { limit: input.limit, after: decodeCursor(input.cursor) });
  return toPage(rows, input.limit, siteCursor, presentSite);
}

export async function getSite(ctx: AppContext, actor: Actor, clientId: string, siteId: string) {
  await readableClient(ctx, actor, clientId);
  const site = await repo.findSite(ctx.db, scopeOf(actor), clientId, siteId);
  if (!site) throw notFound('Site');
  return presentSite(site);
}

/** A client's first site becomes its main site unless the caller says otherwise. */
export async function createSite(ctx: AppContext, actor: Actor, clientId: string, input: CreateSiteInput) {
  const client = await readableClient(ctx, actor, clientId);
  if (!can(actor, 'write', client)) throw cannotWrite();
  const scope = scopeOf(actor);
  const site = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const isMain = input.isMain ?? (await repo.countSites(trx, scope, clientId)) === 0;
      if (isMain) await repo.clearMainSite(trx, scope, clientId);
      const s = await repo.insertSite(trx, scope, clientId, {
        name: input.name,
        address: input.address ?? '',
        time_zone: input.timeZone,
        travel_minutes: input.travelMinutes ?? 0,
        is_main: isMain,
      });
      await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'site.created', targetType: 'site', targetId: s.id, ip: actor.ip, details: { clientId, name: s.name } });
      return s;
    })
    .catch(mapUnique);
  return presentSite(site);
}

export async function updateSite(ctx: AppContext, actor: Actor, clientId: string, siteId: string, input: UpdateSiteInput, expectedVersion: number | null) {
  const client = await readableClient(ctx, actor, clientId);
  const scope = scopeOf(actor);
  if (!(await repo.findSite(ctx.db, scope, clientId, siteId))) throw notFound('Site');
  if (!can(actor, 'write', client)) throw cannotWrite();
  const site = await ctx.db
    .transaction()
    .execute(async (trx) => {
      if (input.isMain) await repo.clearMainSite(trx, scope, clientId, siteId);
      const s = await repo.updateSite(
        trx,
        scope,
        clientId,
        siteId,
        { name: input.name, address: input.address, time_zone: input.timeZone, travel_minutes: input.travelMinutes, is_main: input.isMain },
        expectedVersion,
      );
      if (!s) throw staleWrite();
      await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'site.updated', targetType: 'site', targetId: siteId, ip: actor.ip, details: { clientId, changed: Object.keys(input) } });
      return s;
    })
    .catch(mapUnique);
  return presentSite(site);
}

export async function deleteSite(ctx: AppContext, actor: Actor, clientId: string, siteId: string) {
  const client = await readableClient(ctx, actor, clientId);
  const scope = scopeOf(actor);
  const site = await repo.findSite(ctx.db, scope, clientId, siteId);
  if (!site) throw notFound('Site');
  if (!can(actor, 'write', client)) throw cannotWrite();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteSite(trx, scope, clientId, siteId))) throw notFound('Site');
    await appendAudit(trx, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'site.deleted', targetType: 'site', targetId: siteId, ip: actor.ip, details: { clientId, name: site.name } });
  });
}
