import type { AmendmentChange, PlanDocument } from './pact-documents';
import { goalProblems, MAX_GOALS, MAX_RESPONSIBILITIES, responsibilityProblems, type GoalContext } from './goal-rules';
import type { ContractTerms, DeliveryMode, GoalTerms, Money, PlanTerms, PriceBasis, PriorityTerms, ResponsibilityTerms, RiderEffect, RiderTerms, Target, Turnaround } from './pact-types';
import { targetProblem } from './target-words';

/** What a change may refer to, loaded by the caller (plans, riders, catalog items of the tenant). */
export type PlanSource = { id: string; name: string; terms: PlanDocument };
export type RiderSource = { id: string; name: string; effect: RiderEffect; price: Money & { basis: PriceBasis } };
export type CatalogSource = { id: string; turnarounds: Record<string, Turnaround> };

export type ChangeContext = {
  /** The amendment's effective instant; riders added by it apply from then. */
  effectiveAt: Date;
  plans: ReadonlyMap<string, PlanSource>;
  /** Riders that may be added (active ones). Removing only needs the rider on the contract. */
  riders: ReadonlyMap<string, RiderSource>;
  /** Catalog items (active ones) whose turnarounds a plan change re-snapshots. */
  catalog: readonly CatalogSource[];
  /** Calendars a changed priority may use; unchecked when absent. */
  calendarIds?: ReadonlySet<string>;
  /**
   * The coverage calendar a plan's priority runs on under this contract, given the plan's
   * calendar for it (the contract's own business calendar replaces business-hours coverage;
   * 24x7 coverage stays). Identity when absent.
   */
  coverageCalendar?: (planCalendarId: string) => string;
  /** What goals may refer to (matrix priorities, the client's sites, the metrics library); unchecked when absent. */
  goals?: GoalContext;
};

export type ApplyResult = { ok: true; terms: ContractTerms } | { ok: false; errors: Record<string, string> };

const MODES: DeliveryMode[] = ['remote', 'onsite'];

/** The plan as it is snapshotted into a contract's terms. */
export function snapshotPlan(plan: PlanSource, coverageCalendar: (id: string) => string = (id) => id): PlanTerms {
  const targets: Record<string, PriorityTerms> = {};
  for (const [p, t] of Object.entries(plan.terms.targets)) targets[p] = { ...structuredClone(t), calendarId: coverageCalendar(t.calendarId) };
  return {
    planId: plan.id,
    name: plan.name,
    targets,
    pausesStopResponse: plan.terms.pausesStopResponse,
    warningThresholds: [...plan.terms.warningThresholds],
    price: { ...plan.terms.price },
    afterHoursMultiplierPercent: plan.terms.afterHoursMultiplierPercent,
    ...(plan.terms.hourlyRateMinor !== undefined ? { hourlyRateMinor: plan.terms.hourlyRateMinor } : {}),
    servicesIncluded: [...plan.terms.servicesIncluded],
  };
}

/** The catalog's turnarounds promised on one plan, keyed by catalog item id (items without one left out). */
export function catalogTurnaroundsFor(planId: string, catalog: readonly CatalogSource[]): Record<string, Turnaround> {
  const out: Record<string, Turnaround> = {};
  for (const item of catalog) {
    const t = item.turnarounds[planId];
    if (t && Object.keys(t).length > 0) out[item.id] = structuredClone(t);
  }
  return out;
}

export function riderTerms(rider: RiderSource, effectiveFrom: Date): RiderTerms {
  return { riderId: rider.id, name: rider.name, effect: structuredClone(rider.effect), price: { ...rider.price }, effectiveFrom: effectiveFrom.toISOString() };
}

/** The terms of a new contract (the draft, and the original agreement). */
export function initialTerms(input: {
  plan: PlanSource;
  calendarId: string;
  catalog: readonly CatalogSource[];
  riders?: readonly RiderSource[];
  catalogOverrides?: Record<string, Turnaround>;
  goals?: readonly GoalTerms[];
  responsibilities?: readonly ResponsibilityTerms[];
  effectiveAt: Date;
  coverageCalendar?: (planCalendarId: string) => string;
}): ContractTerms {
  return {
    plan: snapshotPlan(input.plan, input.coverageCalendar),
    riders: (input.riders ?? []).map((r) => riderTerms(r, input.effectiveAt)),
    catalogTurnarounds: catalogTurnaroundsFor(input.plan.id, input.catalog),
    catalogOverrides: structuredClone(input.catalogOverrides ?? {}),
    calendarId: input.calendarId,
    goals: structuredClone([...(input.goals ?? [])]),
    responsibilities: structuredClone([...(input.responsibilities ?? [])]),
  };
}

