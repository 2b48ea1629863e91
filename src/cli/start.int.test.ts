import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_POSTGRES_URL } from '../../test/support/test-database';

const onPostgres = process.env.SERVICEPACT_TEST_DB === 'postgres';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'servicepact-start-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function waitFor(url: string, ms: number): Promise<Response> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await fetch(url);
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

describe('servicepact start', () => {
  it('starts on the chosen port, migrates, serves /healthz, and exits cleanly on SIGTERM', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', SERVICEPACT_DATA_DIR: dataDir, LOG_LEVEL: 'warn' } as NodeJS.ProcessEnv;
    if (onPostgres) env.DATABASE_URL = TEST_POSTGRES_URL;
    else delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['bin/servicepact.js', 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    const health = await waitFor(`http://127.0.0.1:${port}/healthz`, 60_000);
    expect(health.status).toBe(200);
    const ready = await (await fetch(`http://127.0.0.1:${port}/readyz`)).json();
    expect(ready).toEqual({ status: 'ready', database: onPostgres ? 'postgres' : 'pglite' });
    if (!onPostgres) {
      // An empty embedded database: the newcomer is told where to go and given the code.
      expect(output).toMatch(/\/setup/);
      expect(output).toMatch(/Set-up code: \S+/);
      expect(fs.readdirSync(dataDir).length).toBeGreaterThan(0);
    }
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 90_000);

  it('refuses to start with an invalid setting and names it', async () => {
    const child = spawn(process.execPath, ['bin/servicepact.js', 'start'], { env: { ...process.env, PORT: 'eighty' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err).toContain('PORT');
  }, 30_000);
});
