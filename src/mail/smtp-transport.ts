import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { MailTransport } from './outbox-deliverer';

export type SmtpTransportOptions = {
  // smtp://user:pass@host:587 (upgrades with STARTTLS when offered) or smtps://user:pass@host:465
  url: string;
  // "Name <address>" or a bare address
  from: string;
  // Extra nodemailer options, e.g. { tls: { rejectUnauthorized: false } } for a test server.
  extra?: Record<string, unknown>;
};

export type SmtpTransport = MailTransport & { close(): void; verify(): Promise<void> };

/** The address part of "Name <a@b>" or "a@b". */
export function addressOf(from: string): string {
  const m = /<([^<>]+)>\s*$/.exec(from);
  return (m ? m[1]! : from).trim();
}

/** A Message-ID "<uuid@domain>" under the domain of the From address. */
export function newMessageId(from: string): string {
  const domain = addressOf(from).split('@')[1] || 'localhost';
  return `<${randomUUID()}@${domain}>`;
}

/**
 * Sends the outbox over SMTP with nodemailer. Every message carries a Message-ID (the queued one,
 * or a new one reported back so the row keeps it) and, when the row has them, In-Reply-To and
 * References, so the client's mail program threads the conversation and replies find the ticket.
 * Messages are marked Auto-Submitted: auto-generated (RFC 3834) so well-behaved auto-responders
 * do not answer them, which keeps two help desks from mailing each other forever.
 */
export function smtpTransport(options: SmtpTransportOptions): SmtpTransport {
  const transporter = nodemailer.createTransport(options.url, options.extra ? { ...options.extra } : undefined);
  return {
    async send(msg) {
      const messageId = msg.messageId ?? newMessageId(options.from);
      const references = msg.references && msg.references.length > 0 ? msg.references : msg.inReplyTo ? [msg.inReplyTo] : undefined;
      const info = await transporter.sendMail({
        from: options.from,
        to: msg.to,
        subject: msg.subject,
        text: msg.text,
        ...(msg.html ? { html: msg.html } : {}),
        messageId,
        ...(msg.inReplyTo ? { inReplyTo: msg.inReplyTo } : {}),
        ...(references ? { references } : {}),
        ...(msg.replyTo ? { replyTo: msg.replyTo } : {}),
        ...(msg.attachments && msg.attachments.length > 0
          ? { attachments: msg.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) }
          : {}),
        ...(msg.listUnsubscribe ? { list: { unsubscribe: msg.listUnsubscribe } } : {}),
        headers: {
          'Auto-Submitted': 'auto-generated',
          'X-Auto-Response-Suppress': 'All',
          'X-Servicepact-Kind': msg.kind,
          // One-click unsubscribe (RFC 8058): mail programs POST to the List-Unsubscribe URL.
          ...(msg.listUnsubscribe ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
        },
      });
      if (info.rejected && info.rejected.length > 0) throw new Error(`recipient refused: ${info.rejected.map(String).join(', ')}`);
      return { messageId: info.messageId || messageId };
    },
    async verify() {
      await transporter.verify();
    },
    close() {
      transporter.close();
    },
  };
}
