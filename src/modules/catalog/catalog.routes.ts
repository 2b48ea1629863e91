import { requireActor } from '../../http/actor';
import { expectedVersion, setEtag } from '../../http/etag';
import { AppError } from '../../errors';
import type { App } from '../../http/types';
import { idParams } from '../pact-defaults/pact-schemas';
import { importErrorView, importResult, itemBody, itemPage, itemView, listItemsQuery, updateItemBody } from './catalog.schema';
import * as service from './catalog.service';

const CSV_LIMIT = 2 * 1024 * 1024;

export async function catalogRoutes(app: App) {
  const ctx = app.ctx;
  const tags = ['pact'];

  // Scoped to this plugin: only the catalog import takes a CSV body.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_LIMIT }, (_request, body, done) => done(null, body));

  app.get(
    '/catalog',
    { schema: { tags, summary: 'The issue catalog by category and name; client users see the active items', querystring: listItemsQuery, response: { 200: itemPage } } },
    async (request) => service.listItems(ctx, requireActor(request.actor), request.query),
  );

  app.post('/catalog', { schema: { tags, summary: 'Add a catalog item (owner, admin); turnarounds are keyed by plan id', body: itemBody, response: { 201: itemView } } }, async (request, reply) => {
    const item = await service.createItem(ctx, requireActor(request.actor), request.body);
    setEtag(reply, item.version);
    return reply.status(201).send(item);
  });

  app.get('/catalog/export.csv', { schema: { tags, summary: 'The active catalog as CSV (owner, admin), one response and resolution column per plan' } }, async (request, reply) => {
    const csv = await service.exportCsv(ctx, requireActor(request.actor));
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="catalog.csv"').send(csv);
  });

  app.post(
    '/catalog/import',
    {
      bodyLimit: CSV_LIMIT,
      schema: {
        tags,
        summary: 'Import a catalog CSV (content-type text/csv; owner, admin): all rows or none; 400 lists { row, field, message } for every bad row',
        response: { 200: importResult, 400: importErrorView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      if (typeof request.body !== 'string') throw new AppError('unsupported_media_type', 'Send the catalog as CSV with content-type text/csv');
      try {
        return await service.importCsv(ctx, actor, request.body);
      } catch (e) {
        if (!(e instanceof service.CatalogImportError)) throw e;
        // The shared error body, plus the rows that need fixing.
        return reply.status(400).type('application/json').send({ error: { code: 'validation_failed', message: e.message, rows: e.rows } });
      }
    },
  );

  app.get('/catalog/:id', { schema: { tags, summary: 'One catalog item (staff)', params: idParams, response: { 200: itemView } } }, async (request, reply) => {
    const item = await service.getItem(ctx, requireActor(request.actor), request.params.id);
    setEtag(reply, item.version);
    return item;
  });

  app.put(
    '/catalog/:id',
    { schema: { tags, summary: 'Replace a catalog item (owner, admin); If-Match guards the write', params: idParams, body: updateItemBody, response: { 200: itemView } } },
    async (request, reply) => {
      const item = await service.updateItem(ctx, requireActor(request.actor), request.params.id, request.body, expectedVersion(request));
      setEtag(reply, item.version);
      return item;
    },
  );

  app.post('/catalog/:id/retire', { schema: { tags, summary: 'Retire a catalog item (owner, admin)', params: idParams, response: { 200: itemView } } }, async (request, reply) => {
    const item = await service.retireItem(ctx, requireActor(request.actor), request.params.id, expectedVersion(request));
    setEtag(reply, item.version);
    return item;
  });
}
