import { z } from 'zod';
import { requireActor } from '../../http/actor';
import { expectedVersion, setEtag } from '../../http/etag';
import type { App } from '../../http/types';
import { createSiteBody, listSitesQuery, siteListParams, sitePage, siteParams, siteView, updateSiteBody } from './sites.schema';
import * as service from './sites.service';

export async function sitesRoutes(app: App) {
  const ctx = app.ctx;

  app.get(
    '/clients/:clientId/sites',
    { schema: { tags: ['sites'], summary: "A client's sites, by name", params: siteListParams, querystring: listSitesQuery, response: { 200: sitePage } } },
    async (request) => service.listSites(ctx, requireActor(request.actor), request.params.clientId, request.query),
  );

  app.post(
    '/clients/:clientId/sites',
    {
      schema: {
        tags: ['sites'],
        summary: "Add a site; timeZone is an IANA zone. isMain makes it the client's one main site (the first site is main unless isMain is false)",
        params: siteListParams,
        body: createSiteBody,
        response: { 201: siteView },
      },
    },
    async (request, reply) => {
      const site = await service.createSite(ctx, requireActor(request.actor), request.params.clientId, request.body);
      setEtag(reply, site.version);
      return reply.status(201).send(site);
    },
  );

  app.get(
    '/clients/:clientId/sites/:siteId',
    { schema: { tags: ['sites'], summary: 'One site', params: siteParams, response: { 200: siteView } } },
    async (request, reply) => {
      const site = await service.getSite(ctx, requireActor(request.actor), request.params.clientId, request.params.siteId);
      setEtag(reply, site.version);
      return site;
    },
  );

  app.patch(
    '/clients/:clientId/sites/:siteId',
    {
      schema: {
        tags: ['sites'],
        summary: 'Change a site; isMain true moves the main flag here. Honours If-Match (412 when stale)',
        params: siteParams,
        body: updateSiteBody,
        response: { 200: siteView },
      },
    },
    async (request, reply) => {
      const site = await service.updateSite(ctx, requireActor(request.actor), request.params.clientId, request.params.siteId, request.body, expectedVersion(request));
      setEtag(reply, site.version);
      return site;
    },
  );

  app.delete(
    '/clients/:clientId/sites/:siteId',
    { schema: { tags: ['sites'], summary: 'Remove a site', params: siteParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await service.deleteSite(ctx, requireActor(request.actor), request.params.clientId, request.params.siteId);
      return reply.status(204).send(null);
    },
  );
}
