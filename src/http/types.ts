import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from './actor';
import type { AppContext } from './context';
import type { SessionState } from '../modules/auth/auth.service';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionState: SessionState | null;
  }
  interface FastifyContextConfig {
    // Reachable without a session and without a CSRF token (sign-in, first-run set-up, invitations).
    public?: boolean;
    // Reachable by a signed-in user who must still enrol MFA before anything else.
    duringMfaEnrolment?: boolean;
  }
}
