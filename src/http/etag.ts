import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}

/**
 * The version the caller last saw, from If-Match, or null when it sent none. A malformed
 * header is a 412: the caller meant to guard the write, and we cannot tell against what.
 */
export function expectedVersion(request: FastifyRequest): number | null {
  const h = request.headers['if-match'];
  if (h === undefined) return null;
  const m = /^(?:W\/)?"(\d+)"$/.exec(String(h).trim());
  if (!m) throw new AppError('precondition_failed', 'If-Match must be the ETag of the row, e.g. "3"');
  return Number(m[1]);
}

/** Thrown when a guarded write found a newer version than the caller's. */
export const staleWrite = () =>
  new AppError('precondition_failed', 'Someone else changed this since you loaded it; reload to see their changes, then try again');
