import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config';
import { openDatabase, type DatabaseHandle } from '../../src/db/database';
import { migrateToLatest } from '../../src/db/migrate';
import { buildApp } from '../../src/http/app';
import type { AppContext } from '../../src/http/context';
import type { App } from '../../src/http/types';
import { createTenant, TEST_PASSWORD } from './test-app';

export { TEST_PASSWORD };

export type E2eServer = {
  app: App;
  ctx: AppContext;
  baseUrl: string;
  /** A tenant with its owner (password TEST_PASSWORD). */
  createTenant(name?: string): ReturnType<typeof createTenant>;
  close(): Promise<void>;
};

/**
 * The real server (all routes, the built web app, the SPA fallback) on a random 127.0.0.1
 * port, with a fresh in-memory PGlite database per server.
 */
export async function startE2eServer(overrides: Partial<AppContext> = {}): Promise<E2eServer> {
  const handle: DatabaseHandle = await openDatabase({ kind: 'pglite' });
  await migrateToLatest(handle.db);
  const ctx: AppContext = {
    db: handle.db,
    dbKind: handle.kind,
    config: { ...loadConfig({ LOG_LEVEL: 'silent', HOST: '127.0.0.1' }), bodyLimitBytes: 256 * 1024 },
    now: () => new Date(),
    setupToken: null,
    ...overrides,
  };
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  // Invitation links are built from publicUrl; point them at this server.
  ctx.config = { ...ctx.config, port, publicUrl: baseUrl };
  return {
    app,
    ctx,
    baseUrl,
    createTenant: (name) => createTenant(ctx, name),
    async close() {
      await app.close();
      await handle.close();
    },
  };
}
