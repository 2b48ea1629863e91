import QRCode from 'qrcode';
import type { User } from '../../db/schema';
import type { Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { AppError, conflict, forbidden, invalid } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password';
import { hashToken } from '../auth/secrets';
import { SignInLimiter } from '../auth/sign-in-limiter';
import { newTotpSecret, totpUri, totpValid } from '../auth/totp';
import { findTenantById, mfaRequiredFor } from '../tenants/tenants.repository';
import * as users from '../users/users.repository';
import { can, type MeAction } from './me.policy';
import { newRecoveryCodes } from './recovery-codes';

// A stolen session must not be able to guess the password or a TOTP code here either.
const guessLimiter = new SignInLimiter(10, 60_000);

function limitGuesses(ctx: AppContext, actor: Actor): void {
  const wait = guessLimiter.hit(`me:${actor.userId}`, ctx.now());
  if (wait !== null) throw new AppError('rate_limited', `Too many attempts; try again in ${wait} seconds`, undefined, { 'retry-after': String(wait) });
}

function authorise(actor: Actor, action: MeAction): void {
  if (!can(actor, action)) throw forbidden('API tokens cannot do this; sign in as the person instead');
}

async function self(ctx: AppContext, actor: Actor): Promise<User> {
  const user = await users.findUserInScope(ctx.db, { tenantId: actor.tenantId }, actor.userId);
  // The session resolved moments ago, so a missing row means it was removed meanwhile.
  if (!user) throw new AppError('unauthenticated', 'Sign in to continue');
  return user;
}

const audit = (ctx: AppContext, actor: Actor, action: string, details?: Record<string, unknown>) =>
  appendAudit(ctx.db, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action, targetType: 'user', targetId: actor.userId, ip: actor.ip, details });

export async function getMe(ctx: AppContext, actor: Actor): Promise<User> {
  authorise(actor, 'me.read');
  return self(ctx, actor);
}

export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; keepSessionId: string | null },
): Promise<void> {
  authorise(actor, 'me.changePassword');
  const user = await self(ctx, actor);
  limitGuesses(ctx, actor);
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) throw invalid({ currentPassword: 'is not correct' });
  const problem = passwordProblem(input.newPassword, { email: user.email, name: user.name });
  if (problem) throw invalid({ newPassword: problem });
  if (input.newPassword === input.currentPassword) throw invalid({ newPassword: 'must differ from the current password' });
  const hash = await hashPassword(input.newPassword);
  const revoked = await ctx.db.transaction().execute(async (trx) => {
    await users.setPasswordHash(trx, user.tenant_id, user.id, hash, ctx.now());
    return users.deleteSessionsOfUser(trx, user.tenant_id, user.id, input.keepSessionId ?? undefined);
  });
  await audit(ctx, actor, 'user.password_changed', { revokedSessions: revoked });
}

export async function startMfaEnrolment(ctx: AppContext, actor: Actor): Promise<{ secret: string; otpauthUri: string; qrDataUrl: string }> {
  authorise(actor, 'me.manageMfa');
  const user = await self(ctx, actor);
  if (user.mfa_enabled_at) throw conflict('Two-factor authentication is already enabled; disable it first to enrol a new device');
  const secret = newTotpSecret();
  if (!(await users.setPendingMfaSecret(ctx.db, user.tenant_id, user.id, secret, ctx.now()))) {
    throw conflict('Two-factor authentication is already enabled; disable it first to enrol a new device');
  }
  const tenant = await findTenantById(ctx.db, user.tenant_id);
  const otpauthUri = totpUri(secret, user.email, tenant ? `servicepact (${tenant.name})` : 'servicepact');
  const qrDataUrl = await QRCode.toDataURL(otpauthUri);
  await audit(ctx, actor, 'mfa.enrolment_started');
  return { secret, otpauthUri, qrDataUrl };
}

async function issueRecoveryCodes(ctx: AppContext, user: User): Promise<string[]> {
  const codes = newRecoveryCodes();
  await users.replaceRecoveryCodes(ctx.db, user.tenant_id, user.id, codes.map(hashToken));
  return codes;
}

export async function confirmMfaEnrolment(ctx: AppContext, actor: Actor, input: { code: string }): Promise<string[]> {
  authorise(actor, 'me.manageMfa');
  const user = await self(ctx, actor);
  if (user.mfa_enabled_at) throw conflict('Two-factor authentication is already enabled');
  if (!user.mfa_secret) throw conflict('Start the enrolment first (POST /me/mfa/enrolment)');
  limitGuesses(ctx, actor);
  if (!(await totpValid(user.mfa_secret, input.code.replace(/\s/g, ''), ctx.now()))) throw invalid({ code: 'is not correct or has expired' });
  const codes = await ctx.db.transaction().execute(async (trx) => {
    const enabled = await users.enableMfa(trx, user.tenant_id, user.id, ctx.now());
    if (!enabled) throw conflict('Two-factor authentication is already enabled');
    const list = newRecoveryCodes();
    await users.replaceRecoveryCodes(trx, user.tenant_id, user.id, list.map(hashToken));
    return list;
  });
  await audit(ctx, actor, 'mfa.enabled');
  return codes;
}

export async function regenerateRecoveryCodes(ctx: AppContext, actor: Actor, input: { code: string }): Promise<string[]> {
  authorise(actor, 'me.manageMfa');
  const user = await self(ctx, actor);
  if (!user.mfa_enabled_at || !user.mfa_secret) throw conflict('Two-factor authentication is not enabled');
  limitGuesses(ctx, actor);
  if (!(await totpValid(user.mfa_secret, input.code.replace(/\s/g, ''), ctx.now()))) throw invalid({ code: 'is not correct or has expired' });
  const codes = await issueRecoveryCodes(ctx, user);
  await audit(ctx, actor, 'mfa.recovery_codes_regenerated');
  return codes;
}

export async function disableMfa(ctx: AppContext, actor: Actor, input: { password: string }): Promise<void> {
  authorise(actor, 'me.manageMfa');
  const user = await self(ctx, actor);
  limitGuesses(ctx, actor);
  if (!(await verifyPassword(user.password_hash, input.password))) throw invalid({ password: 'is not correct' });
  const tenant = await findTenantById(ctx.db, user.tenant_id);
  if (tenant && mfaRequiredFor(tenant, user.role)) throw conflict('Your organisation requires two-factor authentication for your role');
  if (!user.mfa_enabled_at && !user.mfa_secret) return;
  await users.clearMfa(ctx.db, user.tenant_id, user.id, ctx.now());
  await audit(ctx, actor, 'mfa.disabled');
}
