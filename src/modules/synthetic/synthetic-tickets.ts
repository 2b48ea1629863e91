import { BusinessCalendar, type CalendarDefinition } from '../../domain/calendar';
import { targetsFor } from '../../domain/pact/targets-for';
import type { TicketEvent } from '../../domain/sla';
import { clockColumns, evaluateTicketClocks, toClockTarget, type InitialClockTargets, type TicketTargetsDocument } from '../../domain/tickets';
import type { Random } from './random';
import type { World, WorldClient } from './synthetic-world';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OPEN_STATUSES = ['new', 'assigned', 'in_progress', 'waiting_on_client', 'waiting_on_third_party'] as const;
type OpenStatus = (typeof OPEN_STATUSES)[number];
const TAGS = ['vip', 'recurring', 'hardware', 'network', 'after-hours', 'onboarding', 'security', 'm365'];
const SUBJECT_SUFFIX = ['for the finance team', 'at reception', 'since this morning', 'after the update', 'for a new starter', 'again', 'on the second floor', 'in the warehouse'];

export type EventRow = { type: string; at: Date; actorUserId: string | null; actorLabel: string; data: Record<string, unknown> };
export type ClockEventRow = { clock: 'first_response' | 'resolution'; type: string; at: Date; percent: number | null; reason: string | null };

export type SyntheticTicket = {
  id: string;
  number: number;
  clientId: string;
  siteId: string;
  contactId: string;
  catalogItemId: string | null;
  contractId: string;
  subject: string;
  description: string;
  urgency: string;
  impact: string;
  priority: string;
  deliveryMode: 'remote' | 'onsite';
  status: string;
  assigneeId: string | null;
  tags: string;
  source: 'portal' | 'email' | 'api' | 'staff';
  targetsJson: string;
  columns: ReturnType<typeof clockColumns>;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  version: number;
  events: EventRow[];
  clockEvents: ClockEventRow[];
};

/**
 * Makes tickets with believable histories for one world: the terms in force give the targets
 * (`targetsFor`), the history drives the clocks (`evaluateTicketClocks`), exactly as a ticket
 * made through the API would get them. Caches what repeats (calendars, targets per client,
 * item, urgency, impact, mode and site).
 */
export class TicketFactory {
  private readonly calendars = new Map<string, BusinessCalendar>();
  private readonly targets = new Map<string, { doc: TicketTargetsDocument; json: string; initial: InitialClockTargets }>();
  private readonly clientWheel: WorldClient[] = [];
  private readonly urgencies: string[];
  private readonly impacts: string[];

  constructor(
    private readonly world: World,
    private readonly rng: Random,
    private readonly now: Date,
    private readonly spanDays: number,
  ) {
    for (const c of world.clients) for (let i = 0; i < c.weight; i++) this.clientWheel.push(c);
    this.urgencies = world.matrix.urgencies.map((u) => u.key);
    this.impacts = world.matrix.impacts.map((i) => i.key);
  }

  private calendar = (id: string, definition: CalendarDefinition): BusinessCalendar => {
    let c = this.calendars.get(id);
    if (!c) {
      c = BusinessCalendar.from(definition);
      this.calendars.set(id, c);
    }
    return c;
  };

