import type { UserRole } from '../../db/schema';
import type { Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { conflict, invalid, notFound } from '../../errors';
import { enqueueEmail } from '../../mail/outbox';
import { appendAudit } from '../audit/audit.repository';
import { findTenant } from '../auth/auth.repository';
import { hashPassword, passwordProblem } from '../auth/password';
import { hashToken, randomToken } from '../auth/secrets';
import { uniqueViolation } from '../clients/unique-violation';
import { linkContactUser } from '../contacts/contacts.repository';
import { emailInUse, insertUser } from '../users/users.repository';
import { can } from './invitations.policy';
import { presentInvitation, presentInvitationInfo } from './invitations.presenter';
import * as repo from './invitations.repository';
import type { AcceptInput } from './invitations.schema';

export const INVITATION_DAYS = 7;

const ROLE_LABEL: Record<UserRole, string> = {
  owner: 'an owner',
  admin: 'an administrator',
  dispatcher: 'a dispatcher',
  technician: 'a technician',
  account_manager: 'an account manager',
  client_admin: 'an administrator',
  client_user: 'a user',
};

const isClientRole = (role: UserRole) => role === 'client_admin' || role === 'client_user';
const hasAccount = () => conflict('This e-mail address already has an account', { email: 'already has an account' });

export type InvitationInput = { email: string; name: string; role: UserRole; clientId?: string | null; contactId?: string | null };

/**
 * Creates an invitation and queues its e-mail in one transaction. The caller has already
 * decided the actor may invite to this role (staff: the users module; contacts: this module's
 * caller). Returns the link too, so an admin can pass it on when e-mail is not set up.
 */
export async function createInvitation(ctx: AppContext, actor: Actor, input: InvitationInput) {
  const email = input.email.trim().toLowerCase();
  const clientId = input.clientId ?? null;
  if (isClientRole(input.role) !== (clientId !== null)) {
    throw invalid({ clientId: isClientRole(input.role) ? 'is required for client roles' : 'must be empty for staff roles' });
  }
  if (await emailInUse(ctx.db, email)) throw hasAccount();
  const tenant = await findTenant(ctx.db, actor.tenantId);
  if (!tenant) throw notFound('Organisation');
  const token = randomToken();
  const now = ctx.now();
  const inviteUrl = `${ctx.config.publicUrl}/invite/${token}`;
  const invitation = await ctx.db.transaction().execute(async (trx) => {
    await repo.revokeOpenInvitations(trx, actor.tenantId, email, now);
    const inv = await repo.insertInvitation(trx, {
      tenantId: actor.tenantId,
      clientId,
      contactId: input.contactId ?? null,
      email,
      name: input.name.trim(),
      role: input.role,
      tokenHash: hashToken(token),
      createdBy: actor.userId,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
    });
    const greeting = inv.name ? `Hello ${inv.name},` : 'Hello,';
    await enqueueEmail(trx, {
      tenantId: actor.tenantId,
      to: email,
      kind: 'invitation',
      subject: `${tenant.name} invites you to servicepact`,
      text:
        `${greeting}\n\n${actor.name} of ${tenant.name} invites you to servicepact as ${ROLE_LABEL[input.role]}.\n\n` +
        `Choose your password here (the link works for ${INVITATION_DAYS} days, once):\n${inviteUrl}\n\n` +
        `If you did not expect this e-mail, ignore it.\n`,
    });
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.email,
      action: 'invitation.created',
      targetType: 'invitation',
      targetId: inv.id,
      ip: actor.ip,
      details: { email, role: input.role, clientId, contactId: inv.contact_id },
    });
    return inv;
  });
  return { invitation: presentInvitation(invitation), inviteUrl };
}

async function openInvitation(ctx: AppContext, token: string) {
  const inv = await repo.findInvitationByTokenHash(ctx.db, hashToken(token));
  if (!inv || !can(inv, 'view', ctx.now())) throw notFound('Invitation');
  return inv;
}

/** What the invitation page shows before the invitee chooses a password. */
export async function getInvitationInfo(ctx: AppContext, token: string) {
  return presentInvitationInfo(await openInvitation(ctx, token), ctx.now());
}

/**
 * Creates the invitee's account with the chosen password, links it to its contact and uses the
 * invitation up. Returns the address to sign in with.
 */
export async function acceptInvitation(ctx: AppContext, token: string, input: AcceptInput, ip: string | null): Promise<{ email: string }> {
  const inv = await openInvitation(ctx, token);
  const now = ctx.now();
  if (!can(inv, 'accept', now)) throw conflict('This invitation has expired; ask whoever invited you for a new one', { token: 'has expired' });
  const problem = passwordProblem(input.password, { email: inv.email, name: input.name });
  if (problem) throw invalid({ password: problem });
  const passwordHash = await hashPassword(input.password);
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      if (!(await repo.markAccepted(trx, inv.tenant_id, inv.id, now))) throw notFound('Invitation');
      if (await emailInUse(trx, inv.email)) throw hasAccount();
      const user = await insertUser(trx, {
        tenant_id: inv.tenant_id,
        email: inv.email,
        name: input.name,
        role: inv.role,
        client_id: inv.client_id,
        password_hash: passwordHash,
        mfa_secret: null,
      });
      if (inv.contact_id && inv.client_id) await linkContactUser(trx, { tenantId: inv.tenant_id }, inv.client_id, inv.contact_id, user.id);
      await appendAudit(trx, {
        tenantId: inv.tenant_id,
        actorUserId: user.id,
        actorLabel: user.email,
        action: 'invitation.accepted',
        targetType: 'user',
        targetId: user.id,
        ip,
        details: { invitationId: inv.id, role: inv.role, clientId: inv.client_id, contactId: inv.contact_id },
      });
    })
    .catch((error: unknown) => {
      if (uniqueViolation(error) === 'users_email_unique') throw hasAccount();
      throw error;
    });
  return { email: inv.email };
}
