import { requireActor } from '../../http/actor';
import { expectedVersion, setEtag } from '../../http/etag';
import type { App } from '../../http/types';
import {
  createProblemBody,
  linkTicketsBody,
  listProblemsQuery,
  milestonesBody,
  problemItems,
  problemPage,
  problemParams,
  problemTicketParams,
  problemView,
  suggestionList,
  suggestionsQuery,
  ticketParams,
  updateProblemBody,
} from './problems.schema';
import * as service from './problems.service';

const tags = ['problems'];

export async function problemsRoutes(app: App) {
  const ctx = app.ctx;

  app.get(
    '/problems',
    { schema: { tags, summary: 'Problems, newest first; filter by client, status (comma-separated) and q (title or PRB number). Client admins see their own client\'s', querystring: listProblemsQuery, response: { 200: problemPage } } },
    async (request) => service.listProblems(ctx, requireActor(request.actor), request.query),
  );

  app.post(
    '/problems',
    { schema: { tags, summary: 'Open a problem for a client, optionally with its recurring tickets (tickets of that client only; staff)', body: createProblemBody, response: { 201: problemView } } },
    async (request, reply) => {
      const p = await service.createProblem(ctx, requireActor(request.actor), request.body);
      setEtag(reply, p.version);
      return reply.status(201).send(p);
    },
  );

  app.get(
    '/problems/suggestions',
    { schema: { tags, summary: 'Recurring tickets to turn into a problem: 3+ tickets of a client sharing catalog item and site within 90 days, not linked to a problem (staff)', querystring: suggestionsQuery, response: { 200: suggestionList } } },
    async (request) => service.suggestions(ctx, requireActor(request.actor), request.query.clientId),
  );

  app.get(
    '/problems/:id',
    { schema: { tags, summary: 'One problem with its linked tickets and milestones; ETag for changes', params: problemParams, response: { 200: problemView } } },
    async (request, reply) => {
      const p = await service.getProblem(ctx, requireActor(request.actor), request.params.id);
      setEtag(reply, p.version);
      return p;
    },
  );

  app.patch(
    '/problems/:id',
    { schema: { tags, summary: "Change a problem (If-Match honoured): 'resolved' sets resolvedAt, another status clears it; status changes are audited (staff)", params: problemParams, body: updateProblemBody, response: { 200: problemView } } },
    async (request, reply) => {
      const p = await service.updateProblem(ctx, requireActor(request.actor), request.params.id, request.body, expectedVersion(request));
      setEtag(reply, p.version);
      return p;
    },
  );

  app.post(
    '/problems/:id/tickets',
    { schema: { tags, summary: "Link tickets of the problem's client (400 ticketIds[i] otherwise); each gets a problem_linked history event (staff)", params: problemParams, body: linkTicketsBody, response: { 200: problemView } } },
    async (request, reply) => {
      const p = await service.linkTicketsToProblem(ctx, requireActor(request.actor), request.params.id, request.body.ticketIds);
      setEtag(reply, p.version);
      return p;
    },
  );

  app.delete(
    '/problems/:id/tickets/:ticketId',
    { schema: { tags, summary: 'Unlink a ticket (staff)', params: problemTicketParams } },
    async (request, reply) => {
      await service.unlinkTicket(ctx, requireActor(request.actor), request.params.id, request.params.ticketId);
      return reply.status(204).send();
    },
  );

  app.put(
    '/problems/:id/milestones',
    { schema: { tags, summary: 'Replace the milestones in the order given; an id keeps an existing milestone (staff)', params: problemParams, body: milestonesBody, response: { 200: problemView } } },
    async (request, reply) => {
      const p = await service.replaceMilestones(ctx, requireActor(request.actor), request.params.id, request.body.milestones);
      setEtag(reply, p.version);
      return p;
    },
  );

  app.get(
    '/tickets/:id/problems',
    { schema: { tags, summary: 'The problems a ticket is linked to (whoever sees the ticket; of client users, client admins only)', params: ticketParams, response: { 200: problemItems } } },
    async (request) => service.problemsOfTicket(ctx, requireActor(request.actor), request.params.id),
  );
}
