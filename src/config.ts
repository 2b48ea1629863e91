import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting servicepact reads from the environment, validated once at start.
 * A bad value stops the process with a message naming the variable.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SERVICEPACT_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HOST: z.string().default('0.0.0.0'),
  // PostgreSQL connection string; when absent the embedded PGlite database is used.
  DATABASE_URL: z.string().url().optional(),
  // Where PGlite keeps its files (and, later, attachments).
  SERVICEPACT_DATA_DIR: z.string().default('./data'),
  // The address users reach the server at; used in links sent by e-mail.
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Set when a reverse proxy terminates TLS, so client IPs and https are taken from its headers.
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  // Largest accepted request body, in bytes.
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  // Outbound e-mail: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://...:465; unset: e-mails are logged.
  SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:\/\//i.test(v), 'must start with smtp:// or smtps://')
    .optional(),
  // The From of every outgoing e-mail: "Name <address>" or a bare address.
  MAIL_FROM: z
    .string()
    .refine((v) => /^(?:[^<>]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/.test(v.trim()), 'must be an address or "Name <address>"')
    .default('servicepact <no-reply@localhost>'),
  // Inbound e-mail: the built-in SMTP listener starts when a port is set (0 picks a free port).
  SMTP_LISTEN_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SMTP_LISTEN_HOST: z.string().min(1).default('127.0.0.1'),
  // Largest accepted inbound message, in bytes (larger ones are refused with 552).
  SMTP_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).default(25 * 1024 * 1024),
  // PEM files; when both are set the listener offers STARTTLS.
  SMTP_LISTEN_TLS_KEY: z.string().min(1).optional(),
  SMTP_LISTEN_TLS_CERT: z.string().min(1).optional(),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  trustProxy: boolean;
  sessionTtlHours: number;
  bodyLimitBytes: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  smtpListen: { port: number; host: string; maxMessageBytes: number; tls: { keyFile: string; certFile: string } | null } | null;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (Boolean(e.SMTP_LISTEN_TLS_KEY) !== Boolean(e.SMTP_LISTEN_TLS_CERT)) {
    throw new ConfigError('Invalid environment:\n  SMTP_LISTEN_TLS_KEY and SMTP_LISTEN_TLS_CERT must be set together');
  }
  const port = e.PORT ?? e.SERVICEPACT_PORT ?? 3000;
  return {
    port,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.SERVICEPACT_DATA_DIR),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM.trim(),
    smtpListen:
      e.SMTP_LISTEN_PORT === undefined
        ? null
        : {
            port: e.SMTP_LISTEN_PORT,
            host: e.SMTP_LISTEN_HOST,
            maxMessageBytes: e.SMTP_MAX_MESSAGE_BYTES,
            tls: e.SMTP_LISTEN_TLS_KEY && e.SMTP_LISTEN_TLS_CERT ? { keyFile: path.resolve(e.SMTP_LISTEN_TLS_KEY), certFile: path.resolve(e.SMTP_LISTEN_TLS_CERT) } : null,
          },
  };
}
