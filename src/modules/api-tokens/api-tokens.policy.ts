import { tokenAllows, type Actor } from '../../http/actor';

export type ApiTokenAction = 'apiTokens.list' | 'apiTokens.create' | 'apiTokens.revoke';

const managesTokens = (a: Actor) => a.kind === 'staff' && (a.role === 'owner' || a.role === 'admin');

// A token never mints tokens: a leaked one must not be able to outlive its own revocation.
const rules: Record<ApiTokenAction, (a: Actor) => boolean> = {
  'apiTokens.list': (a) => managesTokens(a) && tokenAllows(a, 'users', 'read'),
  'apiTokens.create': (a) => managesTokens(a) && a.via === 'session',
  'apiTokens.revoke': (a) => managesTokens(a) && tokenAllows(a, 'users', 'write'),
};

export function can(actor: Actor, action: ApiTokenAction): boolean {
  return rules[action](actor);
}