function checkTarget(errors: Record<string, string>, path: string, t: Target | undefined, required: boolean) {
  if (!t) {
    if (required) errors[path] = 'is required';
    return;
  }
  const p = targetProblem(t);
  if (p) errors[path] = p;
}

/** Resolution no shorter than response, compared only in like units. */
function checkPair(errors: Record<string, string>, path: string, response: Target | undefined, resolution: Target | undefined) {
  if (!response || !resolution || errors[`${path}.response`] || errors[`${path}.resolution`]) return;
  if (response.unit === 'minutes' && resolution.unit === 'minutes' && resolution.minutes < response.minutes) errors[`${path}.resolution`] = 'must not be shorter than the response target';
  if (response.unit === 'business_days' && resolution.unit === 'business_days' && resolution.days < response.days) errors[`${path}.resolution`] = 'must not be shorter than the response target';
}

/** Problems of a turnaround (partial: only what it sets), keyed under `path`. */
export function turnaroundProblems(path: string, t: Turnaround): Record<string, string> {
  const errors: Record<string, string> = {};
  const modes = Object.keys(t);
  if (modes.length === 0) errors[path] = 'must set at least one target';
  for (const mode of modes) {
    if (!MODES.includes(mode as DeliveryMode)) {
      errors[`${path}.${mode}`] = 'is not a delivery mode (remote or onsite)';
      continue;
    }
    const pair = t[mode as DeliveryMode] ?? {};
    checkTarget(errors, `${path}.${mode}.response`, pair.response, false);
    checkTarget(errors, `${path}.${mode}.resolution`, pair.resolution, false);
    checkPair(errors, `${path}.${mode}`, pair.response, pair.resolution);
  }
  return errors;
}

export function priorityTermsProblems(path: string, t: PriorityTerms, calendarIds?: ReadonlySet<string>): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!t.calendarId) errors[`${path}.calendarId`] = 'is required';
  else if (calendarIds && !calendarIds.has(t.calendarId)) errors[`${path}.calendarId`] = 'is not a calendar of this organisation';
  for (const mode of MODES) {
    const pair = t[mode];
    if (!pair) {
      errors[`${path}.${mode}`] = 'is required';
      continue;
    }
    checkTarget(errors, `${path}.${mode}.response`, pair.response, true);
    checkTarget(errors, `${path}.${mode}.resolution`, pair.resolution, true);
    checkPair(errors, `${path}.${mode}`, pair.response, pair.resolution);
  }
  return errors;
}

/**
 * The terms after an amendment's changes, applied in order. Errors name the change:
 * `changes[1].riderId`. Nothing is half-applied: on any error the caller gets only the errors.
 */
