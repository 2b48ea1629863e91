import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { MAX_MESSAGE_BYTES, MAX_MIME_DEPTH, MessageGuard, smtpError, tooBig, tooDeep } from './limits';
import { toInboundMessage, type InboundMessage } from './message';

/** A tenant's support address, as a recipient of received mail. */
export type Mailbox = { tenantId: string; address: string; unknownSenders: 'triage' | 'refuse' };

export type DeliveryOutcome =
  | { kind: 'ticket'; tenantId: string; ticketId: string; number: number }
  | { kind: 'comment'; tenantId: string; ticketId: string; commentId: string }
  | { kind: 'ignored'; tenantId: string; reason: string }
  | { kind: 'duplicate'; tenantId: string; ticketId: string | null }
  | { kind: 'refused'; tenantId: string; responseCode: number; message: string };

export type ListenerLogger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

export type SmtpListenerOptions = {
  port: number;
  host: string;
  maxMessageBytes?: number;
  maxMimeDepth?: number;
  tls?: { keyFile: string; certFile: string } | null;
  // The mailbox behind an address, or null when the address is no tenant's support address.
  resolveMailbox(address: string): Promise<Mailbox | null>;
  // Delivers one message to one mailbox (a ticket, a comment, ignored or refused).
  deliver(message: InboundMessage, mailbox: Mailbox): Promise<DeliveryOutcome>;
  logger: ListenerLogger;
};

export type SmtpListener = { port: number; close(): Promise<void> };

type ParseResult = { ok: true; parsed: ParsedMail } | { ok: false; error: unknown };

/**
 * The built-in SMTP listener for inbound e-mail. Recipients must be a tenant's support address
 * (else 550 at RCPT); the message streams through a guard (size and MIME depth) into mailparser,
 * and is then delivered to each recipient's tenant. The answer to DATA tells the sending server
 * the truth: 250 once stored (or deliberately dropped, like an auto-reply), 5xx for a message
 * that will never be accepted (so the sender gets a bounce and nothing is silently lost), 451
 * for a failure on our side (so the sender retries).
 */
export async function startSmtpListener(options: SmtpListenerOptions): Promise<SmtpListener> {
  const maxBytes = options.maxMessageBytes ?? MAX_MESSAGE_BYTES;
  const maxDepth = options.maxMimeDepth ?? MAX_MIME_DEPTH;
  const log = options.logger;
  const tls = options.tls ? { key: fs.readFileSync(options.tls.keyFile), cert: fs.readFileSync(options.tls.certFile) } : null;

  const serverOptions: SMTPServerOptions = {
    name: 'servicepact',
    banner: 'servicepact inbound mail',
    logger: false,
    size: maxBytes,
    authOptional: true,
    // No SMTP accounts exist: delivery to a support address needs no sign-in.
    disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(tls ? { key: tls.key, cert: tls.cert } : {}),
    maxClients: 100,
    onRcptTo(address, _session, callback) {
      options
        .resolveMailbox(address.address)
        .then((mailbox) => {
          if (!mailbox) return callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`));
          callback();
        })
        .catch((error: unknown) => {
          log.error({ err: error, to: address.address }, 'inbound mail: recipient lookup failed');
          callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
        });
    },
    onData(stream, session, callback) {
      const guard = new MessageGuard({ maxBytes, maxDepth });
      stream.pipe(guard);
      const parsing: Promise<ParseResult> = simpleParser(guard, { keepCidLinks: true }).then(
        (parsed) => ({ ok: true as const, parsed }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      stream.once('end', () => {
        void parsing.then(async (result) => {
          const envelopeFrom = session.envelope.mailFrom === false ? null : session.envelope.mailFrom.address;
          const recipients = session.envelope.rcptTo.map((r) => r.address);
          const sizeExceeded = (stream as { sizeExceeded?: boolean }).sizeExceeded === true;
          if (guard.violation === 'too_big' || sizeExceeded) {
            log.warn({ from: envelopeFrom, to: recipients, bytes: guard.bytes }, 'inbound mail refused: too big');
            return callback(tooBig(maxBytes));
          }
          if (guard.violation === 'too_deep') {
            log.warn({ from: envelopeFrom, to: recipients, depth: guard.depth }, 'inbound mail refused: MIME nesting too deep');
            return callback(tooDeep(maxDepth));
          }
          if (!result.ok) {
            log.warn({ err: result.error, from: envelopeFrom, to: recipients }, 'inbound mail refused: unreadable');
            return callback(smtpError(554, '5.6.0 The message could not be read'));
          }
          try {
            const message = toInboundMessage(result.parsed, envelopeFrom);
            callback(null, await deliverToAll(message, recipients));
          } catch (error) {
            if (isSmtpError(error)) return callback(error);
            log.error({ err: error, from: envelopeFrom, to: recipients }, 'inbound mail: delivery failed');
            callback(smtpError(451, '4.3.0 Temporary failure, try again later'));
          }
        });
      });
    },
  };

  async function deliverToAll(message: InboundMessage, recipients: string[]): Promise<string> {
    const outcomes: DeliveryOutcome[] = [];
    const seen = new Set<string>();
    for (const address of recipients) {
      const mailbox = await options.resolveMailbox(address);
      if (!mailbox || seen.has(mailbox.tenantId)) continue;
      seen.add(mailbox.tenantId);
      const outcome = await options.deliver(message, mailbox);
      log.info({ messageId: message.messageId, from: message.from?.address, to: address, outcome }, `inbound mail: ${describe(outcome)}`);
      outcomes.push(outcome);
    }
    const accepted = outcomes.filter((o) => o.kind !== 'refused');
    const refused = outcomes.find((o): o is Extract<DeliveryOutcome, { kind: 'refused' }> => o.kind === 'refused');
    if (accepted.length === 0 && refused) throw smtpError(refused.responseCode, refused.message);
    return accepted.map(describe).join('; ') || 'accepted';
  }

  const server = new SMTPServer(serverOptions);
  server.on('error', (error) => log.warn({ err: error }, 'inbound mail: connection error'));
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.server.once('error', onError);
    server.listen(options.port, options.host, () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function isSmtpError(error: unknown): error is Error & { responseCode: number } {
  return error instanceof Error && typeof (error as { responseCode?: unknown }).responseCode === 'number';
}

function describe(o: DeliveryOutcome): string {
  switch (o.kind) {
    case 'ticket':
      return `new ticket T-${o.number}`;
    case 'comment':
      return `comment on ticket ${o.ticketId}`;
    case 'ignored':
      return `ignored (${o.reason})`;
    case 'duplicate':
      return 'already received';
    case 'refused':
      return `refused (${o.message})`;
  }
}
