import { formatDate } from './amendment-summary';
import { amountInWords, capsInWords, COMPARATOR_WORDS, goalUnit, metricInWords, minSampleInWords, PERIOD_WORDS, responsibilityMeasureInWords, scopeInWords, valueInWords } from './goal-words';
import type { PriorityMatrixDocument } from './pact-documents';
import type { CatalogCategory, CatalogDeliveryMode, ContractTerms, DeliveryMode, GoalTerms, Priority, ResponsibilityTerms } from './pact-types';
import { riderEffectInWords } from './amendment-summary';
import { targetInWords } from './target-words';
import { targetsFor } from './targets-for';

/** Response and resolution in words for one delivery mode. */
export type ScheduleCell = { response: string; resolution: string };

/** A goal as the schedule states it: every part in a sentence a client can check. */
export type ScheduleGoal = {
  objective: string;
  /** "First-response compliance, for P1 and P2 tickets". */
  measure: string;
  method: string;
  /** "At least 95 %". */
  target: string;
  /** "Each month". */
  period: string;
  /** "At least 20 tickets; with fewer the month is not evaluated", or "None". */
  minimumSample: string;
  incentive: string | null;
  penalty: string | null;
};

export type ScheduleResponsibility = { description: string; measure: string; consequence: string };

export type ScheduleDocument = {
  title: string;
  organisation: string;
  clientName: string;
  contractName: string;
  period: string;
  /** "Terms in force on 22 Nov 2026" or "Proposed amendment #3 (not yet accepted)". */
  basis: string;
  planName: string;
  riders: { name: string; effect: string; from: string }[];
  travel: { siteName: string; minutes: number } | null;
  priorities: { priority: Priority; name: string; calendarName: string; remote: ScheduleCell; onsite: ScheduleCell }[];
  catalog: {
    category: CatalogCategory;
    categoryName: string;
    items: { name: string; priority: Priority; deliveryMode: CatalogDeliveryMode; remote: ScheduleCell | null; onsite: ScheduleCell | null; agreedForClient: boolean }[];
  }[];
  goals: ScheduleGoal[];
  responsibilities: ScheduleResponsibility[];
  notes: string[];
  generatedAt: string;
};

export type ScheduleCatalogItem = {
  id: string;
  name: string;
  category: CatalogCategory;
  deliveryMode: CatalogDeliveryMode;
  defaultUrgency: string;
  defaultImpact: string;
};

export const CATEGORY_NAMES: Record<CatalogCategory, string> = {
  hardware: 'Hardware',
  software: 'Software',
  network: 'Network',
  security: 'Security',
  account: 'Accounts and access',
  other: 'Other',
};
const CATEGORY_ORDER: CatalogCategory[] = ['hardware', 'software', 'network', 'security', 'account', 'other'];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A goal as the schedule states it; money in the plan's currency. */
export function scheduleGoal(goal: GoalTerms, siteNames?: ReadonlyMap<string, string>, currency?: string): ScheduleGoal {
  const scope = scopeInWords(goal.scope ?? {}, siteNames);
  const sample = minSampleInWords(goal);
  const per = PERIOD_WORDS[goal.period];
  return {
    objective: goal.objective,
    measure: `${capitalise(metricInWords(goal.metric))}${scope ? `, for ${scope}` : ', all tickets'}`,
    method: goal.method,
    target: capitalise(`${COMPARATOR_WORDS[goal.comparator]} ${valueInWords(goal.target, goalUnit(goal.metric))}`),
    period: per.each,
    minimumSample: sample
      ? `${capitalise(sample)}; with fewer the ${goal.period === 'monthly' ? 'month' : 'quarter'} is not evaluated (no credit, no bonus)`
      : goal.metric.key === 'manual'
        ? 'A value entered with evidence'
        : 'None',
    incentive: goal.incentive ? `A bonus of ${amountInWords(goal.incentive, goal.period, currency)}` : null,
    penalty: goal.penalty ? `A service credit of ${amountInWords(goal.penalty, goal.period, currency)}, ${capsInWords(goal.penalty, goal.period, currency)}` : null,
  };
}

export function scheduleResponsibility(r: ResponsibilityTerms): ScheduleResponsibility {
  return {
    description: r.description,
    measure: capitalise(responsibilityMeasureInWords(r)),
    consequence: r.excludeFromCompliance ? 'Tickets on which it is not kept are left out of our compliance figures.' : 'Reported in the scorecard; it does not change our figures.',
  };
}

