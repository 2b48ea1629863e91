/**
 * Evaluating contracts' months: load everything the pure scorecard evaluation reads, for a batch
 * of contracts of one tenant, in a handful of set-based statements (terms, calendars, tickets,
 * their events, staff replies, time entries, manual values, attestations, counts, prior credits),
 * then build each ticket's facts and evaluate. No writes here: callers store the documents.
 *
 * Entry points:
 * - `evaluateContractMonth(ctx, tenantId, contractId, monthKey)`: one contract's scorecard
 *   document for a month, computed now, not stored.
 * - `closeMonthForAllContracts(ctx, monthKey, onProgress?)`: revision 1 (draft) of the month for
 *   every contract in force in it that has none yet, across all tenants.
 * - `closeEndedMonths(ctx)`: the period-close job; each contract's last month ended in its zone.
 */
import type { BusinessCalendar, CalendarDefinition } from '../../domain/calendar';
import { evaluateScorecard, isQuarterEnd, monthBounds, monthKeyAt, monthsOf, parseMonthKey, previousMonthKey, quarterOfMonth, type ScorecardInput } from '../../domain/goals';
import type { ScorecardDocument } from '../../domain/goals/goal-types';
import { groupBy } from '../../domain/group-by';
import { buildTicketFacts } from '../../domain/metrics/ticket-facts';
import { NO_SURVEYS, type CsatFact, type ManualValue, type NpsFact, type SurveyFacts, type TicketFacts } from '../../domain/metrics/metric-types';
import type { CatalogCategory, MetricKey, TermsVersion } from '../../domain/pact/pact-types';
import { versionAt } from '../../domain/pact/terms-at';
import type { TicketTargetsDocument } from '../../domain/tickets';
import type { AppContext } from '../../http/context';
import { calendarFor } from '../tickets/tickets.service';
import { csatFactOf } from '../satisfaction/csat-facts';
import * as repo from './scorecards.repository';
import type { ContractHead } from './scorecards.repository';

// ---------- months (keys in the contract's zone; bounds from the domain) ----------

/** The month as UTC instants widened by a day each side: covers the month in every zone. */
function roughMonth(monthKey: string): { from: Date; to: Date } {
  const { year, month } = parseMonthKey(monthKey);
  const day = 86_400_000;
  return { from: new Date(Date.UTC(year, month - 1, 1) - day), to: new Date(Date.UTC(year, month, 1) + day) };
}

// ---------- the contract's pact: terms history and calendar ----------

export type ContractPact = { history: TermsVersion[]; calendarId: string | null; calendar: CalendarDefinition | null; zone: string };

/**
 * The accepted terms history and the contract calendar of each contract. The calendar is the one
 * of the latest accepted terms (amendments do not move a contract to another calendar); its zone
 * gives the months.
 */
export async function loadPacts(ctx: AppContext, tenantId: string, contractIds: readonly string[]): Promise<Map<string, ContractPact>> {
  const rows = await repo.acceptedTerms(ctx.db, tenantId, contractIds);
  const histories = new Map<string, TermsVersion[]>();
  const calendars = new Map<string, CalendarDefinition | null>();
  for (const r of rows) {
    let h = histories.get(r.contract_id);
    if (!h) histories.set(r.contract_id, (h = []));
    h.push({ version: r.number, inForceFrom: r.in_force_from, terms: r.terms });
    // Rows come oldest first: the last one's calendar is the contract's.
    calendars.set(r.contract_id, r.calendar);
  }
  const out = new Map<string, ContractPact>();
  for (const id of contractIds) {
    const history = histories.get(id) ?? [];
    const calendarId = history.length ? history[history.length - 1]!.terms.calendarId : null;
    const calendar = calendarId ? (calendars.get(id) ?? null) : null;
    out.set(id, { history, calendarId, calendar, zone: calendar?.timeZone ?? 'UTC' });
  }
  return out;
}

export type MonthBounds = { from: Date; to: Date };

export function boundsOf(monthKey: string, zone: string): MonthBounds {
  const b = monthBounds(monthKey, zone);
  return { from: b.from, to: b.to };
}

