import { sql } from 'kysely';
import { z } from 'zod';
import { migrationsPending } from '../../db/migrate';
import type { App } from '../../http/types';

export async function healthRoutes(app: App) {
  app.get('/healthz', { schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } }, config: { public: true } }, async () => ({
    status: 'ok' as const,
  }));

  // Ready when the database answers and every migration has been applied.
  app.get('/readyz', { schema: { hide: true }, config: { public: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(app.ctx.db);
      const pending = await migrationsPending(app.ctx.db);
      if (pending > 0) return reply.status(503).send({ status: 'not_ready', reason: `${pending} migration(s) pending` });
      return { status: 'ready', database: app.ctx.dbKind };
    } catch (err) {
      app.log.warn({ err }, 'readiness check failed');
      return reply.status(503).send({ status: 'not_ready', reason: 'database unreachable' });
    }
  });
}