/**
 * The Service Level Schedule as plain data: per priority and per catalog item (grouped by
 * category), response and resolution, remote and on-site, in words. Every figure comes from
 * `targetsFor`, so the schedule says exactly what tickets will be held to. On-site resolution
 * includes the travel time of the client's main site when one is given.
 */
export function buildSchedule(input: {
  organisation: string;
  clientName: string;
  contract: { name: string; startsAt: Date; endsAt: Date | null };
  terms: ContractTerms;
  matrix: PriorityMatrixDocument;
  catalog: readonly ScheduleCatalogItem[];
  calendarNames: ReadonlyMap<string, string>;
  travel?: { siteName: string; minutes: number } | null;
  /** The client's sites by id, for goal scopes. */
  siteNames?: ReadonlyMap<string, string>;
  basis: string;
  timeZone?: string;
  generatedAt: Date;
}): ScheduleDocument {
  const { terms, matrix } = input;
  const tz = input.timeZone ?? 'UTC';
  const travel = input.travel && input.travel.minutes > 0 ? input.travel : null;
  const site = travel ? { name: travel.siteName, travelMinutes: travel.minutes } : null;
  const base = { terms, matrix, urgency: '', impact: '' };

  const cell = (priority: Priority, mode: DeliveryMode, item?: ScheduleCatalogItem): ScheduleCell => {
    const r = targetsFor({ ...base, priorityOverride: priority, deliveryMode: mode, site, catalogItem: item ? { id: item.id, name: item.name, deliveryMode: item.deliveryMode } : null });
    return { response: targetInWords(r.firstResponse.target), resolution: targetInWords(r.resolution.target, mode === 'onsite' && travel ? travel.minutes : 0) };
  };

  const orderedPriorities = [...matrix.priorities.map((p) => p.key).filter((k) => k in terms.plan.targets), ...Object.keys(terms.plan.targets).filter((k) => !matrix.priorities.some((p) => p.key === k))];
  const priorities = orderedPriorities.map((p) => ({
    priority: p,
    name: matrix.priorities.find((x) => x.key === p)?.name ?? p,
    calendarName: input.calendarNames.get(terms.plan.targets[p]!.calendarId) ?? 'Business calendar',
    remote: cell(p, 'remote'),
    onsite: cell(p, 'onsite'),
  }));

  const catalog = CATEGORY_ORDER.map((category) => ({
    category,
    categoryName: CATEGORY_NAMES[category],
    items: input.catalog
      .filter((i) => i.category === category)
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((item) => {
        const priority = matrix.cells[item.defaultUrgency]?.[item.defaultImpact];
        if (!priority || !(priority in terms.plan.targets)) return [];
        return [
          {
            name: item.name,
            priority,
            deliveryMode: item.deliveryMode,
            remote: item.deliveryMode === 'onsite' ? null : cell(priority, 'remote', item),
            onsite: item.deliveryMode === 'remote' ? null : cell(priority, 'onsite', item),
            agreedForClient: item.id in terms.catalogOverrides,
          },
        ];
      }),
  })).filter((g) => g.items.length > 0);

  const notes = [
    'Times are business time on the calendar named for each priority: the clock runs only during its open hours and stops on its holidays.',
    'A ticket opened outside open hours starts its clocks at the next opening.',
    `Time waiting on you stops the resolution clock${terms.plan.pausesStopResponse ? ' and the first-response clock' : ''}.`,
    `You are warned at ${terms.plan.warningThresholds.join(', ')} % of each target.`,
  ];
  if (travel) notes.push(`On-site resolution includes ${travel.minutes} min travel to ${travel.siteName}; other sites add their own travel time.`);

  return {
    title: 'Service Level Schedule',
    organisation: input.organisation,
    clientName: input.clientName,
    contractName: input.contract.name,
    period: input.contract.endsAt ? `${formatDate(input.contract.startsAt, tz)} to ${formatDate(input.contract.endsAt, tz)}` : `from ${formatDate(input.contract.startsAt, tz)}`,
    basis: input.basis,
    planName: terms.plan.name,
    riders: terms.riders.map((r) => ({ name: r.name, effect: riderEffectInWords(r.effect), from: formatDate(new Date(r.effectiveFrom), tz) })),
    travel,
    priorities,
    catalog,
    goals: (terms.goals ?? []).map((g) => scheduleGoal(g, input.siteNames, terms.plan.price.currency)),
    responsibilities: (terms.responsibilities ?? []).map(scheduleResponsibility),
    notes,
    generatedAt: formatDate(input.generatedAt, tz),
  };
}
