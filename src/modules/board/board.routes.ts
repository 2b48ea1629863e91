import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { requireActor } from '../../http/actor';
import type { App } from '../../http/types';
import { sseEvent } from './board.presenter';
import { boardView, boardViewList, boardViewParams, createBoardViewBody } from './board.schema';
import * as service from './board.service';
import { startPgBridge, subscribeTicketChanges } from './ticket-events-bus';

// Proxies and load balancers drop connections that stay silent; a comment line keeps it open.
export const KEEP_ALIVE_MS = 20_000;

export async function boardRoutes(app: App) {
  const ctx = app.ctx;
  const tags = ['board'];
  const streams = new Set<() => void>();

  // Several servers on one PostgreSQL: hear the others' changes through LISTEN/NOTIFY.
  if (ctx.dbKind === 'postgres' && ctx.config.databaseUrl) {
    const release = await startPgBridge(ctx.config.databaseUrl, app.log);
    app.addHook('onClose', async () => release());
  }

  // Open streams never finish by themselves: end them first, or closing the server would wait for them.
  app.addHook('preClose', async () => {
    for (const end of [...streams]) end();
  });

  app.get(
    '/board/stream',
    {
      schema: {
        tags,
        summary:
          'Server-sent events for the board (staff): `ticket` with `{ id, version }` whenever a ticket of the tenant changes; a comment every 20 s keeps the connection open',
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      service.assertCanWatch(actor);
      reply.hijack();
      const res: ServerResponse = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx would otherwise buffer the stream
        'x-accel-buffering': 'no',
      });
      // Tells EventSource how soon to reconnect, and flushes the headers at once.
      res.write('retry: 3000\n\n');

      const unsubscribe = subscribeTicketChanges(actor.tenantId, (change) => {
        res.write(sseEvent('ticket', change));
      });
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        clearInterval(keepAlive);
        unsubscribe();
        streams.delete(end);
        if (!res.writableEnded) res.end();
      };
      streams.add(end);
      request.raw.on('close', end);
      res.on('close', end);
      res.on('error', end);
    },
  );

  app.get('/board/views', { schema: { tags, summary: "The caller's saved board views (staff)", response: { 200: boardViewList } } }, async (request) =>
    service.listViews(ctx, requireActor(request.actor)),
  );

  app.post(
    '/board/views',
    { schema: { tags, summary: 'Save a board view: a name (1 to 60 characters) and the ticket list filters it opens with', body: createBoardViewBody, response: { 201: boardView } } },
    async (request, reply) => reply.status(201).send(await service.createView(ctx, requireActor(request.actor), request.body)),
  );

  app.delete(
    '/board/views/:id',
    { schema: { tags, summary: "Delete one of the caller's views; another user's view is not found (404)", params: boardViewParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await service.deleteView(ctx, requireActor(request.actor), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
