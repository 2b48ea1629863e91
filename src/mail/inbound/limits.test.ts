import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { nestedMessage } from '../testing/messages';
import { MAX_MIME_DEPTH, MessageGuard, MimeDepthScanner, mimeDepth, tooBig, tooDeep } from './limits';

async function guarded(raw: string | Buffer, limits = { maxBytes: 1024 * 1024, maxDepth: MAX_MIME_DEPTH }, chunkSize = 7) {
  const buf = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
  const chunks: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunkSize) chunks.push(buf.subarray(i, i + chunkSize));
  const guard = new MessageGuard(limits);
  const out: Buffer[] = [];
  guard.on('data', (c: Buffer) => out.push(c));
  await new Promise<void>((resolve, reject) => {
    Readable.from(chunks).pipe(guard).on('end', resolve).on('error', reject);
  });
  return { guard, passed: Buffer.concat(out) };
}

describe('MIME depth scanner', () => {
  it.each([0, 1, 2, 5, 30, 31, 200])('finds %i levels', (depth) => {
    const raw = depth === 0 ? 'Subject: plain\r\n\r\nno MIME at all\r\n' : nestedMessage(depth);
    expect(mimeDepth(raw)).toBe(depth);
  });

  it('counts siblings once and follows folded headers, quoted and bare boundaries, LF-only lines', () => {
    const raw = [
      'Content-Type: multipart/mixed;',
      '\tboundary=outer',
      '',
      'preamble',
      '--outer',
      'Content-Type: multipart/alternative; boundary="in 1"',
      '',
      '--in 1',
      'Content-Type: text/plain',
      '',
      'a',
      '--in 1',
      'Content-Type: text/html',
      '',
      '<p>a</p>',
      '--in 1--',
      '--outer',
      'Content-Type: application/pdf',
      '',
      'JVBERi0=',
      '--outer--',
    ].join('\n');
    expect(mimeDepth(raw)).toBe(2);
  });

  it('counts an attached message and the multiparts inside it', () => {
    const raw = [
      'Content-Type: multipart/mixed; boundary=o',
      '',
      '--o',
      'Content-Type: message/rfc822',
      '',
      'Subject: inner',
      'Content-Type: multipart/alternative; boundary=i',
      '',
      '--i',
      'Content-Type: text/plain',
      '',
      'x',
      '--i--',
      '--o--',
    ].join('\r\n');
    expect(mimeDepth(raw)).toBe(3);
  });

  it('ignores boundary-like lines in bodies and in undeclared boundaries', () => {
    expect(mimeDepth('Subject: x\r\n\r\n--foo\r\nContent-Type: multipart/mixed; boundary=bar\r\n\r\n--bar\r\n')).toBe(0);
  });

  it('is not fooled by chunk edges', () => {
    const raw = nestedMessage(40);
    const s = new MimeDepthScanner();
    for (let i = 0; i < raw.length; i += 3) s.push(raw.slice(i, i + 3));
    s.end();
    expect(s.maxDepth).toBe(40);
  });
});

describe('message guard', () => {
  it('passes a message within the limits through unchanged', async () => {
    const raw = nestedMessage(30);
    const { guard, passed } = await guarded(raw);
    expect(guard.violation).toBeNull();
    expect(passed.toString()).toBe(raw);
  });

  it('stops at the 31st level and swallows the rest', async () => {
    const raw = nestedMessage(200);
    const { guard, passed } = await guarded(raw);
    expect(guard.violation).toBe('too_deep');
    expect(guard.bytes).toBe(Buffer.byteLength(raw));
    expect(passed.length).toBeLessThan(raw.length);
  });

  it('stops at the size limit', async () => {
    const raw = 'Subject: big\r\n\r\n' + 'x'.repeat(5000);
    const { guard, passed } = await guarded(raw, { maxBytes: 1000, maxDepth: 30 }, 100);
    expect(guard.violation).toBe('too_big');
    expect(passed.length).toBeLessThanOrEqual(1000);
    expect(guard.bytes).toBe(raw.length);
  });

  it('SMTP errors carry the codes', () => {
    expect(tooBig(25 * 1024 * 1024)).toMatchObject({ responseCode: 552, message: expect.stringContaining('25 MB') });
    expect(tooDeep(30)).toMatchObject({ responseCode: 554, message: expect.stringContaining('30 levels') });
  });
});

// What the pinned mailparser (3.9.31) does with deep nesting, which is why the guard exists:
// it copes with a couple of hundred levels but gives up (throws) somewhere beyond, and the time
// and memory it spends grow with the depth.
describe('mailparser on deep nesting', () => {
  it('parses 200 levels, and throws on 2000, without hanging', async () => {
    const t = Date.now();
    const parsed = await simpleParser(nestedMessage(200));
    expect(parsed.text?.trim()).toBe('innermost text');
    await expect(simpleParser(nestedMessage(2000))).rejects.toThrow();
    expect(Date.now() - t).toBeLessThan(10_000);
  });
});
