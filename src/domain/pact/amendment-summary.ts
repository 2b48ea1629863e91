import type { AmendmentChange } from './pact-documents';
import { goalInWords, responsibilityInWords } from './goal-words';
import type { DeliveryMode, PriorityTerms, RiderEffect, Turnaround } from './pact-types';
import { minutesInWords, targetInWords } from './target-words';

/** Names for the ids a change refers to; unknown ids fall back to "a plan", "a rider", ... */
export type SummaryNames = {
  plans?: ReadonlyMap<string, string>;
  riders?: ReadonlyMap<string, { name: string; effect?: RiderEffect }>;
  catalog?: ReadonlyMap<string, string>;
  /** Goals and responsibilities of the terms being amended (objective / description by id): a set with a known id changes one. */
  goals?: ReadonlyMap<string, string>;
  responsibilities?: ReadonlyMap<string, string>;
  /** The client's sites by id, for goal scopes. */
  sites?: ReadonlyMap<string, string>;
};

/** A name in quotes, shortened when it is long so a summary stays one readable sentence. */
const quoted = (s: string) => {
  const t = s.trim().replace(/\s+/g, ' ');
  return `'${t.length > 80 ? `${t.slice(0, 79)}…` : t}'`;
};

const MODE: Record<DeliveryMode, string> = { remote: 'remote', onsite: 'on-site' };

/** "1 Dec 2026", or "1 Dec 2026 14:30" when the instant is not local midnight. */
export function formatDate(at: Date, timeZone = 'UTC'): string {
  const date = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(at);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return time === '00:00' ? date : `${date} ${time}`;
}

export function riderEffectInWords(effect: RiderEffect): string {
  if (effect.kind === 'scale') {
    const how = effect.factorPercent === 50 ? 'halved' : `cut to ${effect.factorPercent} %`;
    return effect.floorMinutes > 0 ? `response and resolution targets ${how}, never below ${minutesInWords(effect.floorMinutes).replace('business ', '')}` : `response and resolution targets ${how}`;
  }
  const priorities = Object.keys(effect.targets);
  return priorities.length ? `faster targets for ${priorities.join(', ')}` : 'no change to targets';
}

function turnaroundInWords(t: Turnaround): string {
  const parts: string[] = [];
  for (const mode of ['remote', 'onsite'] as const) {
    const pair = t[mode];
    if (!pair) continue;
    if (pair.response) parts.push(`${MODE[mode]} response ${targetInWords(pair.response)}`);
    if (pair.resolution) parts.push(`${MODE[mode]} resolution ${targetInWords(pair.resolution)}`);
  }
  return parts.join(', ');
}

function priorityTermsInWords(t: PriorityTerms): string {
  return (['remote', 'onsite'] as const).map((m) => `${MODE[m]} response ${targetInWords(t[m].response)}, resolution ${targetInWords(t[m].resolution)}`).join('; ');
}

function phrase(c: AmendmentChange, names: SummaryNames): { text: string; details?: string } {
  switch (c.type) {
    case 'initial_terms':
      return { text: 'Original agreement' };
    case 'plan_changed': {
      const to = names.plans?.get(c.toPlanId) ?? 'another plan';
      const from = c.fromPlanId ? names.plans?.get(c.fromPlanId) : undefined;
      return { text: from ? `Moves from ${from} to ${to}` : `Moves to ${to}` };
    }
    case 'rider_added': {
      const r = names.riders?.get(c.riderId);
      return { text: `Adds ${r?.name ?? 'a rider'}`, details: r?.effect ? riderEffectInWords(r.effect) : undefined };
    }
    case 'rider_removed':
      return { text: `Drops ${names.riders?.get(c.riderId)?.name ?? 'a rider'}` };
    case 'catalog_override_set':
      return { text: `Agrees a turnaround for "${names.catalog?.get(c.catalogItemId) ?? 'a catalog item'}"`, details: turnaroundInWords(c.turnaround) };
    case 'catalog_override_removed':
      return { text: `Returns "${names.catalog?.get(c.catalogItemId) ?? 'a catalog item'}" to the catalog turnaround` };
    case 'target_changed':
      return { text: `Changes the ${c.priority} targets`, details: priorityTermsInWords(c.terms) };
    case 'goal_set': {
      const before = names.goals?.get(c.goal.goalId);
      const renamed = before !== undefined && before.trim() !== c.goal.objective.trim() ? ` (was ${quoted(before)})` : '';
      return { text: `${before === undefined ? 'Adds' : 'Changes'} goal ${quoted(c.goal.objective)}${renamed}`, details: goalInWords(c.goal, names.sites) };
    }
    case 'goal_removed':
      return { text: names.goals?.has(c.goalId) ? `Removes goal ${quoted(names.goals.get(c.goalId)!)}` : 'Removes a goal' };
    case 'responsibility_set': {
      const before = names.responsibilities?.get(c.responsibility.responsibilityId);
      return { text: `${before === undefined ? 'Adds' : 'Changes'} your responsibility ${quoted(c.responsibility.description)}`, details: responsibilityInWords(c.responsibility) };
    }
    case 'responsibility_removed':
      return { text: names.responsibilities?.has(c.responsibilityId) ? `Removes your responsibility ${quoted(names.responsibilities.get(c.responsibilityId)!)}` : 'Removes one of your responsibilities' };
  }
}

/**
 * A plain-language summary of an amendment, e.g.
 * "Adds Premium Response from 1 Dec 2026: response and resolution targets halved, never below 15 minutes."
 */
export function amendmentSummary(changes: readonly AmendmentChange[], effectiveAt: Date, names: SummaryNames = {}, timeZone = 'UTC'): string {
  const when = formatDate(effectiveAt, timeZone);
  const parts = changes.map((c) => phrase(c, names));
  if (parts.length === 1) {
    const p = parts[0]!;
    if (changes[0]!.type === 'initial_terms') return `Original agreement, in force from ${when}.`;
    return p.details ? `${p.text} from ${when}: ${p.details}.` : `${p.text} from ${when}.`;
  }
  const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
  return `From ${when}: ${parts.map((p) => (p.details ? `${lower(p.text)} (${p.details})` : lower(p.text))).join('; ')}.`;
}
