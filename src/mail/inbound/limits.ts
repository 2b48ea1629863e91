import { Transform, type TransformCallback } from 'node:stream';

export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
export const MAX_MIME_DEPTH = 30;

/** An error smtp-server answers with its responseCode and message. */
export type SmtpError = Error & { responseCode: number };

export function smtpError(responseCode: number, message: string): SmtpError {
  return Object.assign(new Error(message), { responseCode });
}

export const tooBig = (limit: number) => smtpError(552, `5.3.4 Message too big: the limit is ${limit} bytes (${Math.floor(limit / 1024 / 1024)} MB)`);
export const tooDeep = (limit: number) => smtpError(554, `5.6.0 Message structure too complex: MIME parts nested deeper than ${limit} levels`);

const MAX_LINE = 8192;

/**
 * Follows the MIME structure of a raw message as it streams by, line by line, without parsing
 * bodies: a stack of the open multipart boundaries (and embedded message/rfc822 parts). Its depth
 * is what the parser would recurse into, so a message nested too deeply is found before parsing.
 */
export class MimeDepthScanner {
  maxDepth = 0;
  private stack: Array<string | null> = [];
  private inHeaders = true;
  private header = '';
  private contentType = '';
  private partial = '';

  push(chunk: Buffer | string): void {
    const text = this.partial + (typeof chunk === 'string' ? chunk : chunk.toString('latin1'));
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    // A line without an end, longer than any header or boundary line, can only be body data.
    if (this.partial.length > MAX_LINE) this.partial = this.partial.slice(0, MAX_LINE);
    for (const line of lines) this.line(line.endsWith('\r') ? line.slice(0, -1) : line);
  }

  end(): void {
    if (this.partial) this.line(this.partial);
    this.partial = '';
  }

  private line(line: string): void {
    if (line.startsWith('--') && this.boundaryLine(line)) return;
    if (!this.inHeaders) return;
    if (line === '') {
      this.endHeader();
      this.endHeaders();
    } else if (line.startsWith(' ') || line.startsWith('\t')) {
      if (this.header.length < MAX_LINE) this.header += line;
    } else {
      this.endHeader();
      this.header = line;
    }
  }

  private boundaryLine(line: string): boolean {
    const trimmed = line.trimEnd();
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const b = this.stack[i];
      if (b === null || b === undefined) continue;
      if (trimmed === `--${b}`) {
        this.stack.length = i + 1;
        this.startHeaders();
        return true;
      }
      if (trimmed === `--${b}--`) {
        this.stack.length = i;
        this.inHeaders = false;
        return true;
      }
    }
    return false;
  }

  private startHeaders() {
    this.inHeaders = true;
    this.header = '';
    this.contentType = '';
  }

  private endHeader() {
    if (/^content-type\s*:/i.test(this.header)) this.contentType = this.header.slice(this.header.indexOf(':') + 1);
    this.header = '';
  }

  private endHeaders() {
    const ct = this.contentType.trim();
    this.inHeaders = false;
    if (/^multipart\//i.test(ct)) {
      const m = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(ct);
      const boundary = m ? (m[1] ?? m[2] ?? '') : '';
      if (boundary) this.enter(boundary);
    } else if (/^message\/(rfc822|global)\b/i.test(ct)) {
      // an attached message: its own headers follow at once
      this.enter(null);
      this.startHeaders();
    }
  }

  private enter(boundary: string | null) {
    this.stack.push(boundary);
    if (this.stack.length > this.maxDepth) this.maxDepth = this.stack.length;
  }
}

/** The deepest MIME nesting of a whole raw message. */
export function mimeDepth(raw: Buffer | string): number {
  const s = new MimeDepthScanner();
  s.push(raw);
  s.end();
  return s.maxDepth;
}

export type GuardViolation = 'too_big' | 'too_deep';

/**
 * Passes a message through while it stays within the limits; once it goes over (size or MIME
 * depth) it stops passing data on and swallows the rest, so the SMTP stream is drained and the
 * parser behind it never sees the offending part. `violation` says what happened.
 */
export class MessageGuard extends Transform {
  violation: GuardViolation | null = null;
  bytes = 0;
  private scanner = new MimeDepthScanner();

  constructor(private readonly limits: { maxBytes: number; maxDepth: number }) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.violation) return callback();
    if (this.bytes > this.limits.maxBytes) {
      this.violation = 'too_big';
      return callback();
    }
    this.scanner.push(chunk);
    if (this.scanner.maxDepth > this.limits.maxDepth) {
      this.violation = 'too_deep';
      return callback();
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.scanner.end();
    if (!this.violation && this.scanner.maxDepth > this.limits.maxDepth) this.violation = 'too_deep';
    callback();
  }

  get depth(): number {
    return this.scanner.maxDepth;
  }
}
