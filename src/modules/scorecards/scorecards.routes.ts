import { z } from 'zod';
import { requireActor } from '../../http/actor';
import { expectedVersion, setEtag } from '../../http/etag';
import type { App } from '../../http/types';
import {
  attestationBody,
  attestationList,
  attestationView,
  contractParams,
  countBody,
  countList,
  countView,
  evaluateBody,
  goalParams,
  goalView,
  MANUAL_VALUE_BODY_LIMIT,
  manualValueBody,
  manualValueList,
  manualValueParams,
  manualValueView,
  monthQuery,
  periodParams,
  periodQuery,
  reopenBody,
  reviewPackView,
  revisionQuery,
  scorecardList,
  scorecardView,
  statementParams,
  statementView,
  trendQuery,
  trendView,
} from './scorecards.schema';
import * as service from './scorecards.service';
import * as inputs from './scorecard-inputs.service';
import { renderStatementCsv, renderStatementPdf, statementFilename } from './statement-render';

const tags = ['scorecards'];

export async function scorecardsRoutes(app: App) {
  const ctx = app.ctx;

  app.get(
    '/contracts/:id/scorecards',
    { schema: { tags, summary: "The contract's scorecards, newest month first, latest revision per month (client admins: final revisions only)", params: contractParams, response: { 200: scorecardList } } },
    async (request) => service.listScorecards(ctx, requireActor(request.actor), request.params.id),
  );

  app.post(
    '/contracts/:id/scorecards',
    {
      schema: {
        tags,
        summary: 'Evaluate a month now: revision 1 (201), or the current draft recomputed (200); 409 when the latest revision is final; 400 for a month not yet ended or outside the contract',
        params: contractParams,
        body: evaluateBody,
        response: { 200: scorecardView, 201: scorecardView },
      },
    },
    async (request, reply) => {
      const { created, view } = await service.evaluateScorecard(ctx, requireActor(request.actor), request.params.id, request.body.periodKey);
      setEtag(reply, view.version);
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  app.get(
    '/contracts/:id/scorecards/:periodKey',
    { schema: { tags, summary: "One month's scorecard (?revision=N), without the per-ticket contributions; ETag for finalising", params: periodParams, querystring: revisionQuery, response: { 200: scorecardView } } },
    async (request, reply) => {
      const view = await service.getScorecard(ctx, requireActor(request.actor), request.params.id, request.params.periodKey, request.query.revision);
      setEtag(reply, view.version);
      return view;
    },
  );

  app.get(
    '/contracts/:id/scorecards/:periodKey/goals/:goalId',
    { schema: { tags, summary: "A goal's evaluation with the tickets behind its figure (?revision=N)", params: goalParams, querystring: revisionQuery, response: { 200: goalView } } },
    async (request) => service.getGoal(ctx, requireActor(request.actor), request.params.id, request.params.periodKey, request.params.goalId, request.query.revision),
  );

  app.post(
    '/contracts/:id/scorecards/:periodKey/finalise',
    { schema: { tags, summary: 'Finalise the draft (If-Match: its ETag); a final scorecard never changes; audited', params: periodParams, response: { 200: scorecardView } } },
    async (request, reply) => {
      const view = await service.finaliseScorecard(ctx, requireActor(request.actor), request.params.id, request.params.periodKey, expectedVersion(request));
      setEtag(reply, view.version);
      return view;
    },
  );

  app.post(
    '/contracts/:id/scorecards/:periodKey/reopen',
    { schema: { tags, summary: 'Re-open a final scorecard with a reason: a new draft revision evaluated from the data now; the final one stays; audited', params: periodParams, body: reopenBody, response: { 201: scorecardView } } },
    async (request, reply) => {
      const view = await service.reopenScorecard(ctx, requireActor(request.actor), request.params.id, request.params.periodKey, request.body.reason);
      setEtag(reply, view.version);
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/contracts/:id/goals/trend',
    { schema: { tags, summary: "Each goal's figure and outcome over the last N months (?periods=12), from stored scorecards (client admins: final only)", params: contractParams, querystring: trendQuery, response: { 200: trendView } } },
    async (request) => service.goalTrend(ctx, requireActor(request.actor), request.params.id, request.query.periods),
  );

  app.get(
    '/contracts/:id/statements/:periodKey',
    {
      schema: {
        tags,
        summary: "The month's statement from its latest revision (client admins: final only): JSON, or add .csv or .pdf to the month; drafts are marked Draft",
        params: statementParams,
        response: { 200: z.union([statementView, z.any()]) },
      },
    },
    async (request, reply) => {
      const [periodKey, ext] = request.params.periodKey.split('.') as [string, 'csv' | 'pdf' | undefined];
      const data = await service.getStatement(ctx, requireActor(request.actor), request.params.id, periodKey);
      if (!ext) return data;
      reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
      reply.header('content-disposition', `attachment; filename="${statementFilename(data, ext)}"`);
      if (ext === 'csv') return reply.type('text/csv; charset=utf-8').serializer((p: unknown) => p as string).send(renderStatementCsv(data));
      const pdf = await renderStatementPdf(data, ctx.now());
      return reply.type('application/pdf').serializer((p: unknown) => p as string).send(pdf);
    },
  );

  app.get(
    '/contracts/:id/review-pack',
    { schema: { tags, summary: 'For a service review: the latest scorecard, the trend, responsibilities breached or not assessed, goals missed twice running', params: contractParams, response: { 200: reviewPackView } } },
    async (request) => service.reviewPack(ctx, requireActor(request.actor), request.params.id),
  );

  app.get(
    '/contracts/:id/manual-values',
    { schema: { tags, summary: 'Values entered for manual metrics (?periodKey=YYYY-MM or YYYY-Qn), newest first; `current` marks the one in use (staff)', params: contractParams, querystring: periodQuery, response: { 200: manualValueList } } },
    async (request) => inputs.listManualValues(ctx, requireActor(request.actor), request.params.id, request.query.periodKey),
  );

  app.post(
    '/contracts/:id/manual-values',
    {
      bodyLimit: MANUAL_VALUE_BODY_LIMIT,
      schema: {
        tags,
        summary: "Enter a manual metric's value for a period with its evidence (note required; optional link and file of at most 5 MB of an allowed type)",
        params: contractParams,
        body: manualValueBody,
        response: { 201: manualValueView },
      },
    },
    async (request, reply) => reply.status(201).send(await inputs.enterManualValue(ctx, requireActor(request.actor), request.params.id, request.body)),
  );

  app.get(
    '/contracts/:id/manual-values/:valueId/evidence',
    { schema: { tags, summary: "Download a manual value's evidence file (staff)", params: manualValueParams, response: { 200: z.any() } } },
    async (request, reply) => {
      const f = await inputs.manualValueEvidence(ctx, requireActor(request.actor), request.params.id, request.params.valueId);
      reply.header('content-type', f.contentType);
      reply.header('content-disposition', `attachment; filename="${f.filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`);
      reply.header('x-content-type-options', 'nosniff');
      return reply.serializer((p: unknown) => p as string).send(f.data);
    },
  );

  app.get(
    '/contracts/:id/attestations',
    { schema: { tags, summary: 'Attestations of client responsibilities (?periodKey=YYYY-MM), newest first; `current` marks the one in use', params: contractParams, querystring: monthQuery, response: { 200: attestationList } } },
    async (request) => inputs.listAttestations(ctx, requireActor(request.actor), request.params.id, request.query.periodKey),
  );

  app.post(
    '/contracts/:id/attestations',
    { schema: { tags, summary: 'Attest whether the client kept a responsibility in a month (a note is required when not kept)', params: contractParams, body: attestationBody, response: { 201: attestationView } } },
    async (request, reply) => reply.status(201).send(await inputs.attest(ctx, requireActor(request.actor), request.params.id, request.body)),
  );

  app.get(
    '/contracts/:id/counts',
    { schema: { tags, summary: 'User and device counts per-unit fees bill (the latest effective on or before a month\'s last day applies)', params: contractParams, response: { 200: countList } } },
    async (request) => inputs.listCounts(ctx, requireActor(request.actor), request.params.id),
  );

  app.post(
    '/contracts/:id/counts',
    { schema: { tags, summary: 'Record a user or device count effective from a date', params: contractParams, body: countBody, response: { 201: countView } } },
    async (request, reply) => reply.status(201).send(await inputs.recordCount(ctx, requireActor(request.actor), request.params.id, request.body)),
  );
}
