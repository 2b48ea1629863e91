import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig, type Config } from '../config';
import type { DatabaseHandle } from '../db/database';
import { seedDemo } from '../modules/demo/demo-seed';
import { seedSynthetic } from '../modules/synthetic/synthetic-seed';

type Open = (config: Config) => Promise<DatabaseHandle>;

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number, 0 or more');
  return n;
}

export function registerSeedCommands(program: Command, open: Open) {
  program
    .command('seed')
    .description('fill the database with data to explore')
    .option('--demo', 'a demo MSP with clients, sites, contacts and users (password: see output)')
    .option('--synthetic', 'a synthetic MSP for load tests: clients, contracts and --tickets N tickets with their histories')
    .option('--tickets <n>', 'with --synthetic: how many tickets (about 10 % stay open)', wholeNumber)
    .option('--clients <m>', 'with --synthetic: how many clients (default: one per 500 tickets, 5 to 2000)', wholeNumber)
    .option('--seed <s>', 'with --synthetic: the random seed; the same seed gives the same data set', wholeNumber, 1)
    .action(async (opts: { demo?: boolean; synthetic?: boolean; tickets?: number; clients?: number; seed: number }) => {
      if (opts.synthetic) {
        if (opts.tickets === undefined) {
          console.error('Say how many tickets: --synthetic --tickets N');
          process.exitCode = 1;
          return;
        }
        const config = loadConfig();
        const handle = await open(config);
        try {
          const ctx = { db: handle.db, dbKind: handle.kind, config, now: () => new Date(), setupToken: null };
          const r = await seedSynthetic(ctx, { tickets: opts.tickets, clients: opts.clients, seed: opts.seed });
          console.log(
            r.created
              ? `Synthetic data created in ${r.seconds.toFixed(1)} s: ${r.clients} clients, ${r.tickets} tickets (${r.openTickets} open), ${r.rows} rows.`
              : `The synthetic data set of seed ${opts.seed} is already there: ${r.clients} clients, ${r.tickets} tickets (${r.openTickets} open).`,
          );
          console.log(`Sign in as ${r.dispatcherEmail} (dispatcher) or ${r.ownerEmail} (owner), password: ${r.password}`);
        } finally {
          await handle.close();
        }
        return;
      }
      if (!opts.demo) {
        console.error('Say what to seed: --demo, or --synthetic --tickets N');
        process.exitCode = 1;
        return;
      }
      const config = loadConfig();
      const handle = await open(config);
      try {
        const result = await seedDemo({ db: handle.db, dbKind: handle.kind, config, now: () => new Date(), setupToken: null });
        console.log(result.created ? 'Demo data created. Sign in with any of these accounts:' : 'Demo data is already there. Accounts:');
        for (const a of result.accounts) console.log(`  ${a.email.padEnd(34)} ${a.role.padEnd(16)} password: ${result.password}`);
      } finally {
        await handle.close();
      }
    });
}
