import type { AppContext } from '../../http/context';
import type { Actor } from '../../http/actor';
import type { Session, User } from '../../db/schema';
import { AppError } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import * as repo from './auth.repository';
import { verifyPassword } from './password';
import { hashToken, randomToken } from './secrets';
import { SignInLimiter } from './sign-in-limiter';
import { totpValid } from './totp';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

const limiter = new SignInLimiter();

export type RequestMeta = { ip: string | null; userAgent: string | null };

/** What a session cookie resolves to: a full actor, or a sign-in that still owes a step. */
export type SessionState =
  | { status: 'active'; actor: Actor; session: Session; mfaEnrolmentRequired: boolean }
  | { status: 'mfa_pending'; session: Session; user: User };

function staffOrClientActor(user: User, via: 'session', ip: string | null): Actor {
  if (user.role === 'client_admin' || user.role === 'client_user') {
    return {
      kind: 'client',
      tenantId: user.tenant_id,
      userId: user.id,
      role: user.role,
      clientId: user.client_id!,
      name: user.name,
      email: user.email,
      via,
      scopes: null,
      ip,
    };
  }
  return { kind: 'staff', tenantId: user.tenant_id, userId: user.id, role: user.role, name: user.name, email: user.email, via, scopes: null, ip };
}

async function createSession(ctx: AppContext, user: User, mfaPending: boolean, meta: RequestMeta) {
  const token = randomToken();
  const now = ctx.now();
  const session = {
    tenant_id: user.tenant_id,
    id: hashToken(token),
    user_id: user.id,
    csrf_token: randomToken(24),
    mfa_pending: mfaPending,
    ip: meta.ip,
    user_agent: meta.userAgent?.slice(0, 400) ?? null,
    expires_at: new Date(now.getTime() + (mfaPending ? 10 * 60_000 : ctx.config.sessionTtlHours * 3600_000)),
  };
  await repo.insertSession(ctx.db, { ...session, now });
  return { token, csrfToken: session.csrf_token };
}

export async function signIn(ctx: AppContext, input: { email: string; password: string }, meta: RequestMeta) {
  const now = ctx.now();
  const wait = limiter.hit(meta.ip ?? 'unknown', now);
  if (wait !== null) {
    throw new AppError('rate_limited', `Too many sign-in attempts; try again in ${wait} seconds`, undefined, { 'retry-after': String(wait) });
  }
  const user = await repo.findUserByEmailForSignIn(ctx.db, input.email);
  if (user?.locked_until && user.locked_until > now) {
    const minutes = Math.ceil((user.locked_until.getTime() - now.getTime()) / 60_000);
    throw new AppError('locked', `This account is locked after too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`);
  }
  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !ok || user.status !== 'active') {
    if (user) {
      const failures = user.failed_sign_ins + 1;
      const lockUntil = failures >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null;
      await repo.recordFailedSignIn(ctx.db, user, lockUntil);
      await appendAudit(ctx.db, {
        tenantId: user.tenant_id,
        actorUserId: user.id,
        actorLabel: user.email,
        action: lockUntil ? 'auth.locked' : 'auth.sign_in_failed',
        ip: meta.ip,
        details: { failures },
      });
    }
    throw new AppError('invalid_credentials', 'The e-mail address or password is not correct');
  }
  await repo.recordSuccessfulSignIn(ctx.db, user, now);
  const mfaPending = user.mfa_enabled_at !== null;
  const created = await createSession(ctx, user, mfaPending, meta);
  await appendAudit(ctx.db, {
    tenantId: user.tenant_id,
    actorUserId: user.id,
    actorLabel: user.email,
    action: mfaPending ? 'auth.password_accepted' : 'auth.signed_in',
    ip: meta.ip,
  });
  return { ...created, mfaPending };
}

