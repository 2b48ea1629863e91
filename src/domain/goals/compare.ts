/** How a goal's figure is held against its target. */
import type { Comparator } from '../pact/pact-types';

export const COMPARATORS: readonly Comparator[] = ['gte', 'gt', 'lte', 'lt'];

/** Whether `value` meets `target` under the comparator. */
export function meets(value: number, comparator: Comparator, target: number): boolean {
  switch (comparator) {
    case 'gte':
      return value >= target;
    case 'gt':
      return value > target;
    case 'lte':
      return value <= target;
    case 'lt':
      return value < target;
    default: {
      const unreachable: never = comparator;
      throw new Error(`unknown comparator ${String(unreachable)}`);
    }
  }
}

export function comparatorSymbol(comparator: Comparator): '>=' | '>' | '<=' | '<' {
  switch (comparator) {
    case 'gte':
      return '>=';
    case 'gt':
      return '>';
    case 'lte':
      return '<=';
    case 'lt':
      return '<';
    default: {
      const unreachable: never = comparator;
      throw new Error(`unknown comparator ${String(unreachable)}`);
    }
  }
}

/** The symbol that holds when the comparator does not: a missed '>= 95' is '< 95'. */
export function negatedSymbol(comparator: Comparator): '>=' | '>' | '<=' | '<' {
  switch (comparator) {
    case 'gte':
      return '<';
    case 'gt':
      return '<=';
    case 'lte':
      return '>';
    case 'lt':
      return '>=';
    default: {
      const unreachable: never = comparator;
      throw new Error(`unknown comparator ${String(unreachable)}`);
    }
  }
}

/** "at least", "more than", "at most", "less than". */
export function comparatorWords(comparator: Comparator): string {
  switch (comparator) {
    case 'gte':
      return 'at least';
    case 'gt':
      return 'more than';
    case 'lte':
      return 'at most';
    case 'lt':
      return 'less than';
    default: {
      const unreachable: never = comparator;
      throw new Error(`unknown comparator ${String(unreachable)}`);
    }
  }
}

/** The comparator the goal editor proposes for a metric. */
export function proposedComparator(higherIsBetter: boolean): Comparator {
  return higherIsBetter ? 'gte' : 'lte';
}
