import { requireActor } from '../../http/actor';
import type { App } from '../../http/types';
import { atRiskList, atRiskQuery, clientParams, clientRiskView, summaryQuery, summaryView } from './satisfaction.schema';
import * as service from './satisfaction.service';

export async function satisfactionRoutes(app: App) {
  const ctx = app.ctx;

  app.get(
    '/satisfaction/summary',
    {
      schema: {
        tags: ['satisfaction'],
        summary: 'CSAT (and, by client, NPS) figures for a period by client, technician, plan or category, with the total; client admins: own client, by category',
        querystring: summaryQuery,
        response: { 200: summaryView },
      },
    },
    async (request) => service.summary(ctx, requireActor(request.actor), request.query),
  );

  app.get(
    '/at-risk',
    {
      schema: {
        tags: ['satisfaction'],
        summary: "Active clients with at least one at-risk reason, highest score first (?accountManagerId: that person's clients); staff",
        querystring: atRiskQuery,
        response: { 200: atRiskList },
      },
    },
    async (request) => service.atRisk(ctx, requireActor(request.actor), request.query),
  );

  app.get(
    '/clients/:clientId/risk',
    { schema: { tags: ['satisfaction'], summary: "The client's at-risk reasons and score, evaluated now; staff", params: clientParams, response: { 200: clientRiskView } } },
    async (request) => service.clientRisk(ctx, requireActor(request.actor), request.params.clientId),
  );
}
