import { requireActor } from '../../http/actor';
import { expectedVersion, setEtag } from '../../http/etag';
import type { App } from '../../http/types';
import { clientPage, clientParams, clientView, createClientBody, listClientsQuery, updateClientBody } from './clients.schema';
import * as service from './clients.service';

export async function clientsRoutes(app: App) {
  const ctx = app.ctx;

  app.get(
    '/clients',
    {
      schema: {
        tags: ['clients'],
        summary: 'List clients; q searches name and code. Client users see only their own client',
        querystring: listClientsQuery,
        response: { 200: clientPage },
      },
    },
    async (request) => service.listClients(ctx, requireActor(request.actor), request.query),
  );

  app.post(
    '/clients',
    { schema: { tags: ['clients'], summary: 'Add a client (owner, admin, account manager, dispatcher)', body: createClientBody, response: { 201: clientView } } },
    async (request, reply) => {
      const client = await service.createClient(ctx, requireActor(request.actor), request.body);
      setEtag(reply, client.version);
      return reply.status(201).send(client);
    },
  );

  app.get(
    '/clients/:clientId',
    { schema: { tags: ['clients'], summary: 'One client with its site and contact counts and main site', params: clientParams, response: { 200: clientView } } },
    async (request, reply) => {
      const client = await service.getClient(ctx, requireActor(request.actor), request.params.clientId);
      setEtag(reply, client.version);
      return client;
    },
  );

  app.patch(
    '/clients/:clientId',
    {
      schema: {
        tags: ['clients'],
        summary: 'Change a client; send If-Match with the ETag to refuse (412) a write over a newer version',
        params: clientParams,
        body: updateClientBody,
        response: { 200: clientView },
      },
    },
    async (request, reply) => {
      const client = await service.updateClient(ctx, requireActor(request.actor), request.params.clientId, request.body, expectedVersion(request));
      setEtag(reply, client.version);
      return client;
    },
  );
}
