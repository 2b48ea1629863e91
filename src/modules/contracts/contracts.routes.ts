import { requireActor } from '../../http/actor';
import { expectedVersion, setEtag } from '../../http/etag';
import type { App } from '../../http/types';
import {
  amendmentParams,
  amendmentView,
  contractPage,
  contractParams,
  contractView,
  createContractBody,
  endContractBody,
  listContractsQuery,
  proposeAmendmentBody,
  rejectAmendmentBody,
  scheduleQuery,
  updateContractBody,
} from './contracts.schema';
import * as service from './contracts.service';
import { scheduleFor } from './schedule.service';
import { renderScheduleHtml } from './schedule-html';
import { renderSchedulePdf } from './schedule-pdf';

export async function contractsRoutes(app: App) {
  const ctx = app.ctx;
  const tags = ['contracts'];

  app.get(
    '/contracts',
    { schema: { tags, summary: 'List contracts, newest start first (staff; client users: their own client)', querystring: listContractsQuery, response: { 200: contractPage } } },
    async (request) => service.listContracts(ctx, requireActor(request.actor), request.query),
  );

  app.post(
    '/contracts',
    {
      schema: {
        tags,
        summary: "Draft a contract (owner, admin, account manager): terms snapshotted from the plan and its catalog turnarounds; calendar defaults to business hours in the client's main site zone",
        body: createContractBody,
        response: { 201: contractView },
      },
    },
    async (request, reply) => {
      const c = await service.createContract(ctx, requireActor(request.actor), request.body);
      setEtag(reply, c.version);
      return reply.status(201).send(c);
    },
  );

  app.get(
    '/contracts/:id',
    { schema: { tags, summary: 'One contract with termsNow (in force now, or the draft), the amendment timeline and pending amendments', params: contractParams, response: { 200: contractView } } },
    async (request, reply) => {
      const c = await service.getContract(ctx, requireActor(request.actor), request.params.id);
      setEtag(reply, c.version);
      return c;
    },
  );

  app.patch(
    '/contracts/:id',
    { schema: { tags, summary: 'Change a draft contract (If-Match guards the write); active contracts change by amendment', params: contractParams, body: updateContractBody, response: { 200: contractView } } },
    async (request, reply) => {
      const c = await service.updateContract(ctx, requireActor(request.actor), request.params.id, request.body, expectedVersion(request));
      setEtag(reply, c.version);
      return c;
    },
  );

  app.post(
    '/contracts/:id/activate',
    {
      schema: {
        tags,
        summary: 'Activate a draft: amendment #1 "Original agreement", in force from startsAt; 409 when another contract of the client is active at an overlapping instant',
        params: contractParams,
        response: { 200: contractView },
      },
    },
    async (request, reply) => {
      const c = await service.activateContract(ctx, requireActor(request.actor), request.params.id);
      setEtag(reply, c.version);
      return c;
    },
  );

  app.post('/contracts/:id/end', { schema: { tags, summary: 'Set the end of an active contract', params: contractParams, body: endContractBody, response: { 200: contractView } } }, async (request, reply) => {
    const c = await service.endContract(ctx, requireActor(request.actor), request.params.id, request.body.endsAt);
    setEtag(reply, c.version);
    return c;
  });

  app.post(
    '/contracts/:id/amendments',
    {
      schema: {
        tags,
        summary: 'Propose an amendment (owner, admin, account manager); it applies once the client admin accepts it, from the later of acceptance and effectiveAt',
        params: contractParams,
        body: proposeAmendmentBody,
        response: { 201: amendmentView },
      },
    },
    async (request, reply) => reply.status(201).send(await service.proposeAmendment(ctx, requireActor(request.actor), request.params.id, request.body)),
  );

  app.get(
    '/contracts/:id/amendments/:number',
    { schema: { tags, summary: 'One amendment with its summary, changes, terms, status and decision', params: amendmentParams, response: { 200: amendmentView } } },
    async (request) => service.getAmendment(ctx, requireActor(request.actor), request.params.id, request.params.number),
  );

  app.post(
    '/contracts/:id/amendments/:number/accept',
    { schema: { tags, summary: "Accept a proposed amendment (the client's client admin); records name, time and IP", params: amendmentParams, response: { 200: amendmentView } } },
    async (request) => service.acceptAmendment(ctx, requireActor(request.actor), request.params.id, request.params.number),
  );

  app.post(
    '/contracts/:id/amendments/:number/reject',
    { schema: { tags, summary: "Reject a proposed amendment with a reason (the client's client admin)", params: amendmentParams, body: rejectAmendmentBody, response: { 200: amendmentView } } },
    async (request) => service.rejectAmendment(ctx, requireActor(request.actor), request.params.id, request.params.number, request.body.reason),
  );

  app.post(
    '/contracts/:id/amendments/:number/withdraw',
    { schema: { tags, summary: 'Withdraw a proposed amendment (owner, admin, account manager)', params: amendmentParams, response: { 200: amendmentView } } },
    async (request) => service.withdrawAmendment(ctx, requireActor(request.actor), request.params.id, request.params.number),
  );

  app.get(
    '/contracts/:id/schedule',
    { schema: { tags, summary: 'The Service Level Schedule as a printable HTML page (?amendment=N for a proposed one)', params: contractParams, querystring: scheduleQuery } },
    async (request, reply) => {
      const doc = await scheduleFor(ctx, requireActor(request.actor), request.params.id, request.query.amendment);
      return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(renderScheduleHtml(doc));
    },
  );

  app.get(
    '/contracts/:id/schedule.pdf',
    { schema: { tags, summary: 'The Service Level Schedule as PDF (?amendment=N for a proposed one)', params: contractParams, querystring: scheduleQuery } },
    async (request, reply) => {
      const doc = await scheduleFor(ctx, requireActor(request.actor), request.params.id, request.query.amendment);
      const pdf = await renderSchedulePdf(doc);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="service-level-schedule.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
