import { requireActor } from '../../http/actor';
import { expectedVersion, setEtag } from '../../http/etag';
import type { App } from '../../http/types';
import { lookupBody, lookupView, matrixView, putMatrixBody } from './priority-matrix.schema';
import * as service from './priority-matrix.service';

export async function priorityMatrixRoutes(app: App) {
  const ctx = app.ctx;

  app.get(
    '/priority-matrix',
    { schema: { tags: ['pact'], summary: 'The urgency x impact -> priority matrix (staff and client users)', response: { 200: matrixView } } },
    async (request, reply) => {
      const m = await service.getMatrix(ctx, requireActor(request.actor));
      setEtag(reply, m.version);
      return m;
    },
  );

  app.put(
    '/priority-matrix',
    {
      schema: {
        tags: ['pact'],
        summary: 'Replace the matrix (owner, admin); every urgency x impact cell must name a priority of the matrix; If-Match guards the write',
        body: putMatrixBody,
        response: { 200: matrixView },
      },
    },
    async (request, reply) => {
      const m = await service.putMatrix(ctx, requireActor(request.actor), request.body, expectedVersion(request));
      setEtag(reply, m.version);
      return m;
    },
  );

  app.post(
    '/priority-matrix/lookup',
    { schema: { tags: ['pact'], summary: 'The priority the matrix gives an urgency and impact', body: lookupBody, response: { 200: lookupView } } },
    async (request) => service.lookup(ctx, requireActor(request.actor), request.body),
  );
}
