import type { CsatMonth, JourneyBand, NpsQuarter } from '../../api/journey-types';

// Dates of the journey are calendar days ('2026-11-24'): formatted in UTC so no zone shifts them.
const dayFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const monthFmt = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

export function dayMs(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

export const formatDay = (day: string | null | undefined): string => (day ? dayFmt.format(new Date(dayMs(day.slice(0, 10)))) : '—');

/** '2026-10' -> "October 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return y && m ? monthFmt.format(new Date(Date.UTC(y, m - 1, 1))) : month;
}

/** '2026-Q4' -> "Q4 2026". */
export function quarterLabel(quarter: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return m ? `Q${m[2]} ${m[1]}` : quarter;
}

export const monthStartMs = (month: string): number => {
  const [y, m] = month.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, 1);
};

/** The middle of a month or quarter: where its point sits on a time axis. */
export const monthMidMs = (month: string): number => monthStartMs(month) + 14 * 86_400_000;
export function quarterStartMs(quarter: string): number {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return m ? Date.UTC(Number(m[1]), (Number(m[2]) - 1) * 3, 1) : 0;
}
export const quarterMidMs = (quarter: string): number => quarterStartMs(quarter) + 45 * 86_400_000;

export const csatText = (v: number | null): string => (v === null ? '—' : oneDecimal.format(v));
export const npsText = (v: number | null): string => (v === null ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${whole.format(Math.abs(v))}`);
export const percentText = (v: number | null): string => (v === null ? '—' : `${whole.format(v)} %`);
export const responsesText = (n: number): string => `${n} ${n === 1 ? 'response' : 'responses'}`;

export const todayIso = (): string => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

export const monthKeyOf = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};
export const quarterKeyOf = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
};

/** The band a day falls in (the latest that started on or before it). */
export function bandAt(bands: JourneyBand[], ms: number): JourneyBand | null {
  let found: JourneyBand | null = null;
  for (const b of bands) if (dayMs(b.from) <= ms && (b.to === null || ms < dayMs(b.to))) found = b;
  return found;
}

const answered = (c: CsatMonth) => c.responses > 0 && c.average !== null;
const answeredNps = (n: NpsQuarter) => n.responses > 0 && n.nps !== null;

/** The journey in words: the chart's accessible name and its text twin. */
export function journeySummary(bands: JourneyBand[], csat: CsatMonth[], nps: NpsQuarter[]): string {
  const parts: string[] = [];
  const months = csat.filter(answered);
  parts.push(
    months.length === 0
      ? 'CSAT average by month: no answers yet.'
      : `CSAT average by month (1 to 5): ${months.map((c) => `${monthLabel(c.month)} ${csatText(c.average)} from ${responsesText(c.responses)}`).join('; ')}.`,
  );
  const quarters = nps.filter(answeredNps);
  parts.push(quarters.length === 0 ? 'NPS by quarter: no answers yet.' : `NPS by quarter: ${quarters.map((q) => `${quarterLabel(q.quarter)} ${npsText(q.nps)} from ${responsesText(q.responses)}`).join('; ')}.`);
  parts.push(
    bands.length === 0
      ? 'Stages: none recorded.'
      : `Stages: ${bands.map((b) => `${b.label} from ${formatDay(b.from)}${b.to ? ` to ${formatDay(b.to)}` : ' until now'}`).join('; ')}.`,
  );
  return parts.join(' ');
}

export { answered as csatAnswered, answeredNps as npsAnswered };
