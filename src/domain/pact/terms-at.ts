import type { ContractTerms, TermsVersion } from './pact-types';

/** An amendment as far as the terms in force care. */
export type AmendmentRecord = {
  number: number;
  status: 'proposed' | 'accepted' | 'rejected' | 'withdrawn';
  effectiveAt: Date;
  decidedAt: Date | null;
  terms: ContractTerms;
};

/**
 * When an accepted amendment takes effect: the later of its acceptance and its effective
 * instant (an amendment never applies before the client accepted it).
 */
export function inForceFrom(a: { effectiveAt: Date; decidedAt: Date }): Date {
  return a.decidedAt.getTime() > a.effectiveAt.getTime() ? a.decidedAt : a.effectiveAt;
}

/** The accepted amendments as versions of the terms; proposed, rejected and withdrawn ones are left out. */
export function termsHistory(amendments: readonly AmendmentRecord[]): TermsVersion[] {
  return amendments
    .filter((a) => a.status === 'accepted' && a.decidedAt)
    .map((a) => ({ version: a.number, inForceFrom: inForceFrom({ effectiveAt: a.effectiveAt, decidedAt: a.decidedAt! }), terms: a.terms }));
}

/**
 * The version in force at `instant`: the one with the latest `inForceFrom <= instant` (ties: the
 * higher version number), or null before the first one. The instant is inclusive: a version
 * in force from 10:00 governs a ticket created at 10:00.
 */
export function versionAt(history: readonly TermsVersion[], instant: Date): TermsVersion | null {
  const t = instant.getTime();
  let best: TermsVersion | null = null;
  for (const v of history) {
    const from = v.inForceFrom.getTime();
    if (from > t) continue;
    if (!best || from > best.inForceFrom.getTime() || (from === best.inForceFrom.getTime() && v.version > best.version)) best = v;
  }
  return best;
}

/** The terms in force at `instant`, or null when none are (before the contract's first accepted version). */
export function termsAt(history: readonly TermsVersion[], instant: Date): ContractTerms | null {
  return versionAt(history, instant)?.terms ?? null;
}