export function applyChanges(base: ContractTerms, changes: readonly AmendmentChange[], ctx: ChangeContext): ApplyResult {
  const terms: ContractTerms = structuredClone(base);
  const errors: Record<string, string> = {};
  if (changes.length === 0) errors.changes = 'must list at least one change';
  changes.forEach((change, i) => {
    const at = `changes[${i}]`;
    switch (change.type) {
      case 'initial_terms':
        errors[`${at}.type`] = 'is recorded only by the original agreement';
        return;
      case 'plan_changed': {
        const plan = ctx.plans.get(change.toPlanId);
        if (!plan) {
          errors[`${at}.toPlanId`] = 'is not a plan of this organisation';
          return;
        }
        if (change.fromPlanId !== null && change.fromPlanId !== terms.plan.planId) {
          errors[`${at}.fromPlanId`] = `is not the contract's plan (${terms.plan.name})`;
          return;
        }
        if (plan.id === terms.plan.planId) {
          errors[`${at}.toPlanId`] = 'is already the plan of this contract';
          return;
        }
        terms.plan = snapshotPlan(plan, ctx.coverageCalendar);
        terms.catalogTurnarounds = catalogTurnaroundsFor(plan.id, ctx.catalog);
        return;
      }
      case 'rider_added': {
        const rider = ctx.riders.get(change.riderId);
        if (!rider) {
          errors[`${at}.riderId`] = 'is not an active rider of this organisation';
          return;
        }
        if (terms.riders.some((r) => r.riderId === change.riderId)) {
          errors[`${at}.riderId`] = 'is already on this contract';
          return;
        }
        terms.riders.push(riderTerms(rider, ctx.effectiveAt));
        return;
      }
      case 'rider_removed': {
        const idx = terms.riders.findIndex((r) => r.riderId === change.riderId);
        if (idx < 0) {
          errors[`${at}.riderId`] = 'is not on this contract';
          return;
        }
        terms.riders.splice(idx, 1);
        return;
      }
      case 'catalog_override_set': {
        if (!ctx.catalog.some((c) => c.id === change.catalogItemId)) {
          errors[`${at}.catalogItemId`] = 'is not an active catalog item of this organisation';
          return;
        }
        const problems = turnaroundProblems(`${at}.turnaround`, change.turnaround);
        if (Object.keys(problems).length > 0) {
          Object.assign(errors, problems);
          return;
        }
        terms.catalogOverrides[change.catalogItemId] = structuredClone(change.turnaround);
        return;
      }
      case 'catalog_override_removed': {
        if (!(change.catalogItemId in terms.catalogOverrides)) {
          errors[`${at}.catalogItemId`] = 'has no client override on this contract';
          return;
        }
        delete terms.catalogOverrides[change.catalogItemId];
        return;
      }
      case 'target_changed': {
        if (!(change.priority in terms.plan.targets)) {
          errors[`${at}.priority`] = `is not a priority of the ${terms.plan.name} plan`;
          return;
        }
        const problems = priorityTermsProblems(`${at}.terms`, change.terms, ctx.calendarIds);
        if (Object.keys(problems).length > 0) {
          Object.assign(errors, problems);
          return;
        }
        terms.plan.targets[change.priority] = structuredClone(change.terms);
        return;
      }
      case 'goal_set': {
        const problems = goalProblems(`${at}.goal`, change.goal, ctx.goals);
        if (!change.goal.goalId) problems[`${at}.goal.goalId`] = 'is required';
        if (Object.keys(problems).length > 0) {
          Object.assign(errors, problems);
          return;
        }
        const goals = (terms.goals ??= []);
        const idx = goals.findIndex((g) => g.goalId === change.goal.goalId);
        if (idx >= 0) goals[idx] = structuredClone(change.goal);
        else if (goals.length >= MAX_GOALS) errors[`${at}.goal`] = `would be goal ${goals.length + 1}; a contract has at most ${MAX_GOALS}`;
        else goals.push(structuredClone(change.goal));
        return;
      }
      case 'goal_removed': {
        const idx = (terms.goals ?? []).findIndex((g) => g.goalId === change.goalId);
        if (idx < 0) {
          errors[`${at}.goalId`] = 'is not a goal of this contract';
          return;
        }
        terms.goals!.splice(idx, 1);
        return;
      }
      case 'responsibility_set': {
        const problems = responsibilityProblems(`${at}.responsibility`, change.responsibility);
        if (!change.responsibility.responsibilityId) problems[`${at}.responsibility.responsibilityId`] = 'is required';
        if (Object.keys(problems).length > 0) {
          Object.assign(errors, problems);
          return;
        }
        const list = (terms.responsibilities ??= []);
        const idx = list.findIndex((r) => r.responsibilityId === change.responsibility.responsibilityId);
        if (idx >= 0) list[idx] = structuredClone(change.responsibility);
        else if (list.length >= MAX_RESPONSIBILITIES) errors[`${at}.responsibility`] = `would be responsibility ${list.length + 1}; a contract has at most ${MAX_RESPONSIBILITIES}`;
        else list.push(structuredClone(change.responsibility));
        return;
      }
      case 'responsibility_removed': {
        const idx = (terms.responsibilities ?? []).findIndex((r) => r.responsibilityId === change.responsibilityId);
        if (idx < 0) {
          errors[`${at}.responsibilityId`] = 'is not a responsibility of this contract';
          return;
        }
        terms.responsibilities!.splice(idx, 1);
        return;
      }
      default: {
        const never: never = change;
        errors[`${at}.type`] = `is not a known change (${String((never as { type?: unknown }).type)})`;
      }
    }
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, terms };
}
