/** The cadence form's presets, as the server's presetRule: monthly or quarterly on the first meeting's nth weekday. */
export type CadencePreset = 'monthly' | 'quarterly' | 'custom';

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

export function presetRule(preset: Exclude<CadencePreset, 'custom'>, firstStart: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T/.exec(firstStart);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const length = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const nth = Math.ceil(d / 7);
  // A meeting in the month's last seven days recurs on the last such weekday: a fifth one is not in every month.
  const ordinal = nth >= 4 && d + 7 > length ? -1 : nth;
  const byDay = `${ordinal}${WEEKDAYS[date.getUTCDay()]}`;
  return preset === 'monthly' ? `FREQ=MONTHLY;BYDAY=${byDay}` : `FREQ=MONTHLY;INTERVAL=3;BYDAY=${byDay}`;
}

export function presetOf(rrule: string, firstStart: string): CadencePreset {
  if (rrule === presetRule('monthly', firstStart)) return 'monthly';
  if (rrule === presetRule('quarterly', firstStart)) return 'quarterly';
  return 'custom';
}

/** A Tuesday at 10:00 two to three weeks ahead, as a local date-time: a sensible first meeting. */
export function defaultFirstStart(now = new Date()): string {
  const d = new Date(now.getTime() + 14 * 86_400_000);
  d.setDate(d.getDate() + ((9 - d.getDay()) % 7));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:00`;
}
