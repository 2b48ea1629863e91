import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../../http/actor';
import { clearSessionCookie, setSessionCookie } from '../../http/authenticate';
import { requestMeta } from '../../http/request-meta';
import type { App } from '../../http/types';
import { setupRequired } from '../setup/setup.service';
import * as repo from './auth.repository';
import { mfaBody, sessionView, signInBody, signInResult } from './auth.schema';
import * as auth from './auth.service';
import { presentUser } from './user.presenter';

const meta = (r: FastifyRequest): auth.RequestMeta => requestMeta(r);

export async function authRoutes(app: App) {
  const ctx = app.ctx;

  app.get(
    '/session',
    {
      schema: { tags: ['auth'], summary: 'The current session: who is signed in, and the CSRF token for writes', response: { 200: sessionView } },
      config: { public: true, duringMfaEnrolment: true },
    },
    async (request) => {
      const state = request.sessionState;
      if (!state) return { user: null, tenant: null, csrfToken: null, mfaPending: false, mfaEnrolmentRequired: false, setupRequired: await setupRequired(ctx) };
      const user = state.status === 'active' ? await repo.findUser(ctx.db, state.actor.tenantId, state.actor.userId) : state.user;
      const tenant = user ? await repo.findTenant(ctx.db, user.tenant_id) : undefined;
      return {
        user: user && state.status === 'active' ? presentUser(user) : null,
        tenant: tenant && state.status === 'active' ? { id: tenant.id, name: tenant.name } : null,
        csrfToken: state.session.csrf_token,
        mfaPending: state.status === 'mfa_pending',
        mfaEnrolmentRequired: state.status === 'active' && state.mfaEnrolmentRequired,
        setupRequired: false,
      };
    },
  );

  app.post(
    '/auth/sign-in',
    { schema: { tags: ['auth'], summary: 'Sign in with e-mail and password', body: signInBody, response: { 200: signInResult } }, config: { public: true } },
    async (request, reply) => {
      const result = await auth.signIn(ctx, request.body, meta(request));
      setSessionCookie(request, reply, result.token, result.mfaPending ? 1 : ctx.config.sessionTtlHours);
      return { mfaRequired: result.mfaPending, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/auth/mfa',
    { schema: { tags: ['auth'], summary: 'Second sign-in step: a TOTP code or a recovery code', body: mfaBody, response: { 200: signInResult } } },
    async (request, reply) => {
      const result = await auth.completeMfa(ctx, request.sessionState, request.body.code, meta(request));
      setSessionCookie(request, reply, result.token, ctx.config.sessionTtlHours);
      return { mfaRequired: false, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/auth/sign-out',
    { schema: { tags: ['auth'], summary: 'Sign out of this session', response: { 204: z.null() } }, config: { duringMfaEnrolment: true } },
    async (request, reply) => {
      await auth.signOut(ctx, request.sessionState, meta(request));
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/sign-out-everywhere',
    {
      schema: { tags: ['auth'], summary: 'Revoke every session of the signed-in user', response: { 200: z.object({ revokedSessions: z.number() }) } },
      config: { duringMfaEnrolment: true },
    },
    async (request, reply) => {
      const n = await auth.signOutEverywhere(ctx, requireActor(request.actor));
      clearSessionCookie(reply);
      return { revokedSessions: n };
    },
  );
}
