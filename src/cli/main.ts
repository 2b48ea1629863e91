import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config';
import { migrateToLatest } from '../db/migrate';
import { openDatabase } from '../db/database';
import { databaseOptions, openMigratedDatabase, startServer } from '../server';
import { registerUserCommands } from './user-command';
import { registerSeedCommands } from './seed-command';
import { registerCalendarCommands } from './calendar-command';
import { registerClosePeriodCommand } from './close-period-command';

const program = new Command()
  .name('servicepact')
  .description('Service-delivery platform for managed IT service providers')
  .showHelpAfterError();

program
  .command('start')
  .description('run the server (migrates the database first)')
  .action(async () => {
    await startServer(loadConfig());
  });

program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .action(async () => {
    const handle = await openDatabase(databaseOptions(loadConfig()));
    const applied = await migrateToLatest(handle.db);
    console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'The database is up to date.');
    await handle.close();
  });

registerUserCommands(program, openMigratedDatabase);
registerSeedCommands(program, openMigratedDatabase);
registerCalendarCommands(program);
registerClosePeriodCommand(program, openMigratedDatabase);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