  private targetsOf(client: WorldClient, item: World['catalog'][number] | null, urgency: string, impact: string, mode: 'remote' | 'onsite' | null, site: WorldClient['sites'][number], at: Date) {
    const key = `${client.id}|${item?.id ?? ''}|${urgency}|${impact}|${mode ?? ''}|${site.id}`;
    let t = this.targets.get(key);
    if (!t) {
      const terms = client.contract.terms;
      const r = targetsFor({ terms, matrix: this.world.matrix, catalogItem: item, urgency, impact, deliveryMode: mode, site: { name: site.name, travelMinutes: site.travelMinutes }, at });
      const calendars: Record<string, CalendarDefinition> = {};
      for (const id of [r.firstResponse.calendarId, r.resolution.calendarId]) {
        const def = this.world.calendars.get(id);
        if (!def) throw new Error(`calendar ${id} of ${client.name}'s contract is missing`);
        calendars[id] = def;
      }
      const doc: TicketTargetsDocument & { planId: string } = {
        contractId: client.contract.id,
        contractName: client.contract.name,
        termsVersion: client.contract.termsVersion,
        planId: terms.plan.planId,
        priority: r.priority,
        deliveryMode: r.deliveryMode,
        firstResponse: r.firstResponse,
        resolution: r.resolution,
        explanation: r.explanation,
        calendars,
      };
      t = { doc, json: JSON.stringify(doc), initial: { first_response: toClockTarget(r.firstResponse.target), resolution: toClockTarget(r.resolution.target) } };
      this.targets.set(key, t);
    }
    return t;
  }

