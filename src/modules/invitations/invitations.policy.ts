import type { Invitation } from '../../db/schema';

export type InvitationAction = 'view' | 'accept';

/**
 * Invitations are opened by whoever holds the link (the token is the credential). A link is
 * shown while unused and not withdrawn; it can be accepted only before it expires.
 */
export function can(invitation: Invitation, action: InvitationAction, now: Date): boolean {
  const open = invitation.accepted_at === null && invitation.revoked_at === null;
  switch (action) {
    case 'view':
      return open;
    case 'accept':
      return open && invitation.expires_at.getTime() > now.getTime();
    default: {
      const never: never = action;
      return never;
    }
  }
}
