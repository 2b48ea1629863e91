import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../../http/types';
import { agentFrom, TEST_PASSWORD, type Agent } from '../../../test/support/test-app';

// The sign-in limiter allows 20 attempts a minute per address; these suites sign in far more
// often, so each sign-in comes from its own address.
let n = 0;
export const nextIp = () => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n++ & 255}`;

export function rawSignIn(app: App, email: string, password = TEST_PASSWORD): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password }, remoteAddress: nextIp() });
}

/** Signs in (password step only); the agent may still owe the MFA step. */
export async function signInAs(app: App, email: string, password = TEST_PASSWORD): Promise<Agent> {
  const res = await rawSignIn(app, email, password);
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'sp_session');
  if (!cookie) throw new Error('no session cookie');
  return agentFrom(app, `sp_session=${cookie.value}`, res.json().csrfToken);
}

/** Completes the MFA step with a code; returns the rotated agent and the answer. */
export async function completeMfa(app: App, agent: Agent, code: string): Promise<{ res: LightMyRequestResponse; agent: Agent | null }> {
  const res = await agent.post('/api/v1/auth/mfa', { code });
  const cookie = res.cookies.find((c) => c.name === 'sp_session');
  return { res, agent: res.statusCode === 200 && cookie ? agentFrom(app, `sp_session=${cookie.value}`, res.json().csrfToken) : null };
}

/** Calls the API with a bearer token. */
export function withToken(app: App, token: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) {
  return app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(body === undefined ? {} : { payload: body as object }) });
}
