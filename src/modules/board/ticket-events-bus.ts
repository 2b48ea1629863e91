import pg from 'pg';

/**
 * Tells open board streams that a ticket changed. The ticket service calls
 * `publishTicketChanged` after a change has committed; every stream of that ticket's tenant
 * receives `{ id, version }` and the board refetches.
 *
 * In one process (PGlite, or a single server) delivery is a function call. With several servers
 * on one PostgreSQL database a bridge (see `startPgBridge`) sends each change through
 * `pg_notify('ticket_changed', json)` and delivers what it hears on `LISTEN ticket_changed`, so
 * every server's streams see every server's changes (its own included, exactly once).
 */

export type TicketChange = { tenantId: string; id: string; version: number };
export type TicketChangeListener = (change: { id: string; version: number }) => void;

export const TICKET_CHANGED_CHANNEL = 'ticket_changed';

const listeners = new Map<string, Set<TicketChangeListener>>();

/** Listens to the changes of one tenant; returns the function that stops listening. */
export function subscribeTicketChanges(tenantId: string, listener: TicketChangeListener): () => void {
  let set = listeners.get(tenantId);
  if (!set) {
    set = new Set();
    listeners.set(tenantId, set);
  }
  set.add(listener);
  return () => {
    const current = listeners.get(tenantId);
    if (!current) return;
    current.delete(listener);
    if (current.size === 0) listeners.delete(tenantId);
  };
}

/** How many streams listen to a tenant (tests and metrics). */
export function ticketChangeListenerCount(tenantId: string): number {
  return listeners.get(tenantId)?.size ?? 0;
}

function deliverLocally(change: TicketChange): void {
  const set = listeners.get(change.tenantId);
  if (!set) return;
  const event = { id: change.id, version: change.version };
  // A copy: a listener may unsubscribe (its stream closed) while we iterate.
  for (const listener of [...set]) {
    try {
      listener(event);
    } catch {
      // One broken stream must not keep the others from hearing about the change.
    }
  }
}

/**
 * Call after the transaction that changed the ticket has committed (never inside it: a rolled
 * back change must not be announced). Never throws and never waits.
 */
export function publishTicketChanged(tenantId: string, id: string, version: number): void {
  const change: TicketChange = { tenantId, id, version };
  const bridge = activeBridge();
  if (bridge) bridge.send(change);
  else deliverLocally(change);
}

// ---------- PostgreSQL bridge ----------

type Bridge = { send(change: TicketChange): void; stop(): Promise<void>; users: number; connected: boolean };

let bridge: Bridge | null = null;

function activeBridge(): Bridge | null {
  return bridge && bridge.connected ? bridge : null;
}

const isChange = (v: Partial<TicketChange>): v is TicketChange => typeof v?.tenantId === 'string' && typeof v.id === 'string' && typeof v.version === 'number';

/** A notification carries one change or, when changes come faster than they are sent, several. */
function parseChanges(payload: string | undefined): TicketChange[] {
  if (!payload) return [];
  try {
    const v = JSON.parse(payload) as Partial<TicketChange> | Partial<TicketChange>[];
    return (Array.isArray(v) ? v : [v]).filter(isChange).map((c) => ({ tenantId: c.tenantId, id: c.id, version: c.version }));
  } catch {
    return []; // not ours
  }
}

// pg_notify payloads must stay under 8,000 bytes; a change is about 110.
const CHANGES_PER_NOTIFICATION = 50;

export type BridgeLogger = { warn(obj: unknown, msg?: string): void };

/**
 * Connects this process to the `ticket_changed` channel of the PostgreSQL database at `url`
 * (one dedicated connection, shared by every app in the process). Until it is connected, and
 * whenever the connection is lost, changes are delivered in-process only; it reconnects with a
 * back-off. Returns the function that releases this user of the bridge.
 */
export async function startPgBridge(url: string, log?: BridgeLogger): Promise<() => Promise<void>> {
  if (bridge) {
    bridge.users += 1;
  } else {
    bridge = createBridge(url, log);
    await waitConnected(bridge, 5_000);
  }
  const mine = bridge;
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    mine.users -= 1;
    if (mine.users === 0) {
      if (bridge === mine) bridge = null;
      await mine.stop();
    }
  };
}

async function waitConnected(b: Bridge, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!b.connected && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}

function createBridge(url: string, log?: BridgeLogger): Bridge {
  let client: pg.Client | null = null;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let delay = 250;
  // Changes wait here while a notification is on its way: one connection runs one query at a
  // time, and under load each notification then carries many changes.
  let pending: TicketChange[] = [];
  let sending = false;

  const flush = async () => {
    sending = true;
    try {
      while (pending.length > 0) {
        const batch = pending.slice(0, CHANGES_PER_NOTIFICATION);
        pending = pending.slice(batch.length);
        const c = client;
        if (!c || !b.connected) {
          batch.forEach(deliverLocally);
          continue;
        }
        await c.query('select pg_notify($1, $2)', [TICKET_CHANGED_CHANNEL, JSON.stringify(batch)]).catch((error: unknown) => {
          log?.warn({ err: error }, 'ticket change notification failed; delivered in this process only');
          batch.forEach(deliverLocally);
        });
      }
    } finally {
      sending = false;
    }
  };

  const b: Bridge = {
    users: 1,
    connected: false,
    send(change) {
      if (!client || !b.connected) {
        deliverLocally(change);
        return;
      }
      pending.push(change);
      if (!sending) void flush();
    },
    async stop() {
      stopped = true;
      b.connected = false;
      if (retryTimer) clearTimeout(retryTimer);
      const c = client;
      client = null;
      if (c) await c.end().catch(() => undefined);
    },
  };

  const lost = (c: pg.Client, error?: unknown) => {
    if (client !== c) return;
    client = null;
    b.connected = false;
    c.end().catch(() => undefined);
    if (stopped) return;
    if (error) log?.warn({ err: error }, 'ticket change listener lost its connection; reconnecting');
    retryTimer = setTimeout(connect, delay);
    retryTimer.unref();
    delay = Math.min(delay * 2, 10_000);
  };

  const connect = () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url, application_name: 'servicepact-board' });
    client = c;
    c.on('notification', (msg) => {
      if (msg.channel !== TICKET_CHANGED_CHANNEL) return;
      parseChanges(msg.payload).forEach(deliverLocally);
    });
    c.on('error', (error) => lost(c, error));
    c.on('end', () => lost(c));
    c.connect()
      .then(() => c.query(`listen ${TICKET_CHANGED_CHANNEL}`))
      .then(() => {
        if (client !== c) return;
        b.connected = true;
        delay = 250;
      })
      .catch((error: unknown) => lost(c, error));
  };

  connect();
  return b;
}
