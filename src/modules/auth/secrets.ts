import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random URL-safe secret: session cookies, API tokens, invitation links. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Bearer secrets are high-entropy, so a fast hash is enough to keep a database leak from
 * exposing usable tokens (passwords, which are not, use argon2id).
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
