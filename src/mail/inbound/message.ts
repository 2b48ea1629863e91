import { createHash } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { isAutomatic, type AutomaticVerdict } from './is-automatic';
import { sanitizeEmailHtml } from './sanitize';
import { stripQuoted } from './strip-quoted';
import { cleanSubject, referencedMessageIds, ticketNumberFromSubject } from './thread-token';

export type InboundAttachment = { filename: string; contentType: string; size: number; content: Buffer; contentId: string | null; inline: boolean };

/** A received e-mail reduced to what the help desk needs; built once, delivered per mailbox. */
export type InboundMessage = {
  messageId: string;
  envelopeFrom: string | null;
  from: { address: string; name: string } | null;
  subject: string;
  // the subject without Re:/Fwd: and the token: a new ticket's subject
  cleanSubject: string;
  // the whole plain text (a new ticket keeps a forwarded conversation, which is its content)
  text: string;
  // the new text of a reply, quoted history removed
  replyText: string;
  html: string | null;
  replyHtml: string | null;
  ticketNumber: number | null;
  // In-Reply-To first, then References newest first
  referencedIds: string[];
  inReplyTo: string | null;
  references: string[];
  automatic: AutomaticVerdict;
  attachments: InboundAttachment[];
  date: Date | null;
};

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function toInboundMessage(parsed: ParsedMail, envelopeFrom: string | null): InboundMessage {
  const fromValue = parsed.from?.value.find((a) => a.address);
  const from = fromValue?.address ? { address: fromValue.address.trim().toLowerCase(), name: (fromValue.name ?? '').trim() } : null;
  const text = (parsed.text ?? '').replace(/\r\n?/g, '\n').trim();
  const html = typeof parsed.html === 'string' && parsed.html.trim() !== '' ? parsed.html : null;
  const subject = (parsed.subject ?? '').trim();
  const references = asList(parsed.references);
  const messageId =
    parsed.messageId && /^<[^<>\s]+>$/.test(parsed.messageId.trim())
      ? parsed.messageId.trim()
      : // none given (or malformed): one derived from the content, so a redelivery is still recognised
        `<${createHash('sha256').update(`${from?.address ?? ''}\n${parsed.date?.toISOString() ?? ''}\n${subject}\n${text}`).digest('hex').slice(0, 40)}@inbound.servicepact.invalid>`;
  return {
    messageId,
    envelopeFrom,
    from,
    subject,
    cleanSubject: cleanSubject(subject) || '(no subject)',
    text,
    replyText: stripQuoted(text),
    html: html === null ? null : sanitizeEmailHtml(html) || null,
    replyHtml: html === null ? null : sanitizeEmailHtml(html, { stripQuotes: true }) || null,
    ticketNumber: ticketNumberFromSubject(subject),
    referencedIds: referencedMessageIds(parsed.inReplyTo, parsed.references),
    inReplyTo: parsed.inReplyTo ?? null,
    references,
    automatic: isAutomatic({ headers: parsed.headers, envelopeFrom, from: from?.address ?? null }),
    attachments: parsed.attachments.map((a, i) => ({
      filename: (a.filename ?? '').trim() || `attachment-${i + 1}`,
      contentType: a.contentType || 'application/octet-stream',
      size: a.size ?? a.content.length,
      content: a.content,
      contentId: a.contentId ?? null,
      inline: a.related === true || a.contentDisposition === 'inline',
    })),
    date: parsed.date ?? null,
  };
}
