import type { PriorityMatrixDocument } from './pact-documents';
import type { CatalogDeliveryMode, ContractTerms, DeliveryMode, Priority, RiderTerms, Target } from './pact-types';
import { minutesInWords, targetInWords } from './target-words';

export type ClockTargets = {
  target: Target;
  calendarId: string;
  pausesStopClock: boolean;
  warningThresholds: number[];
  explanation: string[];
};

export type TargetsResult = {
  priority: Priority;
  deliveryMode: DeliveryMode;
  firstResponse: ClockTargets;
  resolution: ClockTargets;
  explanation: string[];
};

export type TargetsCatalogItem = { id: string; name: string; deliveryMode: CatalogDeliveryMode };

export type TargetsInput = {
  terms: ContractTerms;
  matrix: PriorityMatrixDocument;
  catalogItem?: TargetsCatalogItem | null;
  urgency: string;
  impact: string;
  /** The caller's mode; when absent a remote- or onsite-only catalog item decides, else remote. */
  deliveryMode?: DeliveryMode | null;
  site?: { name: string; travelMinutes: number } | null;
  priorityOverride?: Priority | null;
  /** The ticket's creation instant: riders apply only from their effective instant (rule 4). */
  at?: Date;
};

/** A request the terms cannot answer (unknown urgency, impact or priority); `field` names the input. */
export class TargetsError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'TargetsError';
  }
}

const MODE_WORDS: Record<DeliveryMode, string> = { remote: 'remote', onsite: 'on-site' };
type Kind = 'response' | 'resolution';

/**
 * Scales a target by a rider: minutes are rounded half up to whole minutes and raised to the
 * floor; business days are rounded half up to whole days, at least one (the floor is in
 * minutes and a business day is always above it). Travel (plusMinutes) is never scaled.
 */
export function scaleTarget(t: Target, factorPercent: number, floorMinutes: number): { target: Target; floored: boolean } {
  if (t.unit === 'minutes') {
    const scaled = Math.floor((t.minutes * factorPercent) / 100 + 0.5);
    return scaled < floorMinutes ? { target: { unit: 'minutes', minutes: floorMinutes }, floored: true } : { target: { unit: 'minutes', minutes: Math.max(1, scaled) }, floored: false };
  }
  const days = Math.max(1, Math.floor((t.days * factorPercent) / 100 + 0.5));
  return { target: { ...t, days }, floored: false };
}

/** Adds travel minutes to a target: minutes targets grow, business-day targets carry it in plusMinutes. */
export function addTravel(t: Target, minutes: number): Target {
  if (minutes <= 0) return t;
  return t.unit === 'minutes' ? { unit: 'minutes', minutes: t.minutes + minutes } : { ...t, plusMinutes: (t.plusMinutes ?? 0) + minutes };
}

function applyRider(rider: RiderTerms, t: Target, priority: Priority, mode: DeliveryMode, kind: Kind): { target: Target; line: string | null } {
  const e = rider.effect;
  if (e.kind === 'replace') {
    const r = e.targets[priority]?.[mode]?.[kind];
    if (!r) return { target: t, line: null };
    return { target: structuredClone(r), line: `${rider.name} replaces it: ${targetInWords(r)}` };
  }
  const { target, floored } = scaleTarget(t, e.factorPercent, e.floorMinutes);
  const how = e.factorPercent === 50 ? 'halves it' : `scales it to ${e.factorPercent} %`;
  const line = floored ? `${rider.name} ${how}, raised to its floor of ${minutesInWords(e.floorMinutes)}: ${targetInWords(target)}` : `${rider.name} ${how}: ${targetInWords(target)}`;
  return { target, line };
}

