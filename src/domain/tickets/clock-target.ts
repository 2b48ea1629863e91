import type { Target } from '../pact/pact-types';
import type { ClockTarget } from '../sla';

/** A pact target (minutes or business days + minutes) as the SLA clock model's target. */
export function toClockTarget(target: Target): ClockTarget {
  switch (target.unit) {
    case 'minutes':
      return { unit: 'business_seconds', seconds: target.minutes * 60 };
    case 'business_days':
      return target.plusMinutes ? { unit: 'business_days', days: target.days, plusSeconds: target.plusMinutes * 60 } : { unit: 'business_days', days: target.days };
    default: {
      const unreachable: never = target;
      throw new Error(`unknown target ${JSON.stringify(unreachable)}`);
    }
  }
}
