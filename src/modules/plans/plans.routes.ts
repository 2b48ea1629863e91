import { z } from 'zod';
import { requireActor } from '../../http/actor';
import { expectedVersion, setEtag } from '../../http/etag';
import type { App } from '../../http/types';
import { idParams } from '../pact-defaults/pact-schemas';
import { createPlanBody, listPlansQuery, planPage, planView, updatePlanBody } from './plans.schema';
import * as service from './plans.service';

export async function plansRoutes(app: App) {
  const ctx = app.ctx;
  const tags = ['pact'];

  app.get('/plans', { schema: { tags, summary: 'List plans (staff); q searches the name', querystring: listPlansQuery, response: { 200: planPage } } }, async (request) =>
    service.listPlans(ctx, requireActor(request.actor), request.query),
  );

  app.post(
    '/plans',
    { schema: { tags, summary: 'Add a plan (owner, admin); every priority of the matrix needs targets', body: createPlanBody, response: { 201: planView } } },
    async (request, reply) => {
      const p = await service.createPlan(ctx, requireActor(request.actor), request.body);
      setEtag(reply, p.version);
      return reply.status(201).send(p);
    },
  );

  app.get('/plans/:id', { schema: { tags, summary: 'One plan', params: idParams, response: { 200: planView } } }, async (request, reply) => {
    const p = await service.getPlan(ctx, requireActor(request.actor), request.params.id);
    setEtag(reply, p.version);
    return p;
  });

  app.put(
    '/plans/:id',
    { schema: { tags, summary: 'Replace a plan (owner, admin); signed contracts keep the terms they signed; If-Match guards the write', params: idParams, body: updatePlanBody, response: { 200: planView } } },
    async (request, reply) => {
      const p = await service.updatePlan(ctx, requireActor(request.actor), request.params.id, request.body, expectedVersion(request));
      setEtag(reply, p.version);
      return p;
    },
  );

  app.post('/plans/:id/retire', { schema: { tags, summary: 'Stop offering a plan (owner, admin)', params: idParams, response: { 200: planView } } }, async (request, reply) => {
    const p = await service.retirePlan(ctx, requireActor(request.actor), request.params.id, expectedVersion(request));
    setEtag(reply, p.version);
    return p;
  });

  app.delete('/plans/:id', { schema: { tags, summary: 'Delete a plan no contract uses (owner, admin); otherwise 409: retire it', params: idParams, response: { 204: z.null() } } }, async (request, reply) => {
    await service.deletePlan(ctx, requireActor(request.actor), request.params.id);
    return reply.status(204).send(null);
  });
}
