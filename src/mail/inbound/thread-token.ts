// "[T-1042]" anywhere in a subject, as our outgoing e-mails put it; "Re: AW: [T-1042] ..." too.
const token = /\[T-(\d{1,9})\]/i;

/** The ticket number a subject refers to, or null. */
export function ticketNumberFromSubject(subject: string | null | undefined): number | null {
  const m = token.exec(subject ?? '');
  return m ? Number(m[1]) : null;
}

/** A subject carrying the ticket's token once: "[T-1042] Printer on fire". */
export function subjectWithToken(number: number, subject: string): string {
  const bare = subject.replace(/\s*\[T-\d{1,9}\]\s*/gi, ' ').trim();
  return `[T-${number}] ${bare}`.trim();
}

const messageIdPattern = /<[^<>\s]+>/g;

/**
 * The Message-IDs a reply points at, most specific first: In-Reply-To, then References from the
 * newest to the oldest. Accepts mailparser's values (string or string[]) and raw header text.
 */
export function referencedMessageIds(inReplyTo: string | string[] | null | undefined, references: string | string[] | null | undefined): string[] {
  const ids = (v: string | string[] | null | undefined) => (Array.isArray(v) ? v.join(' ') : (v ?? '')).match(messageIdPattern) ?? [];
  const out: string[] = [];
  for (const id of [...ids(inReplyTo), ...ids(references).reverse()]) if (!out.includes(id)) out.push(id);
  return out.slice(0, 50);
}

/** A subject without reply/forward prefixes and the token: the new ticket's subject. */
export function cleanSubject(subject: string | null | undefined): string {
  let s = (subject ?? '').replace(/\s+/g, ' ').trim();
  for (;;) {
    const next = s.replace(/^(re|aw|fw|fwd|wg|sv|vs|antw|r)\s*(\[\d+\])?\s*:\s*/i, '').trim();
    if (next === s) break;
    s = next;
  }
  return s.replace(/\s*\[T-\d{1,9}\]\s*/gi, ' ').trim();
}
