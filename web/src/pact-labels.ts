import { riderEffectInWords } from '../../src/domain/pact/amendment-summary';
import { targetInWords } from '../../src/domain/pact/target-words';
import type { AmendmentStatus, CatalogCategory, CatalogDeliveryMode, Complexity, PriceBasis, RiderEffect, Target } from './api/pact-types';

/** A target in words ("30 business minutes", "4 business hours", "3 business days"), as the schedule says it. */
export function targetText(target: Target | undefined | null): string {
  return target ? targetInWords(target) : '—';
}

/** Minutes as people say them: "45 minutes", "1 hour", "2 h 30 min". */
export function durationText(minutes: number): string {
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (m === 0) return `${h} hour${h === 1 ? '' : 's'}`;
  return `${h} h ${m} min`;
}

/** "Respond within 1 business hour" style sentences for plain-language pages. */
export const respondWithin = (t: Target | undefined | null) => (t ? `within ${targetText(t)}` : '—');

export function moneyText(amountMinor: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amountMinor / 100);
  } catch {
    return `${(amountMinor / 100).toFixed(2)} ${currency}`;
  }
}

export const priceBasisLabels: Record<PriceBasis, string> = { flat: 'per month', per_user: 'per user per month', per_device: 'per device per month' };
export const priceBasisOptions: { value: PriceBasis; label: string }[] = [
  { value: 'flat', label: 'Flat, per month' },
  { value: 'per_user', label: 'Per user, per month' },
  { value: 'per_device', label: 'Per device, per month' },
];

export const priceText = (p: { amountMinor: number; currency: string; basis: PriceBasis }) => `${moneyText(p.amountMinor, p.currency)} ${priceBasisLabels[p.basis]}`;

export const categoryLabels: Record<CatalogCategory, string> = {
  hardware: 'Hardware',
  software: 'Software',
  network: 'Network',
  security: 'Security',
  account: 'Account',
  other: 'Other',
};
export const categories = Object.keys(categoryLabels) as CatalogCategory[];

export const deliveryModeLabels: Record<CatalogDeliveryMode, string> = { remote: 'Remote', onsite: 'On-site', either: 'Remote or on-site' };
export const complexityLabels: Record<Complexity, string> = { low: 'Low', medium: 'Medium', high: 'High' };

export const amendmentStatusColours: Record<AmendmentStatus, string> = { proposed: 'yellow', accepted: 'teal', rejected: 'red', withdrawn: 'gray' };

/** What a rider does, in one sentence, in the words of the amendment summaries. */
export function riderEffectText(effect: RiderEffect): string {
  const words = riderEffectInWords(effect);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
}

/** A compact target for dense tables: "30 min", "2 h", "1 h 30 min", "3 d". */
export function targetShort(target: Target | undefined | null): string {
  if (!target) return '—';
  if (target.unit === 'business_days') return `${target.days} d${target.plusMinutes ? ` + ${target.plusMinutes} min` : ''}`;
  const h = Math.floor(target.minutes / 60);
  const m = target.minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}
