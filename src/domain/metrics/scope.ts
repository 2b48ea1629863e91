/**
 * Which tickets a goal looks at. Each dimension of the scope is a filter; an absent or empty list
 * lets every ticket through. A ticket without a category (or site) is outside a scope that
 * names categories (or sites).
 */
import type { GoalScope } from '../pact/pact-types';
import type { TicketFacts } from './metric-types';

function passes<T>(list: readonly T[] | undefined, value: T | null): boolean {
  if (list === undefined || list.length === 0) return true;
  return value !== null && list.includes(value);
}

export function inScope(ticket: Pick<TicketFacts, 'priority' | 'category' | 'siteId'>, scope: GoalScope): boolean {
  return passes(scope.priorities, ticket.priority) && passes(scope.categories, ticket.category) && passes(scope.siteIds, ticket.siteId);
}

/** Whether the scope filters at all (an empty scope means every ticket of the contract). */
export function isWholeContract(scope: GoalScope): boolean {
  return !scope.priorities?.length && !scope.categories?.length && !scope.siteIds?.length;
}
