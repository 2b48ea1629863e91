import { pino } from 'pino';
import type { Config } from './config';
import { openDatabase, type DatabaseHandle } from './db/database';
import { migrateToLatest } from './db/migrate';
import { buildApp } from './http/app';
import type { AppContext } from './http/context';
import type { App } from './http/types';
import { randomToken } from './modules/auth/secrets';
import { setupRequired } from './modules/setup/setup.service';
import { startJobs } from './jobs/jobs';
import { logTransport, startOutboxDelivery, type MailTransport } from './mail/outbox-deliverer';
import { smtpTransport } from './mail/smtp-transport';
import { deliverInbound, findMailbox } from './mail/inbound/deliver';
import { startSmtpListener, type SmtpListener } from './mail/inbound/smtp-listener';
import { ticketInbox } from './mail/ticket-inbox';

export function databaseOptions(config: Config) {
  return config.databaseUrl ? ({ kind: 'postgres', url: config.databaseUrl } as const) : ({ kind: 'pglite', dataDir: config.dataDir } as const);
}

export async function openMigratedDatabase(config: Config): Promise<DatabaseHandle> {
  const handle = await openDatabase(databaseOptions(config));
  await migrateToLatest(handle.db);
  return handle;
}

/** Starts the HTTP server; resolves once it listens. SIGTERM/SIGINT drain requests, then exit. */
export async function startServer(config: Config): Promise<{ app: App; handle: DatabaseHandle }> {
  const logger = pino({ level: config.logLevel });
  const handle = await openMigratedDatabase(config);
  const ctx: AppContext = { db: handle.db, dbKind: handle.kind, config, now: () => new Date(), setupToken: null };
  if (await setupRequired(ctx)) ctx.setupToken = randomToken(9);

  // Timers for SLA thresholds (pg-boss); sets ctx.clockScheduler and enqueues timers missed while down.
  const jobs = await startJobs(ctx, { databaseUrl: config.databaseUrl, onError: (err) => logger.error({ err }, 'clock threshold job failed') });
  if (jobs.missed > 0) logger.info(`${jobs.missed} clock threshold timer(s) missed while stopped: evaluating now`);
  const app = await buildApp(ctx, { logger });
  await app.listen({ port: config.port, host: config.host });
  // Queued e-mails go out every few seconds: over SMTP when SMTP_URL is set, else to the log.
  const smtp = config.smtpUrl ? smtpTransport({ url: config.smtpUrl, from: config.mailFrom }) : null;
  const transport: MailTransport = smtp ?? logTransport(logger);
  const stopOutbox = startOutboxDelivery(handle.db, transport, 5000, { onError: (err) => logger.error({ err }, 'e-mail delivery failed') });
  // Inbound e-mail: the built-in SMTP listener, when SMTP_LISTEN_PORT is set.
  let smtpListener: SmtpListener | null = null;
  if (config.smtpListen) {
    const mailLog = logger.child({ component: 'smtp-listener' });
    smtpListener = await startSmtpListener({
      ...config.smtpListen,
      resolveMailbox: (address) => findMailbox(handle.db, address),
      deliver: (message, mailbox) => deliverInbound(ctx, ticketInbox, message, mailbox),
      logger: mailLog,
    });
    mailLog.info(`receiving e-mail by SMTP on ${config.smtpListen.host}:${smtpListener.port}`);
  }
  const where = handle.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  logger.info(`servicepact is running at ${config.publicUrl} (${where})`);
  if (ctx.setupToken) {
    // Printed plainly so a newcomer finds it in the terminal among the JSON log lines.
    process.stdout.write(
      `\n  Welcome to servicepact. Open ${config.publicUrl}/setup and create your organisation's owner account.\n` +
        `  Set-up code: ${ctx.setupToken}\n` +
        `  (Or run \`npx servicepact seed --demo\` first, to explore with demo data.)\n\n`,
    );
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info(`${signal} received: finishing in-flight requests`);
    await smtpListener?.close();
    await stopOutbox();
    smtp?.close();
    await app.close();
    await jobs.stop();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  return { app, handle };
}