  /** Ticket `number`, created at `createdAt`; `open` decides whether it is still being worked. */
  make(number: number, createdAt: Date, open: boolean): SyntheticTicket {
    const rng = this.rng;
    const w = this.world;
    const client = rng.pick(this.clientWheel);
    const site = rng.pick(client.sites);
    const contact = rng.pick(client.contacts);
    const item = rng.chance(0.75) ? rng.pick(w.catalog) : null;
    const urgency = item && rng.chance(0.7) ? item.defaultUrgency : rng.pick(this.urgencies);
    const impact = item && rng.chance(0.7) ? item.defaultImpact : rng.pick(this.impacts);
    const mode = item && item.deliveryMode !== 'either' ? null : rng.chance(0.15) ? 'onsite' : null;
    const t = this.targetsOf(client, item, urgency, impact, mode, site, createdAt);
    const source = rng.weighted([['portal', 40], ['email', 35], ['api', 10], ['staff', 15]] as const);
    const tech = rng.pick(w.technicians);
    const dispatcher = rng.pick(w.dispatchers);

    // The status it ends in, then a history that leads there.
    const finalStatus: string = open ? rng.weighted<OpenStatus>([['new', 12], ['assigned', 20], ['in_progress', 38], ['waiting_on_client', 20], ['waiting_on_third_party', 10]]) : rng.chance(0.8) ? 'closed' : 'resolved';
    const now = this.now.getTime();
    const created = createdAt.getTime();
    // Open tickets squeeze their steps between creation and now; finished ones take their time.
    let cursor = created;
    const step = (meanMs: number) => {
      if (open) cursor += Math.max(1000, (now - cursor) * (0.05 + rng.float() * 0.3));
      else cursor += Math.max(60_000, rng.exponential(meanMs));
      return new Date(cursor);
    };
    const events: EventRow[] = [];
    const requesterLabel = source === 'api' ? 'Monitoring' : contact.name;
    events.push({ type: 'created', at: createdAt, actorUserId: null, actorLabel: requesterLabel, data: { targets: t.initial, initial: t.initial, source } });
    const status = (s: string, at: Date, actor: { id: string; name: string }, pausing = w.pausingStatuses.includes(s)) =>
      events.push({ type: 'status_changed', at, actorUserId: actor.id, actorLabel: actor.name, data: { status: s, pausing } });
    let assigneeId: string | null = null;
    let resolvedAt: Date | null = null;
    let closedAt: Date | null = null;
    const order = ['new', 'assigned', 'in_progress', 'waiting_on_client', 'waiting_on_third_party', 'resolved', 'closed'];
    const reach = (s: string) => order.indexOf(finalStatus) >= order.indexOf(s) || (!open && s !== 'waiting_on_third_party');
    if (finalStatus !== 'new') {
      const at = step(20 * 60_000);
      assigneeId = tech.id;
      events.push({ type: 'assigned', at, actorUserId: dispatcher.id, actorLabel: dispatcher.name, data: { assigneeId: tech.id } });
      status('assigned', at, dispatcher);
      if (finalStatus !== 'assigned') {
        const r = step(90 * 60_000);
        events.push({ type: 'comment_added', at: r, actorUserId: tech.id, actorLabel: tech.name, data: { public: true } });
        events.push({ type: 'first_public_response', at: r, actorUserId: tech.id, actorLabel: tech.name, data: {} });
        status('in_progress', r, { id: tech.id, name: tech.name });
        const waits = open ? (finalStatus === 'waiting_on_client' ? 1 : 0) : rng.chance(0.25) ? 1 : 0;
        for (let i = 0; i < waits; i++) {
          status('waiting_on_client', step(4 * HOUR), tech);
          if (!open) {
            events.push({ type: 'comment_added', at: step(6 * HOUR), actorUserId: null, actorLabel: contact.name, data: { public: true } });
            status('in_progress', new Date(cursor), tech);
          }
        }
        if (finalStatus === 'waiting_on_third_party') status('waiting_on_third_party', step(2 * HOUR), tech);
        if (!open && reach('resolved')) {
          resolvedAt = step(1.2 * DAY);
          status('resolved', resolvedAt, tech);
          events.push({ type: 'resolved', at: resolvedAt, actorUserId: tech.id, actorLabel: tech.name, data: {} });
          if (finalStatus === 'closed') {
            closedAt = step(3 * DAY);
            status('closed', closedAt, tech);
          }
        }
      }
    }
    // A finished ticket whose history ran past now keeps only what has happened: it is still open.
    let kept = events.filter((e) => e.at.getTime() <= now);
    let statusNow = 'new';
    for (const e of kept) if (e.type === 'status_changed') statusNow = String(e.data.status);
    if (resolvedAt && resolvedAt.getTime() > now) resolvedAt = null;
    if (closedAt && closedAt.getTime() > now) closedAt = null;
    if (kept.length !== events.length) kept = kept.slice();

    const history: TicketEvent[] = [];
    for (const e of kept) {
      switch (e.type) {
        case 'created':
        case 'first_public_response':
        case 'resolved':
          history.push({ type: e.type, at: e.at });
          break;
        case 'status_changed':
          history.push({ type: 'status_changed', at: e.at, status: String(e.data.status), pausing: e.data.pausing === true });
          break;
        default:
          break;
      }
    }
    const clocks = evaluateTicketClocks({ targets: t.doc, initial: t.initial, history, now: this.now, calendar: this.calendar });
    const clockEvents: ClockEventRow[] = [];
    for (const kind of ['first_response', 'resolution'] as const) {
      for (const e of clocks[kind].events) {
        clockEvents.push({ clock: kind, type: e.type, at: e.at, percent: e.type === 'warned' ? e.percent : null, reason: 'reason' in e ? e.reason : null });
      }
    }
    const last = kept[kept.length - 1]!;
    const itemName = item?.name ?? rng.pick(['Something is not working', 'Question about my account', 'Request for help', 'Slow computer']);
    return {
      id: rng.uuid(),
      number,
      clientId: client.id,
      siteId: site.id,
      contactId: contact.id,
      catalogItemId: item?.id ?? null,
      contractId: client.contract.id,
      subject: `${itemName} ${rng.pick(SUBJECT_SUFFIX)}`,
      description: `${contact.name} reported: ${itemName.toLowerCase()}.`,
      urgency,
      impact,
      priority: t.doc.priority,
      deliveryMode: t.doc.deliveryMode,
      status: statusNow,
      assigneeId: statusNow === 'new' ? null : assigneeId,
      tags: rng.chance(0.3) ? `{${rng.pick(TAGS)}}` : '{}',
      source,
      targetsJson: t.json,
      columns: clockColumns(clocks),
      createdAt,
      updatedAt: last.at,
      resolvedAt,
      closedAt,
      version: kept.filter((e) => e.type !== 'created').length + 1,
      events: kept,
      clockEvents,
    };
  }
}
