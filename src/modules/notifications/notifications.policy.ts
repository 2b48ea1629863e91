import { tokenAllows, type Actor } from '../../http/actor';

export type NotificationsAction = 'notifications.read' | 'notifications.markRead';

// The bell is personal: every signed-in user reads and clears only their own notifications
// (the repository filters by the caller). A staff API token acts as the staff member who made it,
// with the tickets module's scopes.
const rules: Record<NotificationsAction, (a: Actor) => boolean> = {
  'notifications.read': (a) => tokenAllows(a, 'tickets', 'read'),
  'notifications.markRead': (a) => tokenAllows(a, 'tickets', 'write'),
};

export function can(actor: Actor, action: NotificationsAction): boolean {
  return rules[action](actor);
}
