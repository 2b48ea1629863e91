import type { Command } from 'commander';
import { loadConfig, type Config } from '../config';
import type { DatabaseHandle } from '../db/database';
import type { StaffRole } from '../db/schema';
import { AppError } from '../errors';
import { addStaffUser } from '../modules/tenants/staff-user-adder';
import { createTenantWithOwner } from '../modules/tenants/tenant-creator';

type Open = (config: Config) => Promise<DatabaseHandle>;

const STAFF_ROLES: StaffRole[] = ['owner', 'admin', 'dispatcher', 'technician', 'account_manager'];

export function registerUserCommands(program: Command, open: Open) {
  const user = program.command('user').description('manage accounts');
  user
    .command('add')
    .description('add a staff account to an organisation, or create a new organisation with its owner')
    .requiredOption('--email <email>', 'sign-in address')
    .requiredOption('--name <name>', 'full name')
    .option('--organisation <name>', 'create this new organisation, with the user as its owner')
    .option('--tenant <slug>', 'add the user to this existing organisation (its short name, e.g. northwind-it-services)')
    .option('--role <role>', `role in an existing organisation: ${STAFF_ROLES.join(', ')}`, 'admin')
    .option('--password <password>', 'password (or set SERVICEPACT_PASSWORD)')
    .action(async (opts: { email: string; name: string; organisation?: string; tenant?: string; role: string; password?: string }) => {
      const password = opts.password ?? process.env.SERVICEPACT_PASSWORD;
      const fail = (message: string) => {
        console.error(message);
        process.exitCode = 1;
      };
      if (!password) return fail('Give a password with --password or SERVICEPACT_PASSWORD.');
      if (!!opts.organisation === !!opts.tenant) return fail('Give either --organisation (a new organisation) or --tenant (an existing one).');
      if (!STAFF_ROLES.includes(opts.role as StaffRole)) return fail(`--role must be one of: ${STAFF_ROLES.join(', ')}`);
      const handle = await open(loadConfig());
      try {
        if (opts.organisation) {
          const { tenant, owner } = await createTenantWithOwner(handle.db, { organisation: opts.organisation, ownerName: opts.name, ownerEmail: opts.email, password });
          console.log(`Created ${tenant.name} (${tenant.slug}) with owner ${owner.email}.`);
        } else {
          const { tenant, user: created } = await addStaffUser(handle.db, { tenantSlug: opts.tenant!, email: opts.email, name: opts.name, role: opts.role as StaffRole, password });
          console.log(`Added ${created.email} to ${tenant.name} as ${created.role}.`);
        }
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const detail = err.fields ? Object.entries(err.fields).map(([k, v]) => `${k} ${v}`).join('; ') : '';
        fail(`${err.message}${detail ? `: ${detail}` : ''}`);
      } finally {
        await handle.close();
      }
    });
}
