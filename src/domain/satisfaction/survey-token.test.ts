import { describe, expect, it } from 'vitest';
import { readSurveyToken, signSurveyToken, verifySurveyToken } from './survey-token';

const KEY = 'a'.repeat(64);
const OTHER_KEY = 'b'.repeat(64);
const payload = { kind: 'csat' as const, tenantId: '11111111-1111-4111-8111-111111111111', surveyId: '22222222-2222-4222-8222-222222222222', expiresAt: new Date('2026-12-19T10:00:00Z') };
const before = new Date('2026-12-19T09:59:59Z');

const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);

describe('survey tokens', () => {
  it('verify what they sign, with the payload intact', () => {
    const token = signSurveyToken(payload, KEY);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifySurveyToken(token, KEY, before)).toEqual({ ok: true, payload });
    expect(verifySurveyToken(signSurveyToken({ ...payload, kind: 'nps' }, KEY), KEY, before)).toEqual({ ok: true, payload: { ...payload, kind: 'nps' } });
  });

  it('refuse a token whose payload was altered, even to a later expiry or another survey', () => {
    const token = signSurveyToken(payload, KEY);
    const [, sig] = token.split('.');
    for (const changed of [{ ...payload, expiresAt: new Date('2030-01-01T00:00:00Z') }, { ...payload, surveyId: '33333333-3333-4333-8333-333333333333' }, { ...payload, kind: 'nps' as const }]) {
      const [body] = signSurveyToken(changed, KEY).split('.');
      expect(verifySurveyToken(`${body}.${sig}`, KEY, before)).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(verifySurveyToken(flip(token, 3), KEY, before)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuse a token whose signature was altered or shortened', () => {
    const token = signSurveyToken(payload, KEY);
    expect(verifySurveyToken(flip(token, token.length - 2), KEY, before)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifySurveyToken(token.slice(0, -4), KEY, before)).toEqual({ ok: false, reason: 'invalid' });
  });

  it("refuse another tenant's key", () => {
    expect(verifySurveyToken(signSurveyToken(payload, OTHER_KEY), KEY, before)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('expire at their expiry second, and a forged one is invalid rather than expired', () => {
    const token = signSurveyToken(payload, KEY);
    expect(verifySurveyToken(token, KEY, new Date('2026-12-19T09:59:59.999Z')).ok).toBe(true);
    expect(verifySurveyToken(token, KEY, payload.expiresAt)).toEqual({ ok: false, reason: 'expired' });
    expect(verifySurveyToken(token, KEY, new Date('2027-06-01T00:00:00Z'))).toEqual({ ok: false, reason: 'expired' });
    expect(verifySurveyToken(signSurveyToken(payload, OTHER_KEY), KEY, new Date('2027-06-01T00:00:00Z'))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('read malformed input as invalid, never throwing', () => {
    const json = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const malformed = [
      '',
      '.',
      'abc',
      'a.b.c',
      'not base64!.sig',
      `${Buffer.from('not json').toString('base64url')}.abc`,
      `${json(null)}.abc`,
      `${json([1, 2])}.abc`,
      `${json({ k: 'other', t: 'x', s: 'y', e: 1 })}.abc`,
      `${json({ k: 'csat', t: 'x', s: 'y', e: '1' })}.abc`,
      `${json({ k: 'csat', t: 'x', s: 'y', e: 1.5 })}.abc`,
      `${json({ k: 'csat', t: 1, s: 'y', e: 1 })}.abc`,
      `${'a'.repeat(2000)}.abc`,
    ];
    for (const token of malformed) {
      expect(readSurveyToken(token)).toBeNull();
      expect(verifySurveyToken(token, KEY, before)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('name the tenant before verification, so the right key can be found', () => {
    expect(readSurveyToken(signSurveyToken(payload, KEY))).toEqual(payload);
  });
});
