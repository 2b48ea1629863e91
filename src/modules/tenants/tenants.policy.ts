import { tokenAllows, type Actor } from '../../http/actor';

export type TenantAction = 'tenant.read' | 'tenant.update';

const rules: Record<TenantAction, (a: Actor) => boolean> = {
  'tenant.read': (a) => a.kind === 'staff' && tokenAllows(a, 'tenant', 'read'),
  'tenant.update': (a) => a.kind === 'staff' && (a.role === 'owner' || a.role === 'admin') && tokenAllows(a, 'tenant', 'write'),
};

export function can(actor: Actor, action: TenantAction): boolean {
  return rules[action](actor);
}
