import type { Figure } from '../../api/summary-types';

/** The same words for figures as the PDF, so the page and the document read alike. */
export const percentText = (f: Figure): string => (f.value === null ? 'n/a' : `${Number.isInteger(f.value) ? f.value : f.value.toFixed(1)} %`);
export const scoreText = (f: Figure, digits = 2): string => (f.value === null ? 'n/a' : f.value.toFixed(digits));
export const npsText = (f: Figure): string => (f.value === null ? 'n/a' : `${f.value > 0 ? '+' : ''}${Math.round(f.value)}`);
export function minutesText(f: Figure): string {
  if (f.value === null) return 'n/a';
  const minutes = Math.floor(f.value);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function quarterLabel(key: string): string {
  const [y, q] = key.split('-Q');
  return `Q${q} ${y}`;
}

export function civilDateText(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date.slice(0, 10)}T12:00:00Z`));
}

export const problemStatusLabels: Record<string, string> = { open: 'Open', known_error: 'Known error', plan_agreed: 'Plan agreed', resolved: 'Resolved' };
