import { z } from 'zod';
import { setSessionCookie } from '../../http/authenticate';
import type { App } from '../../http/types';
import { email } from '../auth/auth.schema';
import { signIn } from '../auth/auth.service';
import { completeSetup, setupRequired } from './setup.service';

const setupBody = z.strictObject({
  setupToken: z.string().trim().min(1, 'is required'),
  organisation: z.string().trim().min(2, 'must be at least 2 characters').max(120),
  ownerName: z.string().trim().min(1, 'is required').max(120),
  ownerEmail: email,
  password: z.string().max(256),
});

export async function setupRoutes(app: App) {
  const ctx = app.ctx;
  app.get(
    '/setup',
    { schema: { tags: ['setup'], summary: 'Whether first-run set-up is still needed', response: { 200: z.object({ required: z.boolean() }) } }, config: { public: true } },
    async () => ({ required: await setupRequired(ctx) }),
  );
  app.post(
    '/setup',
    {
      schema: { tags: ['setup'], summary: 'First run: create the MSP and its owner, then sign in', body: setupBody, response: { 201: z.object({ csrfToken: z.string() }) } },
      config: { public: true },
    },
    async (request, reply) => {
      await completeSetup(ctx, request.body, request.ip);
      const session = await signIn(ctx, { email: request.body.ownerEmail, password: request.body.password }, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
      setSessionCookie(request, reply, session.token, ctx.config.sessionTtlHours);
      return reply.status(201).send({ csrfToken: session.csrfToken });
    },
  );
}
