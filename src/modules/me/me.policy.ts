import { tokenAllows, type Actor } from '../../http/actor';

export type MeAction = 'me.read' | 'me.changePassword' | 'me.manageMfa';

// Credentials and second factors belong to the person: an API token acting for them never
// changes them, whatever its scopes.
const rules: Record<MeAction, (actor: Actor) => boolean> = {
  'me.read': (a) => tokenAllows(a, 'users', 'read'),
  'me.changePassword': (a) => a.via === 'session',
  'me.manageMfa': (a) => a.via === 'session',
};

export function can(actor: Actor, action: MeAction): boolean {
  return rules[action](actor);
}
