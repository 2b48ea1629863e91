import { tokenAllows, type Actor } from '../../http/actor';

export type AuditAction = 'audit.list';

// The log shows every sign-in and permission change, so it is the owners' alone.
const rules: Record<AuditAction, (a: Actor) => boolean> = {
  'audit.list': (a) => a.kind === 'staff' && a.role === 'owner' && tokenAllows(a, 'audit', 'read'),
};

export function can(actor: Actor, action: AuditAction): boolean {
  return rules[action](actor);
}
