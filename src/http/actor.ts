import type { ClientRole, StaffRole } from '../db/schema';
import { AppError } from '../errors';

/**
 * Who is making a request. Every service call takes one; repositories take its scope.
 * Staff see their whole tenant; client users see only their own client.
 */
export type StaffActor = {
  kind: 'staff';
  tenantId: string;
  userId: string;
  role: StaffRole;
  name: string;
  email: string;
  via: 'session' | 'token';
  // API tokens carry scopes ('read', 'write', or '<module>:read' / '<module>:write'); sessions carry none.
  scopes: string[] | null;
  ip: string | null;
};

export type ClientActor = {
  kind: 'client';
  tenantId: string;
  userId: string;
  role: ClientRole;
  clientId: string;
  name: string;
  email: string;
  via: 'session';
  scopes: null;
  ip: string | null;
};

export type Actor = StaffActor | ClientActor;

/** The rows a query may touch: a tenant, narrowed to one client for client users. */
export type Scope = { tenantId: string; clientId?: string };

export function scopeOf(actor: Actor): Scope {
  return actor.kind === 'client' ? { tenantId: actor.tenantId, clientId: actor.clientId } : { tenantId: actor.tenantId };
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('unauthenticated', 'Sign in to continue');
  return actor;
}

/** Whether an API token's scopes allow an access of `mode` to `module`. Sessions always pass. */
export function tokenAllows(actor: Actor, module: string, mode: 'read' | 'write'): boolean {
  if (actor.scopes === null) return true;
  return actor.scopes.some((s) => s === mode || s === `${module}:${mode}` || (mode === 'read' && (s === 'write' || s === `${module}:write`)));
}