/** Why a contract's month cannot be evaluated (yet), in words that follow "periodKey"; null when it can. */
export function monthProblem(contract: ContractHead, pact: ContractPact, monthKey: string, now: Date): string | null {
  if (contract.status === 'draft' || pact.history.length === 0) return 'cannot be evaluated: the contract has no accepted terms yet (activate it first)';
  if (!pact.calendar) return "cannot be evaluated: the contract's calendar no longer exists";
  const b = boundsOf(monthKey, pact.zone);
  if (b.to > now) return `has not ended yet in the contract's time zone (${pact.zone}): ${monthKey} ends ${b.to.toISOString()}`;
  if (b.to <= contract.starts_at) return `ends before the contract starts (${contract.starts_at.toISOString()})`;
  if (contract.ends_at && contract.ends_at <= b.from) return `starts after the contract ended (${contract.ends_at.toISOString()})`;
  return null;
}

// ---------- evaluating a batch ----------

export type MonthJob = { contract: ContractHead; monthKey: string; pact: ContractPact };
export type EvaluatedMonth = { job: MonthJob; bounds: MonthBounds; document: ScorecardDocument };

type Prepared = { job: MonthJob; bounds: MonthBounds; widest: MonthBounds; quarterKey: string | null; needsSurveys: boolean };

/** The metrics that read the client's surveys rather than (only) its tickets. */
const SURVEY_METRICS: ReadonlySet<MetricKey> = new Set(['csat_average', 'csat_positive', 'csat_response_rate', 'nps']);

function prepare(job: MonthJob): Prepared {
  const bounds = boundsOf(job.monthKey, job.pact.zone);
  const terms = versionAt(job.pact.history, new Date(bounds.to.getTime() - 1))?.terms ?? job.pact.history[0]?.terms;
  const quarterly = isQuarterEnd(job.monthKey) && (terms?.goals ?? []).some((g) => g.period === 'quarterly');
  // A quarterly goal in the quarter's last month looks back over the whole quarter.
  const widest = quarterly ? { from: boundsOf(monthsOf(quarterOfMonth(job.monthKey))[0], job.pact.zone).from, to: bounds.to } : bounds;
  // Surveys are read only for contracts with a satisfaction goal: the others cost no statement.
  const needsSurveys = (terms?.goals ?? []).some((g) => SURVEY_METRICS.has(g.metric.key));
  return { job, bounds, widest, quarterKey: isQuarterEnd(job.monthKey) ? quarterOfMonth(job.monthKey) : null, needsSurveys };
}

/** Each prepared job's surveys (the client's, over its widest window), by job index; none for jobs without satisfaction goals. */
async function surveysFor(ctx: AppContext, tenantId: string, prepared: readonly Prepared[]): Promise<Map<number, SurveyFacts>> {
  const jobs = prepared.map((p, i) => ({ p, i })).filter((x) => x.p.needsSurveys);
  const out = new Map<number, SurveyFacts>();
  if (!jobs.length) return out;
  const rows = await repo.surveysOfWindows(
    ctx.db,
    tenantId,
    jobs.map(({ p }) => ({ clientId: p.job.contract.client_id, from: p.widest.from, to: p.widest.to })),
  );
  const facts = jobs.map(() => ({ csat: [] as CsatFact[], nps: [] as NpsFact[] }));
  for (const r of rows.csat) {
    facts[r.win]!.csat.push(csatFactOf(r));
  }
  for (const r of rows.nps) facts[r.win]!.nps.push({ surveyId: r.id, score: r.score, sentAt: r.sent_at, respondedAt: r.responded_at });
  jobs.forEach(({ i }, k) => out.set(i, facts[k]!));
  return out;
}

/**
 * The windows' ticket data read in three parts at once on PostgreSQL (tickets created before the
 * window, in its first half, in its second half: each part its own range of the tickets_contract
 * index and its own connection), which roughly halves the wait on a multi-core server. PGlite is
 * one connection: one read.
 */
export async function windowDataInParts(ctx: AppContext, tenantId: string, windows: repo.TicketWindow[]): Promise<repo.WindowData> {
  if (ctx.dbKind !== 'postgres' || windows.length === 0) return repo.windowData(ctx.db, tenantId, windows);
  const half = (w: repo.TicketWindow) => new Date(w.from.getTime() + Math.floor((w.to.getTime() - w.from.getTime()) / 2));
  const parts = await Promise.all([
    repo.windowData(ctx.db, tenantId, windows.map((w) => ({ ...w, created: { from: null, to: w.from } }))),
    repo.windowData(ctx.db, tenantId, windows.map((w) => ({ ...w, created: { from: w.from, to: half(w) } }))),
    repo.windowData(ctx.db, tenantId, windows.map((w) => ({ ...w, created: { from: half(w), to: null } }))),
  ]);
  // A ticket is in exactly one part (by its creation), and so are its rows.
  return {
    tickets: parts.flatMap((p) => p.tickets),
    events: new Map(parts.flatMap((p) => [...p.events])),
    replies: new Map(parts.flatMap((p) => [...p.replies])),
    timeEntries: new Map(parts.flatMap((p) => [...p.timeEntries])),
  };
}

