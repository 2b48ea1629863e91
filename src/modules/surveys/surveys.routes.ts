import { requireActor } from '../../http/actor';
import { expectedVersion, setEtag } from '../../http/etag';
import type { App } from '../../http/types';
import * as nps from './nps.service';
import * as settings from './survey-settings.service';
import {
  answerBody,
  csatListQuery,
  csatResponsePage,
  npsResponsePage,
  npsResponsesQuery,
  npsRoundBody,
  npsRoundList,
  npsRoundView,
  publicSurveyView,
  responseView,
  roundParams,
  settingsBody,
  settingsView,
  ticketParams,
  ticketSatisfactionView,
  tokenParams,
} from './surveys.schema';
import * as service from './surveys.service';

const tags = ['surveys'];

export async function surveysRoutes(app: App) {
  const ctx = app.ctx;

  // Public: the link is the credential (signed, with its expiry); no session, no CSRF token.
  app.get(
    '/public/surveys/:token',
    {
      schema: { tags, summary: 'What a survey link asks (organisation, ticket number and subject, scale) and any answer given; 404 survey_link_invalid, 410 survey_link_expired; 30 requests a minute per address', params: tokenParams, response: { 200: publicSurveyView } },
      config: { public: true },
    },
    async (request) => service.getPublicSurvey(ctx, request.params.token, request.ip),
  );

  app.post(
    '/public/surveys/:token/response',
    {
      schema: { tags, summary: 'Answer by link: a rating on the survey\'s scale and an optional comment; a later answer replaces it', params: tokenParams, body: answerBody, response: { 200: responseView } },
      config: { public: true },
    },
    async (request) => service.answerPublicSurvey(ctx, request.params.token, request.body, request.ip),
  );

  app.get(
    '/tickets/:id/satisfaction',
    { schema: { tags, summary: "The ticket's CSAT survey and answer, and whether the caller (its requester, once resolved) may answer", params: ticketParams, response: { 200: ticketSatisfactionView } } },
    async (request) => service.getTicketSatisfaction(ctx, requireActor(request.actor), request.params.id),
  );

  app.put(
    '/tickets/:id/satisfaction',
    { schema: { tags, summary: 'Rate a resolved ticket as its requester (409 ticket_not_resolved before resolution)', params: ticketParams, body: answerBody, response: { 200: ticketSatisfactionView } } },
    async (request) => service.rateTicket(ctx, requireActor(request.actor), request.params.id, request.body),
  );

  app.get(
    '/surveys/csat',
    { schema: { tags, summary: 'CSAT answers, newest first (client administrators: their own client)', querystring: csatListQuery, response: { 200: csatResponsePage } } },
    async (request) => service.listCsatResponses(ctx, requireActor(request.actor), request.query),
  );

  app.get(
    '/settings/satisfaction',
    { schema: { tags, summary: 'Survey and at-risk settings (staff); ETag', response: { 200: settingsView } } },
    async (request, reply) => {
      const view = await settings.getSurveySettings(ctx, requireActor(request.actor));
      setEtag(reply, view.version);
      return view;
    },
  );

  app.patch(
    '/settings/satisfaction',
    { schema: { tags, summary: 'Change the survey and at-risk settings (owner, admin; If-Match optional); audited', body: settingsBody, response: { 200: settingsView } } },
    async (request, reply) => {
      const view = await settings.updateSurveySettings(ctx, requireActor(request.actor), request.body, expectedVersion(request));
      setEtag(reply, view.version);
      return view;
    },
  );

  app.get(
    '/nps/rounds',
    { schema: { tags, summary: 'NPS rounds, latest quarter first, with recipients, answers, response rate and NPS (staff)', response: { 200: npsRoundList } } },
    async (request) => nps.listRounds(ctx, requireActor(request.actor)),
  );

  app.post(
    '/nps/rounds',
    { schema: { tags, summary: "Send the current quarter's NPS round now (owner, admin, account manager); 409 nps_round_exists once sent", body: npsRoundBody, response: { 201: npsRoundView } } },
    async (request, reply) => reply.status(201).send(await nps.startRoundNow(ctx, requireActor(request.actor), request.body.quarter)),
  );

  app.get(
    '/nps/rounds/:id/responses',
    { schema: { tags, summary: "A round's answers, newest first (staff)", params: roundParams, querystring: npsResponsesQuery, response: { 200: npsResponsePage } } },
    async (request) => nps.listRoundResponses(ctx, requireActor(request.actor), request.params.id, request.query),
  );
}
