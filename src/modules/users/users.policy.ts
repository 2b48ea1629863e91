import type { UserRole } from '../../db/schema';
import { tokenAllows, type Actor } from '../../http/actor';

export type UsersAction = 'users.list' | 'users.read' | 'users.invite' | 'users.update' | 'users.signOutEverywhere' | 'users.resetMfa';

/** The user acted on (or, for invitations, the account to be), and the role it would get. */
export type UsersResource = { role: UserRole; clientId: string | null; newRole?: UserRole };

export const isClientRole = (role: UserRole): boolean => role === 'client_admin' || role === 'client_user';

const isOwner = (a: Actor) => a.kind === 'staff' && a.role === 'owner';
const isAdmin = (a: Actor) => a.kind === 'staff' && a.role === 'admin';
const isClientAdmin = (a: Actor) => a.kind === 'client' && a.role === 'client_admin';
const ownClient = (a: Actor, r: UsersResource) => a.kind === 'client' && isClientRole(r.role) && r.clientId === a.clientId;

// Only owners make or change owners; admins manage everyone else; a client admin manages the
// client roles of its own client and nothing more.
const manage = (a: Actor, r: UsersResource): boolean => {
  if (isOwner(a)) return true;
  if (isAdmin(a)) return r.role !== 'owner' && r.newRole !== 'owner';
  if (isClientAdmin(a)) return ownClient(a, r) && (r.newRole === undefined || isClientRole(r.newRole));
  return false;
};

const rules: Record<UsersAction, (a: Actor, r?: UsersResource) => boolean> = {
  'users.list': (a) => (isOwner(a) || isAdmin(a) || isClientAdmin(a)) && tokenAllows(a, 'users', 'read'),
  'users.read': (a, r) => !!r && (isOwner(a) || isAdmin(a) || (isClientAdmin(a) && ownClient(a, r))) && tokenAllows(a, 'users', 'read'),
  'users.invite': (a, r) => !!r && manage(a, r) && tokenAllows(a, 'users', 'write'),
  'users.update': (a, r) => !!r && manage(a, r) && tokenAllows(a, 'users', 'write'),
  'users.signOutEverywhere': (a, r) => !!r && (isOwner(a) || (isAdmin(a) && r.role !== 'owner')) && tokenAllows(a, 'users', 'write'),
  'users.resetMfa': (a, r) => !!r && (isOwner(a) || (isAdmin(a) && r.role !== 'owner')) && tokenAllows(a, 'users', 'write'),
};

export function can(actor: Actor, action: UsersAction, resource?: UsersResource): boolean {
  return rules[action](actor, resource);
}