/**
 * Turns the window's ticket rows into their facts as of an instant (a period's end). Tickets
 * share calendar snapshots and targets documents: each distinct snapshot is kept once and each
 * calendar built once per reader, so a large window costs one build per calendar.
 */
export function ticketFactsReader(data: repo.WindowData): (t: repo.ScorecardTicketRow, at: Date) => TicketFacts {
  const snapshots = new Map<string, Record<string, CalendarDefinition>>();
  const built = new WeakMap<CalendarDefinition, BusinessCalendar>();
  const calendar = (id: string, definition: CalendarDefinition): BusinessCalendar => {
    let c = built.get(definition);
    if (!c) built.set(definition, (c = calendarFor(id, definition)));
    return c;
  };
  const docs = new WeakMap<object, TicketTargetsDocument>();
  const targetsOf = (t: repo.ScorecardTicketRow): TicketTargetsDocument | null => {
    if (!t.targets) return null;
    let doc = docs.get(t.targets);
    if (!doc) {
      const raw = t.targets as TicketTargetsDocument;
      const key = JSON.stringify(raw.calendars ?? {});
      let calendars = snapshots.get(key);
      if (!calendars) snapshots.set(key, (calendars = raw.calendars ?? {}));
      docs.set(t.targets, (doc = { ...raw, calendars }));
    }
    return doc;
  };
  return (t, at) =>
    buildTicketFacts({
      ticket: {
        id: t.id,
        number: t.number,
        subject: t.subject,
        createdAt: t.created_at,
        priority: t.priority,
        category: (t.category as CatalogCategory | null) ?? null,
        siteId: t.site_id,
        deliveryMode: t.delivery_mode,
        targets: targetsOf(t),
      },
      // Read up to the instant; time entries from the window's start.
      events: data.events.get(t.id) ?? [],
      staffPublicReplies: data.replies.get(t.id) ?? [],
      timeEntries: data.timeEntries.get(t.id) ?? [],
      at,
      calendar,
    });
}

/**
 * Evaluates the jobs (contracts of one tenant, each with its month) from the data now. Throws
 * when the data cannot be read; an evaluation that fails for one contract fails the batch.
 */
