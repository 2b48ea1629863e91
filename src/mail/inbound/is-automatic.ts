import { headerParam, headerText, type HeaderMap } from './headers';

export type AutomaticCheck = {
  headers: HeaderMap;
  // The SMTP envelope sender (MAIL FROM); null or '' is the null reverse path of a bounce.
  envelopeFrom: string | null;
  // The From header's address.
  from: string | null;
};

export type AutomaticVerdict = { automatic: false } | { automatic: true; reason: string };

const bulkPrecedence = new Set(['bulk', 'junk', 'list', 'auto_reply']);
// Local parts that only machines send from (RFC 3834 section 2 lists the convention).
const daemonLocalPart = /^(mailer-daemon|mail-daemon|postmaster|mail-delivery-system|mailerdaemon)$/i;
const reportTypes = /^(multipart\/report|message\/delivery-status|message\/disposition-notification|message\/feedback-report)$/i;

/**
 * Whether a received message was sent by a machine: an auto-reply, an out-of-office, a bounce, a
 * read receipt or a mailing list. Such a message never becomes a ticket or a comment, and is
 * never answered, so two help desks (or a help desk and an auto-responder) cannot loop.
 */
export function isAutomatic(m: AutomaticCheck): AutomaticVerdict {
  const autoSubmitted = headerText(m.headers, 'auto-submitted').trim().toLowerCase();
  if (autoSubmitted && autoSubmitted.split(/[;\s(]/)[0] !== 'no') return { automatic: true, reason: `Auto-Submitted: ${autoSubmitted}` };
  const precedence = headerText(m.headers, 'precedence').trim().toLowerCase();
  if (bulkPrecedence.has(precedence)) return { automatic: true, reason: `Precedence: ${precedence}` };
  for (const name of ['x-autoreply', 'x-autorespond', 'x-autoresponder', 'x-auto-reply']) {
    if (m.headers.has(name)) return { automatic: true, reason: `${name} header` };
  }
  if (m.headers.has('x-failed-recipients')) return { automatic: true, reason: 'bounce (X-Failed-Recipients)' };
  if (headerText(m.headers, 'x-ms-exchange-generated-message-source').trim()) return { automatic: true, reason: 'Exchange generated message' };
  if (m.envelopeFrom !== null && m.envelopeFrom.trim() === '') return { automatic: true, reason: 'empty return path (bounce)' };
  for (const address of [m.envelopeFrom, m.from]) {
    const local = (address ?? '').split('@')[0] ?? '';
    if (daemonLocalPart.test(local.trim())) return { automatic: true, reason: `sent by ${address}` };
  }
  const contentType = headerText(m.headers, 'content-type').trim().toLowerCase();
  if (reportTypes.test(contentType)) {
    const reportType = headerParam(m.headers, 'content-type', 'report-type');
    return { automatic: true, reason: `report ${contentType}${reportType ? ` (${reportType})` : ''}` };
  }
  return { automatic: false };
}
