import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

// Migrations are the files in ./migrations, applied in name order, forward only.
const provider: MigrationProvider = {
  async getMigrations() {
    const files = (await fs.readdir(migrationsDir)).filter((f) => /^\d.*\.ts$/.test(f) && !f.endsWith('.test.ts')).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      migrations[file.replace(/\.ts$/, '')] = (await import(pathToFileURL(path.join(migrationsDir, file)).href)) as Migration;
    }
    return migrations;
  },
};

// Generic over the schema: migrations see the database untyped, callers pass their typed handle.
export function migrator<DB>(db: Kysely<DB>): Migrator {
  return new Migrator({ db, provider, allowUnorderedMigrations: false });
}

export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when every migration file has been applied (used by /readyz). */
export async function migrationsPending<DB>(db: Kysely<DB>): Promise<number> {
  const list = await migrator(db).getMigrations();
  return list.filter((m) => !m.executedAt).length;
}
