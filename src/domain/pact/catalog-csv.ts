import type { CatalogCategory, CatalogDeliveryMode, Complexity, Target } from './pact-types';
import { validateTurnaround } from './plan-rules';
import type { FieldProblems } from './priority-matrix';

/**
 * The issue catalog as a spreadsheet: one row per item, then a response and a resolution column
 * per plan. Turnaround cells read `15m`, `4h`, `2d` (business days) or stay empty (the plan's
 * own target applies). Parsing reports every bad row at once, numbered as a spreadsheet shows
 * them (the header is row 1), so a whole file can be fixed in one pass.
 */

export const CATALOG_COLUMNS = ['category', 'name', 'description', 'default_urgency', 'default_impact', 'delivery_mode', 'complexity', 'expected_effort_minutes'] as const;
export const CATEGORIES: CatalogCategory[] = ['hardware', 'software', 'network', 'security', 'account', 'other'];
export const DELIVERY_MODES: CatalogDeliveryMode[] = ['remote', 'onsite', 'either'];
export const COMPLEXITIES: Complexity[] = ['low', 'medium', 'high'];

export type CsvTurnaround = { response?: Target; resolution?: Target };

/**
 * A CSV row has one turnaround per plan; it is the one of the item's own delivery mode
 * (on-site items: on-site; remote and either: remote). The other mode keeps the plan's targets.
 */
export const csvMode = (mode: CatalogDeliveryMode): 'remote' | 'onsite' => (mode === 'onsite' ? 'onsite' : 'remote');

export type CatalogCsvItem = {
  category: CatalogCategory;
  name: string;
  description: string;
  defaultUrgency: string;
  defaultImpact: string;
  deliveryMode: CatalogDeliveryMode;
  complexity: Complexity;
  expectedEffortMinutes: number;
  turnarounds: Record<string, CsvTurnaround>; // keyed by plan name
};

export type CatalogCsvRow = CatalogCsvItem & { row: number };
export type CsvRowError = { row: number; field: string; message: string };

export type CatalogCsvOptions = { planNames: string[]; urgencies: string[]; impacts: string[] };

/** RFC 4180 records (quoted fields may hold commas, quotes as "" and line breaks). */
export function parseCsvRecords(text: string): string[][] | { error: string; row: number } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < src.length) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += c;
      i += 1;
      continue;
    }
    if (c === '"') {
      if (field !== '' || wasQuoted) return { error: 'a quote may only open a field', row: records.length + 1 };
      quoted = true;
      wasQuoted = true;
      i += 1;
    } else if (c === ',') {
      endField();
      i += 1;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
    } else {
      if (wasQuoted) return { error: 'text after a closing quote', row: records.length + 1 };
      field += c;
      i += 1;
    }
  }
  if (quoted) return { error: 'a quoted field is never closed', row: records.length + 1 };
  if (field !== '' || record.length > 0 || wasQuoted) endRecord();
  return records;
}

const TURNAROUND = /^(\d{1,6})\s*([mhd])$/i;

/** `15m` / `4h` -> minutes; `2d` -> business days; empty -> undefined. */
export function parseTurnaroundCell(text: string): Target | undefined | { error: string } {
  const s = text.trim();
  if (s === '') return undefined;
  const m = TURNAROUND.exec(s);
  if (!m) return { error: `'${s}' is not a turnaround; write 15m, 4h or 2d (business days)` };
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  if (unit === 'd') return { unit: 'business_days', days: n };
  return { unit: 'minutes', minutes: unit === 'h' ? n * 60 : n };
}

export function formatTurnaroundCell(t: Target | undefined): string {
  if (!t) return '';
  if (t.unit === 'business_days') return `${t.days}d`;
  return t.minutes % 60 === 0 ? `${t.minutes / 60}h` : `${t.minutes}m`;
}

const isTarget = (v: Target | undefined | { error: string }): v is Target => v !== undefined && !('error' in v);

export type ParsedCatalogCsv = { ok: true; rows: CatalogCsvRow[] } | { ok: false; errors: CsvRowError[] };