/** Second step of sign-in: a TOTP code or an unused recovery code. Issues a fresh session. */
export async function completeMfa(ctx: AppContext, state: SessionState | null, code: string, meta: RequestMeta) {
  if (!state || state.status !== 'mfa_pending') throw new AppError('unauthenticated', 'Sign in with your password first');
  const { user, session } = state;
  const now = ctx.now();
  const wait = limiter.hit(`mfa:${user.id}`, now);
  if (wait !== null) throw new AppError('rate_limited', `Too many attempts; try again in ${wait} seconds`, undefined, { 'retry-after': String(wait) });
  const cleaned = code.replace(/[\s-]/g, '');
  let method: 'totp' | 'recovery_code' | null = null;
  if (user.mfa_secret && (await totpValid(user.mfa_secret, cleaned, now))) method = 'totp';
  else if (/^[a-z0-9]{10}$/i.test(cleaned)) {
    const h = hashToken(cleaned.toLowerCase());
    const hashes = await repo.unusedRecoveryCodeHashes(ctx.db, user.tenant_id, user.id);
    if (hashes.includes(h) && (await repo.useRecoveryCode(ctx.db, user.tenant_id, user.id, h, now))) method = 'recovery_code';
  }
  if (!method) {
    await appendAudit(ctx.db, { tenantId: user.tenant_id, actorUserId: user.id, actorLabel: user.email, action: 'auth.mfa_failed', ip: meta.ip });
    throw new AppError('validation_failed', 'The code is not correct', { code: 'is not correct or has expired' });
  }
  // Rotate: the half-signed-in session is replaced by a new one.
  await repo.deleteSession(ctx.db, session.tenant_id, session.id);
  const created = await createSession(ctx, user, false, meta);
  await appendAudit(ctx.db, {
    tenantId: user.tenant_id,
    actorUserId: user.id,
    actorLabel: user.email,
    action: 'auth.signed_in',
    ip: meta.ip,
    details: { mfa: method },
  });
  return created;
}

export async function resolveSession(ctx: AppContext, token: string, ip: string | null): Promise<SessionState | null> {
  const session = await repo.findSession(ctx.db, hashToken(token));
  const now = ctx.now();
  if (!session || session.expires_at <= now) return null;
  const user = await repo.findUser(ctx.db, session.tenant_id, session.user_id);
  if (!user || user.status !== 'active') return null;
  if (session.mfa_pending) return { status: 'mfa_pending', session, user };
  // Sliding expiry, written at most once a minute to keep reads cheap.
  if (now.getTime() - session.last_seen_at.getTime() > 60_000) {
    await repo.touchSession(ctx.db, session, now, new Date(now.getTime() + ctx.config.sessionTtlHours * 3600_000));
  }
  const tenant = await repo.findTenant(ctx.db, user.tenant_id);
  const required =
    user.role === 'client_user' ? false : user.role === 'client_admin' ? !!tenant?.mfa_required_client_admin : !!tenant?.mfa_required_staff;
  return { status: 'active', session, actor: staffOrClientActor(user, 'session', ip), mfaEnrolmentRequired: required && !user.mfa_enabled_at };
}

export async function resolveApiToken(ctx: AppContext, token: string, ip: string | null): Promise<Actor | null> {
  const row = await repo.findApiTokenByHash(ctx.db, hashToken(token));
  if (!row || row.revoked_at || row.status !== 'active') return null;
  if (row.role === 'client_admin' || row.role === 'client_user') return null;
  const now = ctx.now();
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) await repo.touchApiToken(ctx.db, row.tenant_id, row.id, now);
  return { kind: 'staff', tenantId: row.tenant_id, userId: row.user_id, role: row.role, name: `${row.user_name} (token ${row.name})`, email: row.email, via: 'token', scopes: row.scopes, ip };
}

export async function signOut(ctx: AppContext, state: SessionState | null, meta: RequestMeta): Promise<void> {
  if (!state) return;
  await repo.deleteSession(ctx.db, state.session.tenant_id, state.session.id);
  if (state.status === 'active') {
    await appendAudit(ctx.db, { tenantId: state.actor.tenantId, actorUserId: state.actor.userId, actorLabel: state.actor.email, action: 'auth.signed_out', ip: meta.ip });
  }
}

export async function signOutEverywhere(ctx: AppContext, actor: Actor): Promise<number> {
  const n = await repo.deleteUserSessions(ctx.db, actor.tenantId, actor.userId);
  await appendAudit(ctx.db, { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.email, action: 'auth.signed_out_everywhere', ip: actor.ip, details: { sessions: n } });
  return n;
}
