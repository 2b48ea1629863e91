/**
 * The survey e-mails: the "resolved" e-mail with one link per CSAT answer, and the quarterly NPS
 * question with eleven. Each link opens the answer page, which records the rating from the
 * browser, so a mail scanner fetching the links records nothing. Plain text and HTML.
 */
import type { CsatScale } from '../../domain/satisfaction/satisfaction-types';

export type SurveyLink = { rating: number; label: string; url: string };

const CSAT_LABELS: Record<CsatScale, ReadonlyArray<[number, string]>> = {
  three: [
    [3, 'Good'],
    [2, 'Okay'],
    [1, 'Bad'],
  ],
  five: [
    [5, 'Excellent'],
    [4, 'Good'],
    [3, 'Okay'],
    [2, 'Poor'],
    [1, 'Very poor'],
  ],
};

/** How an answer reads in words: "good", "4 of 5". */
export function ratingInWords(scale: CsatScale, rating: number): string {
  if (scale === 'five') return `${rating} of 5`;
  return (CSAT_LABELS.three.find(([r]) => r === rating)?.[1] ?? String(rating)).toLowerCase();
}

export function csatLinks(publicUrl: string, token: string, scale: CsatScale): SurveyLink[] {
  return CSAT_LABELS[scale].map(([rating, label]) => ({ rating, label, url: `${publicUrl}/s/csat/${token}?r=${rating}` }));
}

export function npsLinks(publicUrl: string, token: string): SurveyLink[] {
  return Array.from({ length: 11 }, (_, rating) => ({ rating, label: String(rating), url: `${publicUrl}/s/nps/${token}?r=${rating}` }));
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const button = (l: SurveyLink) =>
  `<a href="${escape(l.url)}" style="display:inline-block;margin:0 6px 6px 0;padding:8px 14px;border:1px solid #1c7ed6;border-radius:4px;color:#1c7ed6;text-decoration:none;font-family:sans-serif">${escape(l.label)}</a>`;

const expiryDay = (d: Date) => d.toISOString().slice(0, 10);

export type MailContent = { subject: string; text: string; html: string };

/** The "resolved" e-mail; without links (no survey) it is the plain notice it always was. */
export function resolvedMail(m: { reference: string; subject: string; links: SurveyLink[]; expiresAt: Date | null }): MailContent {
  const notice = `Your ticket ${m.reference} has been resolved. Reply to this message if the problem is not solved.`;
  const subject = `[${m.reference}] Resolved: ${m.subject}`;
  if (m.links.length === 0) return { subject, text: notice, html: `<p>${escape(notice)}</p>` };
  const until = m.expiresAt ? ` (until ${expiryDay(m.expiresAt)})` : '';
  const text = [notice, '', `How did we do? One click answers${until}:`, ...m.links.map((l) => `  ${l.label}: ${l.url}`)].join('\n');
  const html = [`<p>${escape(notice)}</p>`, `<p style="font-family:sans-serif"><strong>How did we do?</strong> One click answers${escape(until)}:</p>`, `<p>${m.links.map(button).join('')}</p>`].join('\n');
  return { subject, text, html };
}

export function npsMail(m: { organisation: string; clientName: string; links: SurveyLink[]; expiresAt: Date }): MailContent {
  const question = `How likely is it that you would recommend ${m.organisation} to a friend or colleague?`;
  const subject = `${m.organisation}: one question about our service`;
  const text = [
    `Hello from ${m.organisation},`,
    '',
    `${question} Click a number from 0 (not at all likely) to 10 (extremely likely):`,
    ...m.links.map((l) => `  ${l.label}: ${l.url}`),
    '',
    `You can answer until ${expiryDay(m.expiresAt)}. We ask each person at ${m.clientName} once a quarter.`,
  ].join('\n');
  const html = [
    `<p style="font-family:sans-serif">${escape(question)}</p>`,
    `<p style="font-family:sans-serif">0 = not at all likely, 10 = extremely likely</p>`,
    `<p>${m.links.map(button).join('')}</p>`,
    `<p style="font-family:sans-serif;color:#666">You can answer until ${expiryDay(m.expiresAt)}. We ask each person at ${escape(m.clientName)} once a quarter.</p>`,
  ].join('\n');
  return { subject, text, html };
}
