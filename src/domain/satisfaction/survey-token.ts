/**
 * Signed survey links: `base64url(payload).base64url(hmac)`, the payload `{ k, t, s, e }` (kind,
 * tenant, survey, expiry in epoch seconds) and the MAC HMAC-SHA256 over the encoded payload with
 * the tenant's survey key. A link carries its own expiry and cannot be altered, so the answer
 * page needs no session and no stored token. Pure: the key and `now` come in as arguments.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SurveyKind, SurveyTokenPayload } from './satisfaction-types';

type Wire = { k: SurveyKind; t: string; s: string; e: number };

const B64URL = /^[A-Za-z0-9_-]+$/;
// A real token is about 200 characters; anything far longer is not one of ours.
const MAX_TOKEN_LENGTH = 1000;

const mac = (encodedPayload: string, key: string): Buffer => createHmac('sha256', key).update(encodedPayload).digest();

export function signSurveyToken(payload: SurveyTokenPayload, key: string): string {
  const wire: Wire = { k: payload.kind, t: payload.tenantId, s: payload.surveyId, e: Math.floor(payload.expiresAt.getTime() / 1000) };
  const body = Buffer.from(JSON.stringify(wire)).toString('base64url');
  return `${body}.${mac(body, key).toString('base64url')}`;
}

/**
 * The payload as the token states it, before any check of the signature: the tenant it names
 * tells whose key verifies it. Null when the token is not shaped like one of ours.
 */
export function readSurveyToken(token: string): SurveyTokenPayload | null {
  if (token.length > MAX_TOKEN_LENGTH) return null;
  const parts = token.split('.');
  if (parts.length !== 2 || !B64URL.test(parts[0]!) || !B64URL.test(parts[1]!)) return null;
  let wire: unknown;
  try {
    wire = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof wire !== 'object' || wire === null) return null;
  const w = wire as Partial<Wire>;
  if ((w.k !== 'csat' && w.k !== 'nps') || typeof w.t !== 'string' || typeof w.s !== 'string' || typeof w.e !== 'number' || !Number.isSafeInteger(w.e)) return null;
  return { kind: w.k, tenantId: w.t, surveyId: w.s, expiresAt: new Date(w.e * 1000) };
}

export type SurveyTokenCheck = { ok: true; payload: SurveyTokenPayload } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * Checks the signature with the tenant's key, then the expiry (a link is good until its `e`
 * second, exclusive). A bad signature is 'invalid' whatever the expiry says: an altered link
 * learns nothing.
 */
export function verifySurveyToken(token: string, key: string, now: Date): SurveyTokenCheck {
  const payload = readSurveyToken(token);
  if (!payload) return { ok: false, reason: 'invalid' };
  const [body, sig] = token.split('.') as [string, string];
  const expected = mac(body, key);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  if (now.getTime() >= payload.expiresAt.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, payload };
}