export async function evaluateMonths(ctx: AppContext, tenantId: string, jobs: readonly MonthJob[], evaluatedAt: Date): Promise<EvaluatedMonth[]> {
  if (!jobs.length) return [];
  const db = ctx.db;
  const prepared = jobs.map(prepare);
  const contractIds = prepared.map((p) => p.job.contract.id);

  const pairs = prepared.map((p) => ({ contractId: p.job.contract.id, monthKey: p.job.monthKey }));
  const periodKeys = prepared.flatMap((p) => (p.quarterKey ? [p.job.monthKey, p.quarterKey] : [p.job.monthKey]));
  const [data, manual, attestations, counts, credits, surveys] = await Promise.all([
    windowDataInParts(
      ctx,
      tenantId,
      prepared.map((p) => ({ contractId: p.job.contract.id, from: p.widest.from, to: p.widest.to })),
    ),
    repo.latestManualValues(db, tenantId, contractIds, periodKeys),
    repo.latestAttestations(db, tenantId, pairs),
    repo.listCounts(db, tenantId, contractIds),
    repo.priorCredits(db, tenantId, pairs),
    surveysFor(ctx, tenantId, prepared),
  ]);
  const ticketsOf = groupBy(data.tickets, (t) => t.contract_id);
  const manualOf = groupBy(manual, (v) => v.contract_id);
  const attestationsOf = groupBy(attestations, (a) => a.contract_id);
  const countsOf = groupBy(counts, (c) => c.contract_id);
  const creditsOf = groupBy(credits, (c) => c.contract_id);

  const factsOf = ticketFactsReader(data);

  return prepared.map(({ job, bounds, widest }, index) => {
    const id = job.contract.id;
    const at = bounds.to;
    const facts: TicketFacts[] = [];
    for (const t of ticketsOf.get(id) ?? []) {
      if (t.created_at >= widest.to) continue;
      facts.push(factsOf(t, at));
    }
    const manualValues = new Map<string, ManualValue>();
    for (const v of manualOf.get(id) ?? []) {
      manualValues.set(`${v.goal_id}|${v.period_key}`, {
        value: Number(v.value),
        evidenceNote: v.evidence_note,
        evidenceUrl: v.evidence_url,
        hasFile: v.has_file,
        enteredBy: v.entered_by_name ?? v.entered_by,
        enteredAt: v.entered_at,
      });
    }
    const attested = new Map<string, { kept: boolean; note: string; by: string; at: Date }>();
    for (const a of attestationsOf.get(id) ?? []) attested.set(a.responsibility_id, { kept: a.kept, note: a.note, by: a.attested_by_name ?? a.attested_by, at: a.attested_at });
    const calendarDef = job.pact.calendar;
    if (!calendarDef || !job.pact.calendarId) throw new RangeError(`contract ${id} has no calendar`);
    const input: ScorecardInput = {
      contractId: id,
      monthKey: job.monthKey,
      timeZone: job.pact.zone,
      contract: { startsAt: job.contract.starts_at, endsAt: job.contract.ends_at },
      termsHistory: job.pact.history,
      calendar: calendarFor(job.pact.calendarId, calendarDef),
      tickets: facts,
      surveys: surveys.get(index) ?? NO_SURVEYS,
      manualValues,
      attestations: attested,
      counts: (countsOf.get(id) ?? []).map((c) => ({ kind: c.kind, count: c.count, effectiveFrom: c.effective_from })),
      priorCreditsMinor: new Map((creditsOf.get(id) ?? []).map((c) => [c.goal_id, c.credits])),
      evaluatedAt,
    };
    return { job, bounds, document: evaluateScorecard(input) };
  });
}

/** One contract's scorecard for a month, computed from the data now and not stored (no checks of the month). */
export async function evaluateContractMonth(ctx: AppContext, tenantId: string, contractId: string, monthKey: string): Promise<ScorecardDocument> {
  const [contract, pacts] = await Promise.all([repo.findContract(ctx.db, { tenantId }, contractId), loadPacts(ctx, tenantId, [contractId])]);
  if (!contract) throw new RangeError(`no contract ${contractId} in tenant ${tenantId}`);
  const pact = pacts.get(contract.id)!;
  const [r] = await evaluateMonths(ctx, tenantId, [{ contract, monthKey, pact }], ctx.now());
  return r!.document;
}

// ---------- closing months ----------

export type CloseProgress = (done: number, total: number) => void;

export type CloseResult = {
  /** Contracts in force in the month (in their zone) and activated. */
  contracts: number;
  /** New revision-1 drafts written by this run. */
  created: number;
  /** Contracts whose month already had a scorecard (another server, an earlier run, staff). */
  existing: number;
  /** Contracts whose evaluation failed, with why; the others are not held up. */
  failed: Array<{ tenantId: string; contractId: string; error: string }>;
};

const BATCH = 25;

/** A contract whose month may need closing, known by its zone before its terms are loaded. */
type Candidate = { contract: ContractHead; zone: string; monthKey: string };

/**
 * Evaluates and stores revision 1 of each candidate's month; a month that already has one is left
 * alone. The terms are loaded only for the months still to close, batch by batch.
 */
