import { z } from 'zod';
import { requireActor } from '../../http/actor';
import type { App } from '../../http/types';
import { presentUser } from '../auth/user.presenter';
import { codeBody, disableBody, enrolmentView, meView, passwordBody, recoveryCodesView } from './me.schema';
import * as me from './me.service';

// Every route here stays reachable while the tenant still requires the caller to enrol MFA.
const config = { duringMfaEnrolment: true } as const;

export async function meRoutes(app: App) {
  const ctx = app.ctx;

  app.get('/me', { schema: { tags: ['me'], summary: 'The signed-in user', response: { 200: meView } }, config }, async (request) =>
    presentUser(await me.getMe(ctx, requireActor(request.actor))),
  );

  app.post(
    '/me/password',
    { schema: { tags: ['me'], summary: 'Change the password; other sessions are signed out', body: passwordBody, response: { 204: z.null() } }, config },
    async (request, reply) => {
      await me.changePassword(ctx, requireActor(request.actor), { ...request.body, keepSessionId: request.sessionState?.session.id ?? null });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/me/mfa/enrolment',
    { schema: { tags: ['me'], summary: 'Start MFA enrolment: a new TOTP secret and its QR code', response: { 200: enrolmentView } }, config },
    async (request) => me.startMfaEnrolment(ctx, requireActor(request.actor)),
  );

  app.post(
    '/me/mfa/enrolment/confirm',
    { schema: { tags: ['me'], summary: 'Confirm MFA with a code; returns recovery codes, shown once', body: codeBody, response: { 200: recoveryCodesView } }, config },
    async (request) => ({ recoveryCodes: await me.confirmMfaEnrolment(ctx, requireActor(request.actor), request.body) }),
  );

  app.post(
    '/me/mfa/recovery-codes',
    { schema: { tags: ['me'], summary: 'Replace the unused recovery codes with a new set', body: codeBody, response: { 200: recoveryCodesView } }, config },
    async (request) => ({ recoveryCodes: await me.regenerateRecoveryCodes(ctx, requireActor(request.actor), request.body) }),
  );

  app.post(
    '/me/mfa/disable',
    { schema: { tags: ['me'], summary: 'Turn MFA off (refused when the organisation requires it)', body: disableBody, response: { 204: z.null() } }, config },
    async (request, reply) => {
      await me.disableMfa(ctx, requireActor(request.actor), request.body);
      return reply.status(204).send(null);
    },
  );
}
