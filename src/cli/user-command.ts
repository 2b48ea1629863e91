import type { Command } from 'commander';
import { loadConfig, type Config } from '../config';
import type { DatabaseHandle } from '../db/database';
import { createTenantWithOwner } from '../modules/tenants/tenant-creator';
import { AppError } from '../errors';

type Open = (config: Config) => Promise<DatabaseHandle>;

export function registerUserCommands(program: Command, open: Open) {
  const user = program.command('user').description('manage accounts');
  user
    .command('add')
    .description('create an organisation (tenant) with its owner account')
    .requiredOption('--email <email>', 'sign-in address of the owner')
    .requiredOption('--name <name>', "the owner's full name")
    .requiredOption('--organisation <name>', 'the MSP organisation to create')
    .option('--password <password>', 'password (or set SERVICEPACT_PASSWORD)')
    .action(async (opts: { email: string; name: string; organisation: string; password?: string }) => {
      const password = opts.password ?? process.env.SERVICEPACT_PASSWORD;
      if (!password) {
        console.error('Give a password with --password or SERVICEPACT_PASSWORD.');
        process.exitCode = 1;
        return;
      }
      const handle = await open(loadConfig());
      try {
        const { tenant, owner } = await createTenantWithOwner(handle.db, {
          organisation: opts.organisation,
          ownerName: opts.name,
          ownerEmail: opts.email,
          password,
        });
        console.log(`Created ${tenant.name} with owner ${owner.email}. Sign in at the server's address.`);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const detail = err.fields ? Object.entries(err.fields).map(([k, v]) => `${k} ${v}`).join('; ') : '';
        console.error(`${err.message}${detail ? `: ${detail}` : ''}`);
        process.exitCode = 1;
      } finally {
        await handle.close();
      }
    });
}