async function closeCandidates(ctx: AppContext, candidates: Candidate[], onProgress?: CloseProgress): Promise<CloseResult> {
  const result: CloseResult = { contracts: candidates.length, created: 0, existing: 0, failed: [] };
  const existing = await repo.existingMonths(
    ctx.db,
    candidates.map((c) => ({ tenantId: c.contract.tenant_id, contractId: c.contract.id, monthKey: c.monthKey })),
  );
  const todo = candidates.filter((c) => !existing.has(`${c.contract.id}|${c.monthKey}`));
  result.existing = candidates.length - todo.length;
  const total = candidates.length;
  let done = result.existing;
  onProgress?.(done, total);
  const batches: Candidate[][] = [];
  for (const group of groupBy(todo, (c) => c.contract.tenant_id).values()) {
    for (let i = 0; i < group.length; i += BATCH) batches.push(group.slice(i, i + BATCH));
  }
  const runBatch = async (batch: Candidate[]) => {
    const tenantId = batch[0]!.contract.tenant_id;
    const now = ctx.now();
    const pacts = await loadPacts(
      ctx,
      tenantId,
      batch.map((c) => c.contract.id),
    );
    const jobs: MonthJob[] = [];
    for (const c of batch) {
      const pact = pacts.get(c.contract.id)!;
      // The zone read with the contract is the one of these terms, unless they changed meanwhile.
      if (monthProblem(c.contract, pact, c.monthKey, now) === null) jobs.push({ contract: c.contract, monthKey: c.monthKey, pact });
      else result.contracts -= 1;
    }
    let evaluated: EvaluatedMonth[] = [];
    try {
      evaluated = await evaluateMonths(ctx, tenantId, jobs, now);
    } catch {
      // One contract's bad data must not stop the others: evaluate this batch one by one.
      for (const job of jobs) {
        try {
          evaluated.push(...(await evaluateMonths(ctx, tenantId, [job], now)));
        } catch (err) {
          result.failed.push({ tenantId, contractId: job.contract.id, error: err instanceof Error ? err.message : String(err) });
        }
      }
    }
    // Two servers closing the same month: the unique (contract, month, revision) keeps one row.
    const inserted = await repo.insertScorecards(
      ctx.db,
      evaluated.map((e) => ({
        tenant_id: tenantId,
        contract_id: e.job.contract.id,
        client_id: e.job.contract.client_id,
        period_key: e.job.monthKey,
        period_from: e.bounds.from,
        period_to: e.bounds.to,
        revision: 1,
        document: e.document,
        evaluated_at: new Date(e.document.evaluatedAt),
      })),
    );
    result.created += inserted.length;
    result.existing += evaluated.length - inserted.length;
    done += batch.length;
    onProgress?.(done, total);
  };
  // PostgreSQL serves a few batches at once; PGlite is one connection.
  const parallel = ctx.dbKind === 'postgres' ? 3 : 1;
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, batches.length) }, async () => {
      while (next < batches.length) await runBatch(batches[next++]!);
    }),
  );
  return result;
}

/** Whether the month can be closed for the contract, judged from its zone alone (terms are checked again when loaded). */
function closable(contract: ContractHead, zone: string, monthKey: string, now: Date): boolean {
  const b = boundsOf(monthKey, zone);
  return b.to <= now && b.to > contract.starts_at && (contract.ends_at === null || contract.ends_at > b.from);
}

/**
 * Revision 1 (draft) of `monthKey` for every contract in force in that month (in its calendar's
 * zone) that has no scorecard for it yet, across all tenants (or those named). Months that have
 * not ended in a contract's zone are left out. Idempotent: run it twice, or on two servers at
 * once, and each month still has one revision 1.
 */
export async function closeMonthForAllContracts(ctx: AppContext, monthKey: string, onProgress?: CloseProgress, opts: { tenantIds?: readonly string[] } = {}): Promise<CloseResult> {
  const rough = roughMonth(monthKey);
  const now = ctx.now();
  const contracts = await repo.contractZonesOverlapping(ctx.db, rough.from, rough.to, opts.tenantIds);
  const candidates = contracts.filter((c) => c.zone !== null && closable(c, c.zone, monthKey, now)).map((c) => ({ contract: c, zone: c.zone!, monthKey }));
  return closeCandidates(ctx, candidates, onProgress);
}

/**
 * The period close: for every activated contract, the last month that has ended in its zone,
 * when that month has no scorecard yet (a contract ended within that month included). When every
 * such month is closed already, this costs two statements.
 */
export async function closeEndedMonths(ctx: AppContext, opts: { tenantIds?: readonly string[] } = {}): Promise<CloseResult> {
  const now = ctx.now();
  // Contracts in force at some point of the last ~2 months: enough for any zone's last ended month.
  const day = 86_400_000;
  const contracts = await repo.contractZonesOverlapping(ctx.db, new Date(now.getTime() - 64 * day), new Date(now.getTime() + day), opts.tenantIds);
  const candidates: Candidate[] = [];
  for (const c of contracts) {
    if (c.zone === null) continue;
    const monthKey = previousMonthKey(monthKeyAt(now, c.zone));
    if (closable(c, c.zone, monthKey, now)) candidates.push({ contract: c, zone: c.zone, monthKey });
  }
  return closeCandidates(ctx, candidates);
}
