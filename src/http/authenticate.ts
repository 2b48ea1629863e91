import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { resolveApiToken, resolveSession } from '../modules/auth/auth.service';
import { safeEqual } from '../modules/auth/secrets';
import type { App } from './types';

export const SESSION_COOKIE = 'sp_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, ttlHours: number) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: ttlHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Resolves the caller of every /api request: an API token (Authorization: Bearer) or a
 * session cookie. Cookie-authenticated writes must echo the session's CSRF token in a header,
 * which a cross-site form cannot do.
 */
export function registerAuthentication(app: App) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionState', null);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const ctx = app.ctx;
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const actor = await resolveApiToken(ctx, auth.slice(7).trim(), request.ip);
      if (!actor) throw new AppError('unauthenticated', 'The API token is not valid or has been revoked');
      request.actor = actor;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const state = await resolveSession(ctx, token, request.ip);
    request.sessionState = state;
    if (state && !SAFE_METHODS.has(request.method) && !request.routeOptions.config?.public) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, state.session.csrf_token)) {
        throw new AppError('csrf_failed', 'The request is missing its CSRF token; reload the page and try again');
      }
    }
    if (state?.status !== 'active') return;
    if (state.mfaEnrolmentRequired && !request.routeOptions.config?.duringMfaEnrolment) {
      throw new AppError('mfa_required', 'Your organisation requires two-factor authentication: set it up to continue');
    }
    request.actor = state.actor;
  });
}
