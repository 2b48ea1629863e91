/**
 * Subscribable calendars behind secret URLs: a user's own review meetings, or all of a client's.
 * The URL carries a random token shown once; only its hash is stored (as for API tokens), and
 * revoking the feed makes the URL answer 404 from the next fetch on.
 */
import { writeCalendar, type IcsEvent } from '../../domain/meetings';
import type { Actor } from '../../http/actor';
import type { AppContext } from '../../http/context';
import { forbidden, invalid, notFound } from '../../errors';
import { hashToken, randomToken } from '../auth/secrets';
import { cadenceEvents } from '../meetings/meetings-calendar';
import * as meetings from '../meetings/meetings.repository';
import { canCreateClientFeed, canKeepFeeds } from './calendar-feeds.policy';
import * as repo from './calendar-feeds.repository';
import type { CreateFeedInput } from './calendar-feeds.schema';

const present = (f: repo.FeedRow) => ({
  id: f.id,
  kind: f.kind,
  client: f.client_id ? { id: f.client_id, name: f.client_name ?? 'Former client' } : null,
  createdAt: f.created_at.toISOString(),
  lastFetchedAt: f.last_fetched_at ? f.last_fetched_at.toISOString() : null,
});

export async function listFeeds(ctx: AppContext, actor: Actor) {
  if (!canKeepFeeds(actor, 'read')) throw forbidden('This token cannot read calendar feeds');
  return { items: (await repo.feedsOf(ctx.db, actor.tenantId, actor.userId)).map(present) };
}

export async function createFeed(ctx: AppContext, actor: Actor, input: CreateFeedInput) {
  if (!canKeepFeeds(actor, 'write')) throw forbidden('This token cannot create calendar feeds');
  let clientId: string | null = null;
  if (input.kind === 'client') {
    if (!canCreateClientFeed(actor, input.clientId)) {
      // A client user naming another client learns nothing about it.
      if (actor.kind === 'client' && actor.clientId.toLowerCase() !== input.clientId.toLowerCase()) throw invalid({ clientId: 'is not a client of this organisation' });
      throw forbidden("A client's calendar feed is for staff and the client administrator");
    }
    if (!(await repo.clientName(ctx.db, actor.tenantId, input.clientId))) throw invalid({ clientId: 'is not a client of this organisation' });
    clientId = input.clientId;
  }
  const token = randomToken(32);
  const id = await repo.insertFeed(ctx.db, { tenant_id: actor.tenantId, kind: input.kind, user_id: actor.userId, client_id: clientId, token_hash: hashToken(token) });
  const row = (await repo.feedsOf(ctx.db, actor.tenantId, actor.userId)).find((f) => f.id === id);
  if (!row) throw new Error('feed vanished');
  return { ...present(row), url: `${ctx.config.publicUrl}/feeds/${token}.ics` };
}

export async function revokeFeed(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  if (!canKeepFeeds(actor, 'write')) throw forbidden('This token cannot revoke calendar feeds');
  if (!(await repo.revokeFeed(ctx.db, actor.tenantId, actor.userId, id, ctx.now()))) throw notFound('Calendar feed');
}

/** The feed's calendar text for `<token>.ics`, or 404 for a malformed, unknown or revoked token. */
export async function renderFeed(ctx: AppContext, file: string): Promise<string> {
  const m = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(file);
  if (!m) throw notFound('Calendar feed');
  const feed = await repo.liveFeedByHash(ctx.db, hashToken(m[1]!));
  if (!feed) throw notFound('Calendar feed');
  // A client user's feed never reaches beyond their client, whatever the row says.
  if (feed.kind === 'client' && feed.user_client_id && feed.user_client_id !== feed.client_id) throw notFound('Calendar feed');
  const contracts = feed.kind === 'client' ? await repo.contractsOfClient(ctx.db, feed.tenant_id, feed.client_id!) : await repo.contractsForUser(ctx.db, feed.tenant_id, feed.user_id, feed.user_client_id, feed.user_email);
  const cadences = await meetings.cadencesOf(ctx.db, feed.tenant_id, contracts.map((c) => c.id));
  const rows = await meetings.meetingsOfCadences(ctx.db, feed.tenant_id, cadences.map((c) => c.id));
  const byId = new Map(contracts.map((c) => [c.id, c]));
  const forClient = feed.user_client_id !== null;
  const events: IcsEvent[] = cadences.flatMap((k) => {
    const c = byId.get(k.contract_id)!;
    return cadenceEvents(k, rows, {
      summary: (x) => (feed.kind === 'client' ? x.title : `${x.title} (${c.client_name})`),
      description: () => `Service review of the contract "${c.name}" with ${c.client_name}.`,
      url: () => (forClient ? `${ctx.config.publicUrl}/portal/meetings` : `${ctx.config.publicUrl}/contracts/${c.id}`),
    });
  });
  const now = ctx.now();
  await repo.markFetched(ctx.db, feed.tenant_id, feed.id, now);
  const name = feed.kind === 'client' ? `Service reviews: ${contracts[0]?.client_name ?? (await repo.clientName(ctx.db, feed.tenant_id, feed.client_id!)) ?? 'client'}` : 'My service reviews';
  return writeCalendar({ name, events, now });
}
