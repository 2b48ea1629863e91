import { setSessionCookie } from '../../http/authenticate';
import { requestMeta } from '../../http/request-meta';
import type { App } from '../../http/types';
import { signIn } from '../auth/auth.service';
import { acceptBody, acceptResult, invitationInfo, tokenParams } from './invitations.schema';
import * as service from './invitations.service';

export async function invitationsRoutes(app: App) {
  const ctx = app.ctx;

  app.get(
    '/invitations/:token',
    {
      schema: { tags: ['invitations'], summary: 'What an invitation link offers (404 once used or withdrawn); expired says whether it can still be accepted', params: tokenParams, response: { 200: invitationInfo } },
      config: { public: true },
    },
    async (request) => service.getInvitationInfo(ctx, request.params.token),
  );

  app.post(
    '/invitations/:token/accept',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Accept an invitation: create the account with this password and sign in. Single use; 409 when expired',
        params: tokenParams,
        body: acceptBody,
        response: { 201: acceptResult },
      },
      config: { public: true },
    },
    async (request, reply) => {
      const { email } = await service.acceptInvitation(ctx, request.params.token, request.body, request.ip);
      const session = await signIn(ctx, { email, password: request.body.password }, requestMeta(request));
      setSessionCookie(request, reply, session.token, session.mfaPending ? 1 : ctx.config.sessionTtlHours);
      return reply.status(201).send({ csrfToken: session.csrfToken });
    },
  );
}
