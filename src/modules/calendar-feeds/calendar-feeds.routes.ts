import { requireActor } from '../../http/actor';
import type { App } from '../../http/types';
import { createdFeedView, createFeedBody, feedFileParams, feedList, feedParams } from './calendar-feeds.schema';
import * as service from './calendar-feeds.service';

const tags = ['calendar-feeds'];

export async function calendarFeedsRoutes(app: App) {
  const ctx = app.ctx;

  app.get(
    '/calendar-feeds',
    { schema: { tags, summary: "The caller's live calendar feeds (their URLs are shown only when created)", response: { 200: feedList } } },
    async (request) => service.listFeeds(ctx, requireActor(request.actor)),
  );

  app.post(
    '/calendar-feeds',
    { schema: { tags, summary: "Create a feed of the caller's review meetings ({ kind: 'user' }) or of a client's ({ kind: 'client', clientId }: staff and that client's admin); 201 with the secret URL, shown once", body: createFeedBody, response: { 201: createdFeedView } } },
    async (request, reply) => reply.status(201).send(await service.createFeed(ctx, requireActor(request.actor), request.body)),
  );

  app.delete(
    '/calendar-feeds/:id',
    { schema: { tags, summary: 'Revoke one of your feeds: its URL stops working at once', params: feedParams } },
    async (request, reply) => {
      await service.revokeFeed(ctx, requireActor(request.actor), request.params.id);
      return reply.status(204).send();
    },
  );
}

/** GET /feeds/<token>.ics, outside /api/v1 and without a session: calendar apps fetch it. */
export async function calendarFeedPublicRoutes(app: App) {
  const ctx = app.ctx;
  app.get(
    '/feeds/:file',
    { schema: { tags, summary: 'A calendar feed (text/calendar) by its secret URL; 404 when revoked or unknown', params: feedFileParams } },
    async (request, reply) => {
      const text = await service.renderFeed(ctx, request.params.file);
      reply.header('cache-control', 'no-cache, private').header('x-content-type-options', 'nosniff').header('content-disposition', 'inline; filename="meetings.ics"');
      return reply.type('text/calendar; charset=utf-8').serializer((p: unknown) => p as string).send(text);
    },
  );
}
