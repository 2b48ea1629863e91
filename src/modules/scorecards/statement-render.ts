/**
 * A month's statement as CSV (for accounting tools and spreadsheets) and as PDF (for people).
 * Money is stored in minor units; both formats show major units of the statement's currency.
 * Credits are negative and look it: a minus sign, and red in the PDF.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderPdf } from '../../http/pdf';
import type { StatementLine, StatementLineKind } from '../../domain/goals/goal-types';
import type { StatementData } from './scorecards.service';

// ---------- money ----------

const exponents = new Map<string, number>();

/** Digits after the decimal point of the currency (2 for EUR, 0 for JPY). */
export function currencyExponent(currency: string): number {
  let e = exponents.get(currency);
  if (e === undefined) {
    try {
      e = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      e = 2;
    }
    exponents.set(currency, e);
  }
  return e;
}

/** Minor units as a plain major-unit number: -20000 EUR -> "-200.00" (no grouping, for machines). */
export function majorUnits(minor: number, currency: string): string {
  const e = currencyExponent(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(Math.round(minor));
  if (e === 0) return `${sign}${abs}`;
  const s = String(abs).padStart(e + 1, '0');
  return `${sign}${s.slice(0, -e)}.${s.slice(-e)}`;
}

/** Minor units for people: "€1,234.50", "-€200.00". */
export function formatMoney(minor: number, currency: string): string {
  const e = currencyExponent(currency);
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency, minimumFractionDigits: e, maximumFractionDigits: e }).format(minor / 10 ** e);
  } catch {
    return `${majorUnits(minor, currency)} ${currency}`;
  }
}

const formatQuantity = (q: number) => (Number.isInteger(q) ? String(q) : q.toFixed(2));

export function monthInWords(periodKey: string): string {
  const [y, m] = periodKey.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 15)));
}

const KIND_NAMES: Record<StatementLineKind, string> = {
  plan_fee: 'Plan fee',
  rider: 'Rider',
  after_hours: 'After-hours work',
  service_credit: 'Service credit',
  incentive: 'Incentive',
};

// ---------- CSV ----------

// A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula;
// free text gets a leading apostrophe. Numbers are written by us and left alone.
const FORMULA_START = /^[=+\-@\t\r]/;
const guardFormula = (s: string) => (FORMULA_START.test(s) ? `'${s}` : s);
const csvField = (s: string) => (/[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * Columns kind, description, quantity, unit_price, amount, note; the currency is named in the
 * header of the money columns. The last rows are the subtotal and, for a draft, a draft notice.
 */
export function renderStatementCsv(data: StatementData): string {
  const s = data.statement;
  const cur = s.currency;
  const header = ['kind', 'description', 'quantity', `unit_price (${cur})`, `amount (${cur})`, 'note'];
  const row = (cells: string[]) => cells.map(csvField).join(',');
  const lines = [row(header)];
  for (const l of s.lines) {
    lines.push(
      row([
        l.kind,
        guardFormula(l.description),
        l.quantity === undefined ? '' : formatQuantity(l.quantity),
        l.unitPriceMinor === undefined ? '' : majorUnits(l.unitPriceMinor, cur),
        majorUnits(l.amountMinor, cur),
        guardFormula(l.note ?? ''),
      ]),
    );
  }
  lines.push(row(['subtotal', 'Subtotal', '', '', majorUnits(s.subtotalMinor, cur), 'taxes are left to the accounting system']));
  if (data.status === 'draft') lines.push(row(['draft', guardFormula(`Draft (revision ${data.revision}): not final; the figures may still change`), '', '', '', '']));
  return `${lines.join('\r\n')}\r\n`;
}

export function statementFilename(data: StatementData, ext: 'csv' | 'pdf'): string {
  const client = data.clientName.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'client';
  return `statement-${client}-${data.periodKey}${data.status === 'draft' ? '-draft' : ''}.${ext}`;
}

// ---------- PDF ----------


const CREDIT = '#b42318';

function lineCells(l: StatementLine, currency: string): TableCell[] {
  const negative = l.amountMinor < 0;
  return [
    { text: [{ text: `${l.description}\n`, bold: l.kind === 'service_credit' || l.kind === 'incentive' }, ...(l.note ? [{ text: l.note, fontSize: 7, color: '#555' }] : [])] },
    { text: KIND_NAMES[l.kind] ?? l.kind, fontSize: 8 },
    { text: l.quantity === undefined ? '' : formatQuantity(l.quantity), alignment: 'right' },
    { text: l.unitPriceMinor === undefined ? '' : formatMoney(l.unitPriceMinor, currency), alignment: 'right' },
    { text: formatMoney(l.amountMinor, currency), alignment: 'right', color: negative ? CREDIT : undefined, bold: negative },
  ];
}

/** The statement on A4: who and when, the lines, the subtotal; a draft is marked as such on every page. */
export async function renderStatementPdf(data: StatementData, generatedAt: Date): Promise<Buffer> {
  const s = data.statement;
  const month = monthInWords(data.periodKey);
  const draft = data.status === 'draft';
  const th = (text: string, alignment: 'left' | 'right' = 'left'): TableCell => ({ text, bold: true, alignment });
  const content: Content[] = [
    { text: draft ? 'Statement (Draft)' : 'Statement', style: 'h1' },
    { text: `${data.organisation} for ${data.clientName}`, style: 'lead' },
    { text: `${data.contractName}, ${month} (${s.periodKey}), revision ${data.revision}${draft ? ', draft: not final, the figures may still change' : ', final'}`, margin: [0, 0, 0, 10] },
    {
      table: {
        headerRows: 1,
        widths: ['*', 'auto', 'auto', 'auto', 'auto'],
        body: [
          [th('Description'), th('Kind'), th('Quantity', 'right'), th('Unit price', 'right'), th('Amount', 'right')],
          ...s.lines.map((l) => lineCells(l, s.currency)),
          [{ text: 'Subtotal', bold: true, colSpan: 4 }, {}, {}, {}, { text: formatMoney(s.subtotalMinor, s.currency), bold: true, alignment: 'right', color: s.subtotalMinor < 0 ? CREDIT : undefined }],
        ],
      },
      layout: 'lightHorizontalLines',
    },
    { text: `Amounts in ${s.currency}. Service credits are negative (in the client's favour); taxes are left to the accounting system.`, fontSize: 8, color: '#555', margin: [0, 8, 0, 0] },
  ];
  if (s.warnings.length) content.push({ text: 'Please note', style: 'h2' }, { ul: s.warnings });
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    info: { title: `Statement ${s.periodKey}: ${data.clientName}${draft ? ' (draft)' : ''}`, author: data.organisation },
    ...(draft ? { watermark: { text: 'DRAFT', color: '#999', opacity: 0.12, bold: true } } : {}),
    defaultStyle: { font: 'Helvetica', fontSize: 9 },
    styles: { h1: { fontSize: 18, bold: true }, h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] }, lead: { fontSize: 11, margin: [0, 2, 0, 4] } },
    footer: (page: number, pages: number) => ({
      text: `Statement ${s.periodKey}, ${data.clientName}${draft ? ', DRAFT' : ''}, generated ${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. Page ${page} of ${pages}`,
      fontSize: 7,
      alignment: 'center',
      margin: [0, 20, 0, 0],
    }),
    content,
  };
  return renderPdf(definition);
}
