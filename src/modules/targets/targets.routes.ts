import { requireActor } from '../../http/actor';
import type { App } from '../../http/types';
import { simulateBody, simulateView } from './targets.schema';
import { simulate } from './targets.service';

export async function targetsRoutes(app: App) {
  app.post(
    '/targets/simulate',
    {
      schema: {
        tags: ['contracts'],
        summary: "The targets a ticket would get from the client's terms in force at `at` (default now), with the explanation of each number; 409 when no contract is in force",
        body: simulateBody,
        response: { 200: simulateView },
      },
    },
    async (request) => simulate(app.ctx, requireActor(request.actor), request.body),
  );
}