export function parseCatalogCsv(text: string, opts: CatalogCsvOptions): ParsedCatalogCsv {
  const records = parseCsvRecords(text);
  if (!Array.isArray(records)) return { ok: false, errors: [{ row: records.row, field: 'file', message: records.error }] };
  const [header, ...body] = records;
  if (!header || header.every((h) => h.trim() === '')) return { ok: false, errors: [{ row: 1, field: 'header', message: 'the file is empty; the first row must name the columns' }] };
  const errors: CsvRowError[] = [];
  const names = header.map((h) => h.trim());
  const index = new Map<string, number>();
  names.forEach((n, i) => {
    if (index.has(n.toLowerCase())) errors.push({ row: 1, field: n, message: 'this column appears twice' });
    index.set(n.toLowerCase(), i);
  });
  for (const c of CATALOG_COLUMNS) if (!index.has(c)) errors.push({ row: 1, field: c, message: 'this column is missing' });
  // plan name (as the tenant spells it) -> [response column, resolution column]
  const planColumns = new Map<string, { response?: number; resolution?: number }>();
  const planByLower = new Map(opts.planNames.map((p) => [p.toLowerCase(), p]));
  names.forEach((n, i) => {
    if ((CATALOG_COLUMNS as readonly string[]).includes(n.toLowerCase()) || n === '') return;
    const m = /^(.+)\s+(response|resolution)$/i.exec(n);
    const plan = m ? planByLower.get(m[1]!.trim().toLowerCase()) : undefined;
    if (!m || !plan) {
      errors.push({ row: 1, field: n, message: m ? `there is no plan named '${m[1]!.trim()}'` : 'is not a catalog column (expected "<Plan name> response" or "<Plan name> resolution")' });
      return;
    }
    const cols = planColumns.get(plan) ?? {};
    cols[m[2]!.toLowerCase() as 'response' | 'resolution'] = i;
    planColumns.set(plan, cols);
  });
  if (errors.length) return { ok: false, errors };

  const rows: CatalogCsvRow[] = [];
  const seen = new Map<string, number>();
  const urgencies = new Set(opts.urgencies);
  const impacts = new Set(opts.impacts);
  body.forEach((rec, n) => {
    const row = n + 2;
    if (rec.every((f) => f.trim() === '')) return; // blank lines spreadsheets leave behind
    const get = (col: string) => (rec[index.get(col)!] ?? '').trim();
    const err = (field: string, message: string) => errors.push({ row, field, message });
    const before = errors.length;
    if (rec.length > names.length) err('row', `has ${rec.length} fields; the header names ${names.length}`);
    const category = get('category').toLowerCase();
    if (!CATEGORIES.includes(category as CatalogCategory)) err('category', `must be one of ${CATEGORIES.join(', ')}`);
    const name = unguardFormula(get('name'));
    if (name === '') err('name', 'is required');
    else if (name.length > 200) err('name', 'must be at most 200 characters');
    const description = unguardFormula((rec[index.get('description')!] ?? '').trim());
    if (description.length > 5000) err('description', 'must be at most 5000 characters');
    const defaultUrgency = get('default_urgency');
    if (!urgencies.has(defaultUrgency)) err('default_urgency', `must be one of ${opts.urgencies.join(', ')}`);
    const defaultImpact = get('default_impact');
    if (!impacts.has(defaultImpact)) err('default_impact', `must be one of ${opts.impacts.join(', ')}`);
    const deliveryMode = get('delivery_mode').toLowerCase();
    if (!DELIVERY_MODES.includes(deliveryMode as CatalogDeliveryMode)) err('delivery_mode', `must be one of ${DELIVERY_MODES.join(', ')}`);
    const complexity = get('complexity').toLowerCase();
    if (!COMPLEXITIES.includes(complexity as Complexity)) err('complexity', `must be one of ${COMPLEXITIES.join(', ')}`);
    const effortText = get('expected_effort_minutes');
    const effort = /^\d{1,6}$/.test(effortText) ? Number(effortText) : NaN;
    if (!(effort > 0)) err('expected_effort_minutes', 'must be a whole number of minutes greater than 0');
    const turnarounds: Record<string, CsvTurnaround> = {};
    for (const [plan, cols] of planColumns) {
      const t: CsvTurnaround = {};
      for (const which of ['response', 'resolution'] as const) {
        const col = cols[which];
        if (col === undefined) continue;
        const v = parseTurnaroundCell(rec[col] ?? '');
        if (v !== undefined && !isTarget(v)) err(names[col]!, v.error);
        else if (v) t[which] = v;
      }
      if (t.response || t.resolution) {
        const problems: FieldProblems = {};
        validateTurnaround({ remote: t }, 'x', problems);
        for (const [path, message] of Object.entries(problems)) err(`${plan} ${path.endsWith('response') ? 'response' : 'resolution'}`, message);
        turnarounds[plan] = t;
      }
    }
    const key = `${category}/${name.toLowerCase()}`;
    const first = seen.get(key);
    if (name !== '' && first !== undefined) err('name', `repeats row ${first} (same category and name)`);
    else seen.set(key, row);
    if (errors.length > before) return;
    rows.push({
      row,
      category: category as CatalogCategory,
      name,
      description,
      defaultUrgency,
      defaultImpact,
      deliveryMode: deliveryMode as CatalogDeliveryMode,
      complexity: complexity as Complexity,
      expectedEffortMinutes: effort,
      turnarounds,
    });
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}

// A spreadsheet runs a cell that starts with = + - or @ as a formula; free text written out gets
// a leading apostrophe (shown by no spreadsheet), and reading it back removes it.
const FORMULA_START = /^[=+\-@\t\r]/;
const guardFormula = (s: string) => (FORMULA_START.test(s) ? `'${s}` : s);
const unguardFormula = (s: string) => (s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s);

function csvField(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The catalog as CSV (CRLF line ends, as RFC 4180 and spreadsheets expect). */
export function renderCatalogCsv(items: CatalogCsvItem[], planNames: string[]): string {
  const header = [...CATALOG_COLUMNS, ...planNames.flatMap((p) => [`${p} response`, `${p} resolution`])];
  const lines = [header.map(csvField).join(',')];
  for (const it of items) {
    const cells = [
      it.category,
      guardFormula(it.name),
      guardFormula(it.description),
      it.defaultUrgency,
      it.defaultImpact,
      it.deliveryMode,
      it.complexity,
      String(it.expectedEffortMinutes),
      ...planNames.flatMap((p) => [formatTurnaroundCell(it.turnarounds[p]?.response), formatTurnaroundCell(it.turnarounds[p]?.resolution)]),
    ];
    lines.push(cells.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
