import { z } from 'zod';
import { requireActor } from '../../http/actor';
import { expectedVersion, setEtag } from '../../http/etag';
import type { App } from '../../http/types';
import {
  batchBody,
  batchParams,
  batchView,
  clientParams,
  deliverBody,
  deliveryList,
  generateBody,
  narrativeBody,
  scheduleBody,
  scheduleList,
  scheduleParams,
  scheduleView,
  summaryList,
  summaryParams,
  summaryView,
} from './summaries.schema';
import * as service from './summaries.service';
import * as batches from './summary-batches.service';

const tags = ['summaries'];

/** `2026-10.pdf` -> ['2026-10', true]. */
const splitPdf = (key: string): [string, boolean] => (key.endsWith('.pdf') ? [key.slice(0, -4), true] : [key, false]);

export async function summariesRoutes(app: App) {
  const ctx = app.ctx;

  app.get(
    '/clients/:id/summaries',
    { schema: { tags, summary: "The client's executive summaries, newest period first (client admins: published only)", params: clientParams, response: { 200: summaryList } } },
    async (request) => service.listSummaries(ctx, requireActor(request.actor), request.params.id),
  );

  app.post(
    '/clients/:id/summaries',
    {
      schema: {
        tags,
        summary: 'Generate the summary of a month or quarter from the data now: a new draft (201) or the draft recomputed, narrative kept (200); 409 when published; 400 for a period not ended',
        params: clientParams,
        body: generateBody,
        response: { 200: summaryView, 201: summaryView },
      },
    },
    async (request, reply) => {
      const { created, view } = await service.generateSummary(ctx, requireActor(request.actor), request.params.id, request.body.periodKey);
      setEtag(reply, view.version);
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  app.get(
    '/clients/:id/summaries/:periodKey',
    {
      schema: {
        tags,
        summary: 'One summary with its document and narrative (ETag for edits); add .pdf for the PDF (client admins: published only)',
        params: summaryParams,
        response: { 200: z.union([summaryView, z.any()]) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const [periodKey, pdf] = splitPdf(request.params.periodKey);
      if (!pdf) {
        const view = await service.getSummary(ctx, actor, request.params.id, periodKey);
        setEtag(reply, view.version);
        return view;
      }
      const file = await service.summaryPdf(ctx, actor, request.params.id, periodKey);
      reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
      reply.header('content-disposition', `attachment; filename="${file.filename}"`);
      return reply.type('application/pdf').serializer((p: unknown) => p as string).send(file.pdf);
    },
  );

  app.patch(
    '/clients/:id/summaries/:periodKey',
    { schema: { tags, summary: "The account manager's narrative (plain text, paragraphs separated by a blank line); drafts only; If-Match", params: summaryParams, body: narrativeBody, response: { 200: summaryView } } },
    async (request, reply) => {
      const view = await service.updateNarrative(ctx, requireActor(request.actor), request.params.id, request.params.periodKey, request.body.narrative, expectedVersion(request));
      setEtag(reply, view.version);
      return view;
    },
  );

  app.post(
    '/clients/:id/summaries/:periodKey/publish',
    { schema: { tags, summary: 'Publish the draft: the client administrator sees it in the portal from then on, and it no longer changes; audited', params: summaryParams, response: { 200: summaryView } } },
    async (request, reply) => {
      const view = await service.publishSummary(ctx, requireActor(request.actor), request.params.id, request.params.periodKey, expectedVersion(request));
      setEtag(reply, view.version);
      return view;
    },
  );

  app.post(
    '/clients/:id/summaries/:periodKey/deliveries',
    {
      schema: {
        tags,
        summary: "E-mail the PDF to contacts of the client (publishing a draft first); each recipient's delivery is logged",
        params: summaryParams,
        body: deliverBody,
        response: { 201: z.object({ items: z.array(z.object({ id: z.string(), email: z.string(), status: z.literal('queued') })) }) },
      },
    },
    async (request, reply) => reply.status(201).send({ items: await service.deliverSummary(ctx, requireActor(request.actor), request.params.id, request.params.periodKey, request.body.contactIds) }),
  );

  app.get(
    '/clients/:id/summaries/:periodKey/deliveries',
    { schema: { tags, summary: 'The delivery log: each e-mail with its status from the outbox (queued, sent, failed), newest first (staff)', params: summaryParams, response: { 200: deliveryList } } },
    async (request) => service.listDeliveries(ctx, requireActor(request.actor), request.params.id, request.params.periodKey),
  );

  app.get(
    '/clients/:id/summary-schedules',
    { schema: { tags, summary: 'Monthly and quarterly delivery schedules of the client (staff)', params: clientParams, response: { 200: scheduleList } } },
    async (request) => service.listSchedules(ctx, requireActor(request.actor), request.params.id),
  );

  app.put(
    '/clients/:id/summary-schedules/:period',
    {
      schema: {
        tags,
        summary: 'Set a schedule: the summary is generated, published and e-mailed to the contacts `daysAfter` business days after each period ends (If-Match: its version)',
        params: scheduleParams,
        body: scheduleBody,
        response: { 200: scheduleView },
      },
    },
    async (request, reply) => {
      const view = await service.putSchedule(ctx, requireActor(request.actor), request.params.id, request.params.period, request.body, expectedVersion(request));
      setEtag(reply, view.version);
      return view;
    },
  );

  app.post(
    '/summary-batches',
    { schema: { tags, summary: "Generate a period's summaries (drafts) for every client with a contract in force, in the background; published ones are left", body: batchBody, response: { 202: batchView } } },
    async (request, reply) => reply.status(202).send(await batches.createBatch(ctx, requireActor(request.actor), request.body.periodKey)),
  );

  app.get(
    '/summary-batches/:id',
    { schema: { tags, summary: "A batch's progress: total, done, failed with why (poll it)", params: batchParams, response: { 200: batchView } } },
    async (request) => batches.getBatch(ctx, requireActor(request.actor), request.params.id),
  );
}
