import type { Command } from 'commander';
import { loadConfig, type Config } from '../config';
import type { DatabaseHandle } from '../db/database';
import { seedDemo } from '../modules/demo/demo-seed';

type Open = (config: Config) => Promise<DatabaseHandle>;

export function registerSeedCommands(program: Command, open: Open) {
  program
    .command('seed')
    .description('fill the database with data to explore')
    .option('--demo', 'a demo MSP with clients, sites, contacts and users (password: see output)')
    .action(async (opts: { demo?: boolean }) => {
      if (!opts.demo) {
        console.error('Say what to seed: --demo');
        process.exitCode = 1;
        return;
      }
      const handle = await open(loadConfig());
      try {
        const result = await seedDemo(handle.db);
        console.log(result.created ? 'Demo data created. Sign in with any of these accounts:' : 'Demo data is already there. Accounts:');
        for (const a of result.accounts) console.log(`  ${a.email.padEnd(34)} ${a.role.padEnd(16)} password: ${result.password}`);
      } finally {
        await handle.close();
      }
    });
}
