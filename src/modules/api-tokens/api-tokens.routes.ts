import { z } from 'zod';
import { requireActor } from '../../http/actor';
import type { App } from '../../http/types';
import { createdTokenView, createTokenBody, listTokensQuery, tokenIdParams, tokenPage } from './api-tokens.schema';
import * as tokens from './api-tokens.service';

export async function apiTokenRoutes(app: App) {
  const ctx = app.ctx;

  app.get(
    '/api-tokens',
    { schema: { tags: ['api-tokens'], summary: 'API tokens of the organisation, newest first', querystring: listTokensQuery, response: { 200: tokenPage } } },
    async (request) => tokens.listApiTokens(ctx, requireActor(request.actor), request.query),
  );

  app.post(
    '/api-tokens',
    { schema: { tags: ['api-tokens'], summary: 'Create an API token; the token is shown only in this answer', body: createTokenBody, response: { 201: createdTokenView } } },
    async (request, reply) => reply.status(201).send(await tokens.createApiToken(ctx, requireActor(request.actor), request.body)),
  );

  app.delete(
    '/api-tokens/:id',
    { schema: { tags: ['api-tokens'], summary: 'Revoke an API token', params: tokenIdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await tokens.revokeApiToken(ctx, requireActor(request.actor), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
