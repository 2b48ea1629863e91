import { requireActor } from '../../http/actor';
import type { App } from '../../http/types';
import { journeyParams, journeyView, stageChangeBody, stageChangeView, suggestionParams } from './journey.schema';
import * as service from './journey.service';

const tags = ['journey'];

export async function journeyRoutes(app: App) {
  const ctx = app.ctx;

  app.get(
    '/clients/:clientId/journey',
    {
      schema: {
        tags,
        summary: "The client's journey: current stage, changes (latest first), stage bands, monthly CSAT and quarterly NPS; suggestions from the data for staff (client admins: none)",
        params: journeyParams,
        response: { 200: journeyView },
      },
    },
    async (request) => service.getJourney(ctx, requireActor(request.actor), request.params.clientId),
  );

  app.post(
    '/clients/:clientId/journey',
    {
      schema: {
        tags,
        summary: 'Move the client to a stage from a day (not in the future) with a note and evidence: tickets and problems of the client by id, changes, projects and links by label and url (owner, admin, account manager; audited)',
        params: journeyParams,
        body: stageChangeBody,
        response: { 201: stageChangeView },
      },
    },
    async (request, reply) => reply.status(201).send(await service.changeStage(ctx, requireActor(request.actor), request.params.clientId, request.body)),
  );

  app.post(
    '/clients/:clientId/journey/suggestions/:key/dismiss',
    { schema: { tags, summary: 'Dismiss a suggested stage: it is not offered again for its window (owner, admin, account manager)', params: suggestionParams } },
    async (request, reply) => {
      await service.dismissSuggestion(ctx, requireActor(request.actor), request.params.clientId, request.params.key);
      return reply.status(204).send();
    },
  );
}
