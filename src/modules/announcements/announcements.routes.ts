import { requireActor } from '../../http/actor';
import { expectedVersion, setEtag } from '../../http/etag';
import type { App } from '../../http/types';
import {
  announcementPage,
  announcementParams,
  announcementView,
  audiencePreviewBody,
  createAnnouncementBody,
  listAnnouncementsQuery,
  portalAnnouncementPage,
  portalListQuery,
  previewView,
  publicUnsubscribeView,
  recipientPage,
  recipientsQuery,
  sendBody,
  tokenParams,
  updateAnnouncementBody,
} from './announcements.schema';
import * as service from './announcements.service';

const tags = ['announcements'];

export async function announcementsRoutes(app: App) {
  const ctx = app.ctx;

  // Mail programs unsubscribing in one click (RFC 8058) POST "List-Unsubscribe=One-Click" as a
  // form; its content does not matter, the link is the credential. Only this module accepts forms.
  const ignoreBody = (_req: unknown, _body: string, done: (err: null, body: undefined) => void) => done(null, undefined);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, ignoreBody);
  app.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 4096 }, ignoreBody);

  app.get(
    '/announcements',
    { schema: { tags, summary: 'Announcements, newest first (?status=), with recipient counts by status (staff)', querystring: listAnnouncementsQuery, response: { 200: announcementPage } } },
    async (request) => service.listAnnouncements(ctx, requireActor(request.actor), request.query),
  );

  app.post(
    '/announcements',
    {
      schema: {
        tags,
        summary: 'Write a draft (owner, admin, account manager): kind service_notice or newsletter, subject, bodyHtml (sanitised: p, br, strong, em, ul, ol, li, a, h2, h3, blockquote), audience { clientIds, planIds, siteIds, contactRoles } (all given filters apply)',
        body: createAnnouncementBody,
        response: { 201: announcementView },
      },
    },
    async (request, reply) => {
      const view = await service.createAnnouncement(ctx, requireActor(request.actor), request.body);
      setEtag(reply, view.version);
      return reply.status(201).send(view);
    },
  );

  app.post(
    '/announcements/audience-preview',
    { schema: { tags, summary: 'Who an audience reaches now, before saving: { count, unsubscribed, sample } (owner, admin, account manager)', body: audiencePreviewBody, response: { 200: previewView } } },
    async (request) => service.previewAudience(ctx, requireActor(request.actor), request.body),
  );

  app.get(
    '/announcements/:id',
    { schema: { tags, summary: 'One announcement with its body and audience; ETag (staff)', params: announcementParams, response: { 200: announcementView } } },
    async (request, reply) => {
      const view = await service.getAnnouncement(ctx, requireActor(request.actor), request.params.id);
      setEtag(reply, view.version);
      return view;
    },
  );

  app.patch(
    '/announcements/:id',
    { schema: { tags, summary: 'Change a draft or scheduled announcement (If-Match honoured; 409 once sent or cancelled)', params: announcementParams, body: updateAnnouncementBody, response: { 200: announcementView } } },
    async (request, reply) => {
      const view = await service.updateAnnouncement(ctx, requireActor(request.actor), request.params.id, request.body, expectedVersion(request));
      setEtag(reply, view.version);
      return view;
    },
  );

  app.get(
    '/announcements/:id/recipients/preview',
    { schema: { tags, summary: 'Who would receive it if sent now: { count, unsubscribed, sample: [{ client, name, email }] }', params: announcementParams, response: { 200: previewView } } },
    async (request) => service.previewRecipients(ctx, requireActor(request.actor), request.params.id),
  );

  app.post(
    '/announcements/:id/send',
    {
      schema: {
        tags,
        summary: 'Send now, or at `at` (in the future: scheduled, sent on time by the job); recipients are resolved when it is sent; 409 when nobody matches (If-Match honoured)',
        params: announcementParams,
        body: sendBody,
        response: { 200: announcementView },
      },
    },
    async (request, reply) => {
      const view = await service.sendAnnouncement(ctx, requireActor(request.actor), request.params.id, request.body.at, expectedVersion(request));
      setEtag(reply, view.version);
      return view;
    },
  );

  app.post(
    '/announcements/:id/cancel',
    { schema: { tags, summary: 'Cancel a scheduled announcement; nothing is sent (If-Match honoured)', params: announcementParams, response: { 200: announcementView } } },
    async (request, reply) => {
      const view = await service.cancelAnnouncement(ctx, requireActor(request.actor), request.params.id, expectedVersion(request));
      setEtag(reply, view.version);
      return view;
    },
  );

  app.get(
    '/announcements/:id/recipients',
    { schema: { tags, summary: 'Recipients by address with their status from the outbox: queued, sent, failed, unsubscribed (?status=) (staff)', params: announcementParams, querystring: recipientsQuery, response: { 200: recipientPage } } },
    async (request) => service.listRecipients(ctx, requireActor(request.actor), request.params.id, request.query),
  );

  app.get(
    '/portal/announcements',
    { schema: { tags, summary: "Announcements the caller's client received, newest first (client users)", querystring: portalListQuery, response: { 200: portalAnnouncementPage } } },
    async (request) => service.listPortalAnnouncements(ctx, requireActor(request.actor), request.query),
  );

  // Public: the link is the credential (a random token; only its hash is kept); no session, no CSRF token.
  app.get(
    '/public/unsubscribe/:token',
    {
      schema: { tags, summary: "What an unsubscribe link is about: organisation, address, newsletter subject, whether it already unsubscribed; a browser (Accept: text/html) is sent to the page", params: tokenParams, response: { 200: publicUnsubscribeView } },
      config: { public: true },
    },
    async (request, reply) => {
      const view = await service.getUnsubscribe(ctx, request.params.token);
      // A mail program without one-click support opens the header's URL in a browser: show the page.
      if ((request.headers.accept ?? '').includes('text/html')) return reply.redirect(`/unsubscribe/${encodeURIComponent(request.params.token)}`, 303);
      return view;
    },
  );

  app.post(
    '/public/unsubscribe/:token',
    {
      schema: { tags, summary: 'Stop newsletters to the address (service notices still arrive); also the List-Unsubscribe-Post one-click target; idempotent', params: tokenParams, response: { 200: publicUnsubscribeView } },
      config: { public: true },
    },
    async (request) => service.unsubscribe(ctx, request.params.token),
  );
}
