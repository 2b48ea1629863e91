/**
 * `servicepact close-period --period YYYY-MM [--tenant slug]`: what the period-close job does for
 * a month, for all contracts of all tenants (or one): revision 1 (draft) of the month's scorecard
 * for every contract in force in it that has none yet. Progress on stderr, a summary on stdout.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig, type Config } from '../config';
import type { DatabaseHandle } from '../db/database';
import type { AppContext } from '../http/context';
import { closeMonthForAllContracts } from '../modules/scorecards/scorecard-evaluation';
import { tenantIdBySlug } from '../modules/scorecards/scorecards.repository';

type Open = (config: Config) => Promise<DatabaseHandle>;

function monthKey(value: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw new InvalidArgumentError('must be a month, YYYY-MM (e.g. 2026-10)');
  return value;
}

/** One line on stderr, redrawn in place on a terminal (every few seconds otherwise). */
function progressLine(stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let last = 0;
  let drawn = false;
  const draw = (done: number, total: number, force: boolean) => {
    const now = Date.now();
    if (!force && now - last < (stream.isTTY ? 200 : 5000)) return;
    last = now;
    const share = total === 0 ? 1 : done / total;
    const width = 30;
    const filled = Math.round(share * width);
    const elapsed = (now - started) / 1000;
    const line = `contracts [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(1).padStart(5)} %  ${done}/${total}  ${elapsed.toFixed(1)} s`;
    stream.write(stream.isTTY ? `\r${line}` : `${line}\n`);
    drawn = true;
  };
  return {
    tick: (done: number, total: number) => draw(done, total, false),
    finish(done: number, total: number) {
      draw(done, total, true);
      if (drawn && stream.isTTY) stream.write('\n');
    },
  };
}

export function registerClosePeriodCommand(program: Command, open: Open) {
  program
    .command('close-period')
    .description("evaluate a month's scorecards (revision 1, draft) for every contract in force in it that has none yet")
    .requiredOption('--period <YYYY-MM>', 'the month, in each contract calendar\'s time zone', monthKey)
    .option('--tenant <slug>', 'only this organisation (its short name, e.g. northwind-it-services)')
    .action(async (opts: { period: string; tenant?: string }) => {
      const config = loadConfig();
      const handle = await open(config);
      try {
        const ctx: AppContext = { db: handle.db, dbKind: handle.kind, config, now: () => new Date(), setupToken: null };
        let tenantIds: string[] | undefined;
        if (opts.tenant) {
          const tenantId = await tenantIdBySlug(handle.db, opts.tenant);
          if (!tenantId) {
            console.error(`No organisation with the short name ${opts.tenant}.`);
            process.exitCode = 1;
            return;
          }
          tenantIds = [tenantId];
        }
        const bar = progressLine();
        let last = { done: 0, total: 0 };
        const r = await closeMonthForAllContracts(
          ctx,
          opts.period,
          (done, total) => {
            last = { done, total };
            bar.tick(done, total);
          },
          { tenantIds },
        );
        bar.finish(last.done, last.total);
        console.log(`${opts.period}: ${r.contracts} contract(s) in force; ${r.created} scorecard(s) created, ${r.existing} already there, ${r.failed.length} failed.`);
        for (const f of r.failed) console.error(`  contract ${f.contractId}: ${f.error}`);
        if (r.failed.length) process.exitCode = 1;
      } finally {
        await handle.close();
      }
    });
}
