import { requireActor } from '../../http/actor';
import { expectedVersion, setEtag } from '../../http/etag';
import type { App } from '../../http/types';
import { idParams } from '../pact-defaults/pact-schemas';
import { createRiderBody, listRidersQuery, riderPage, riderView, updateRiderBody } from './riders.schema';
import * as service from './riders.service';

export async function ridersRoutes(app: App) {
  const ctx = app.ctx;
  const tags = ['pact'];

  app.get('/riders', { schema: { tags, summary: 'List riders (staff)', querystring: listRidersQuery, response: { 200: riderPage } } }, async (request) =>
    service.listRiders(ctx, requireActor(request.actor), request.query),
  );

  app.post(
    '/riders',
    { schema: { tags, summary: 'Add a rider (owner, admin): scale (factorPercent 1..100, floorMinutes) or replace targets', body: createRiderBody, response: { 201: riderView } } },
    async (request, reply) => {
      const r = await service.createRider(ctx, requireActor(request.actor), request.body);
      setEtag(reply, r.version);
      return reply.status(201).send(r);
    },
  );

  app.get('/riders/:id', { schema: { tags, summary: 'One rider', params: idParams, response: { 200: riderView } } }, async (request, reply) => {
    const r = await service.getRider(ctx, requireActor(request.actor), request.params.id);
    setEtag(reply, r.version);
    return r;
  });

  app.put(
    '/riders/:id',
    { schema: { tags, summary: 'Replace a rider (owner, admin); If-Match guards the write', params: idParams, body: updateRiderBody, response: { 200: riderView } } },
    async (request, reply) => {
      const r = await service.updateRider(ctx, requireActor(request.actor), request.params.id, request.body, expectedVersion(request));
      setEtag(reply, r.version);
      return r;
    },
  );

  app.post('/riders/:id/retire', { schema: { tags, summary: 'Stop offering a rider (owner, admin)', params: idParams, response: { 200: riderView } } }, async (request, reply) => {
    const r = await service.retireRider(ctx, requireActor(request.actor), request.params.id, expectedVersion(request));
    setEtag(reply, r.version);
    return r;
  });
}