function clock(input: TargetsInput, priority: Priority, mode: DeliveryMode, kind: Kind): ClockTargets {
  const { terms, catalogItem } = input;
  const plan = terms.plan;
  const pt = plan.targets[priority]!;
  const lines: string[] = [];
  let target: Target | undefined;
  if (catalogItem) {
    const override = terms.catalogOverrides[catalogItem.id]?.[mode]?.[kind];
    if (override) {
      target = structuredClone(override);
      lines.push(`${targetInWords(target)}: the client's agreed turnaround for "${catalogItem.name}" (${MODE_WORDS[mode]})`);
    } else {
      const turnaround = terms.catalogTurnarounds[catalogItem.id]?.[mode]?.[kind];
      if (turnaround) {
        target = structuredClone(turnaround);
        lines.push(`${targetInWords(target)}: the catalog turnaround for "${catalogItem.name}" on the ${plan.name} plan (${MODE_WORDS[mode]})`);
      }
    }
  }
  if (!target) {
    target = structuredClone(pt[mode][kind]);
    const why = catalogItem ? ` ("${catalogItem.name}" has no turnaround of its own for this)` : '';
    lines.push(`${targetInWords(target)}: the ${plan.name} plan's ${MODE_WORDS[mode]} ${kind} target for ${priority}${why}`);
  }
  const at = input.at?.getTime();
  for (const rider of terms.riders) {
    if (at !== undefined && Date.parse(rider.effectiveFrom) > at) {
      lines.push(`${rider.name} does not apply: it starts ${rider.effectiveFrom}, after this ticket was opened`);
      continue;
    }
    const r = applyRider(rider, target, priority, mode, kind);
    target = r.target;
    if (r.line) lines.push(r.line);
  }
  if (kind === 'resolution' && mode === 'onsite' && input.site && input.site.travelMinutes > 0) {
    const travel = input.site.travelMinutes;
    target = addTravel(target, travel);
    lines.push(`plus ${travel} min travel to ${input.site.name}: ${targetInWords(target, travel)}`);
  }
  return {
    target,
    calendarId: pt.calendarId || terms.calendarId,
    pausesStopClock: kind === 'resolution' ? true : plan.pausesStopResponse,
    warningThresholds: [...plan.warningThresholds],
    explanation: lines,
  };
}

/**
 * The targets a ticket gets from the terms in force at its creation (product rule 1).
 * Per clock: the client's catalog override beats the catalog item's turnaround for the plan,
 * which beats the plan's target for the priority and delivery mode; riders then apply in
 * order (replace, or scale with a floor); on-site travel time is added to resolution last.
 */
export function targetsFor(input: TargetsInput): TargetsResult {
  const { terms, matrix, catalogItem } = input;
  const explanation: string[] = [];
  let priority: Priority;
  if (input.priorityOverride) {
    priority = input.priorityOverride;
    explanation.push(`Priority ${priority}, set by hand`);
  } else {
    const row = matrix.cells[input.urgency];
    if (!row) throw new TargetsError('urgency', `is not an urgency of the priority matrix (${matrix.urgencies.map((u) => u.key).join(', ')})`);
    const p = row[input.impact];
    if (!p) throw new TargetsError('impact', `is not an impact of the priority matrix (${matrix.impacts.map((i) => i.key).join(', ')})`);
    priority = p;
    const u = matrix.urgencies.find((x) => x.key === input.urgency)?.name ?? input.urgency;
    const i = matrix.impacts.find((x) => x.key === input.impact)?.name ?? input.impact;
    explanation.push(`Priority ${priority} from the priority matrix: urgency ${u}, impact ${i}`);
  }
  if (!terms.plan.targets[priority]) throw new TargetsError(input.priorityOverride ? 'priorityOverride' : 'impact', `priority ${priority} has no targets on the ${terms.plan.name} plan`);

  let mode: DeliveryMode;
  if (input.deliveryMode) {
    mode = input.deliveryMode;
    explanation.push(`Delivered ${MODE_WORDS[mode]}`);
  } else if (catalogItem && catalogItem.deliveryMode !== 'either') {
    mode = catalogItem.deliveryMode;
    explanation.push(`Delivered ${MODE_WORDS[mode]}, as "${catalogItem.name}" always is`);
  } else {
    mode = 'remote';
    explanation.push('Delivered remote (no delivery mode given)');
  }
  explanation.push(`Terms: the ${terms.plan.name} plan${terms.riders.length ? ` with ${terms.riders.map((r) => r.name).join(', ')}` : ''}`);

  const firstResponse = clock(input, priority, mode, 'response');
  const resolution = clock(input, priority, mode, 'resolution');
  explanation.push(...firstResponse.explanation.map((l) => `First response: ${l}`), ...resolution.explanation.map((l) => `Resolution: ${l}`));
  return { priority, deliveryMode: mode, firstResponse, resolution, explanation };
}
