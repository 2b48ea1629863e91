/**
 * The executive summary as a PDF a client executive is handed: a cover line (client, period, MSP),
 * the headline figures, the account manager's narrative, the service-level trend chart, then the
 * sections with their tables, and how the figures were measured. pdfmake with the standard PDF
 * fonts (no font files); charts are SVG drawn by ECharts on the server.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderPdf } from '../../http/pdf';
import { comparatorSymbol } from '../../domain/goals/compare';
import { formatValue } from '../../domain/goals/evaluate-goal';
import { durationWords } from '../../domain/metrics/words';
import { periodLabel, type Figure, type SummaryDocument } from '../../domain/summaries';
import { formatMoney } from '../scorecards/statement-render';
import { categorySvg, trendSvg } from './summary-charts';

export type SummaryRenderData = { document: SummaryDocument; narrative: string; status: 'draft' | 'published'; publishedAt: Date | null };


const INK = '#101828';
const MUTED = '#667085';
const ACCENT = '#1d4ed8';
const GOOD = '#067647';
const BAD = '#b42318';
const RULE = '#d0d5dd';
const TILE = '#f2f4f7';

// ---------- words for figures ----------

export const percentText = (f: Figure): string => (f.value === null ? 'n/a' : `${Number.isInteger(f.value) ? f.value : f.value.toFixed(1)} %`);
export const minutesText = (f: Figure): string => (f.value === null ? 'n/a' : durationWords(Math.round(f.value * 60)));
export const scoreText = (f: Figure, digits = 2): string => (f.value === null ? 'n/a' : f.value.toFixed(digits));
export const npsText = (f: Figure): string => (f.value === null ? 'n/a' : `${f.value > 0 ? '+' : ''}${Math.round(f.value)}`);

function dateText(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso) : iso;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const moneyText = (minor: number, currency: string | null) => (currency ? formatMoney(minor, currency) : String(minor));

const PROBLEM_STATUS: Record<string, string> = { open: 'Open', known_error: 'Known error', plan_agreed: 'Plan agreed', resolved: 'Resolved' };
const OUTCOME: Record<string, { text: string; color: string }> = { met: { text: 'Met', color: GOOD }, missed: { text: 'Missed', color: BAD }, not_evaluable: { text: 'Not evaluable', color: MUTED } };

function change(now: number | null, before: number | null, unit: string, higherIsBetter = true): { text: string; color: string } | null {
  if (now === null || before === null) return null;
  const diff = Math.round((now - before) * 10) / 10;
  if (diff === 0) return { text: 'unchanged', color: MUTED };
  const better = higherIsBetter ? diff > 0 : diff < 0;
  return { text: `${diff > 0 ? '+' : ''}${diff}${unit} vs ${'previous period'}`, color: better ? GOOD : BAD };
}

// ---------- building blocks ----------

function tile(label: string, value: string, sub?: { text: string; color: string } | string | null): TableCell {
  const subCell = sub ? (typeof sub === 'string' ? { text: sub, fontSize: 7.5, color: MUTED } : { text: sub.text, fontSize: 7.5, color: sub.color }) : { text: ' ', fontSize: 7.5 };
  return {
    fillColor: TILE,
    margin: [8, 7, 8, 7],
    stack: [{ text: label.toUpperCase(), fontSize: 6.5, color: MUTED, bold: true }, { text: value, fontSize: 17, bold: true, color: INK, margin: [0, 3, 0, 1] }, subCell],
  };
}

const th = (text: string, alignment: 'left' | 'right' = 'left'): TableCell => ({ text, bold: true, fontSize: 8, color: MUTED, alignment });
const td = (text: string, alignment: 'left' | 'right' = 'left', extra: Record<string, unknown> = {}): TableCell => ({ text, alignment, ...extra }) as TableCell;

const tableLayout = {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 1 || i === node.table.body.length ? 0.8 : i === 0 ? 0 : 0.4),
  vLineWidth: () => 0,
  hLineColor: () => RULE,
  paddingTop: () => 4,
  paddingBottom: () => 4,
  paddingLeft: (i: number) => (i === 0 ? 0 : 6),
  paddingRight: () => 6,
};

function table(widths: Array<string | number>, header: TableCell[], rows: TableCell[][], empty: string): Content {
  if (!rows.length) return { text: empty, italics: true, color: MUTED, margin: [0, 0, 0, 6] };
  return { table: { headerRows: 1, widths, body: [header, ...rows] }, layout: tableLayout, margin: [0, 0, 0, 6] };
}

function section(title: string, intro?: string): Content[] {
  const out: Content[] = [{ text: title, style: 'h2' }];
  if (intro) out.push({ text: intro, color: MUTED, margin: [0, 0, 0, 6] });
  return out;
}

/** A heading never ends a page: it is kept together with the block after it. */
function keep(blocks: Content[], withFirst = 1): Content[] {
  const head = blocks.findIndex((b) => typeof b === 'object' && b !== null && 'style' in b && (b as { style?: string }).style === 'h2');
  if (head < 0) return blocks;
  const end = Math.min(blocks.length, head + (blocks.length - head > 1 ? 1 + withFirst : 1) + (blocks[head + 1] && typeof blocks[head + 1] === 'object' && 'color' in (blocks[head + 1] as object) ? 1 : 0));
  return [...blocks.slice(0, head), { stack: blocks.slice(head, end), unbreakable: true }, ...blocks.slice(end)];
}

// ---------- the document ----------

function headline(doc: SummaryDocument): Content {
  const points = doc.serviceLevels;
  const now = points[points.length - 1]!;
  const before = points[points.length - 2] ?? null;
  const h = doc.headline;
  const goals = h.goalsEvaluated ? `${h.goalsMet} of ${h.goalsEvaluated}` : 'n/a';
  const net = h.currency && h.goalsEvaluated ? `${h.netAmountMinor < 0 ? 'net credit ' : h.netAmountMinor > 0 ? 'net incentive ' : 'no credits or incentives'}${h.netAmountMinor ? moneyText(Math.abs(h.netAmountMinor), h.currency) : ''}` : 'no scorecard yet';
  return {
    table: {
      widths: ['*', '*', '*'],
      body: [
        [
          tile('Tickets opened', String(h.opened), before ? `${before.opened} in ${before.label}` : null),
          tile('First response in time', percentText(h.firstResponseCompliance), change(now.firstResponseCompliance.value, before?.firstResponseCompliance.value ?? null, ' pts')),
          tile('Resolved in time', percentText(h.resolutionCompliance), change(now.resolutionCompliance.value, before?.resolutionCompliance.value ?? null, ' pts')),
        ],
        [
          tile('Satisfaction (CSAT, 1-5)', scoreText(h.csatAverage, 1), h.csatAverage.sample ? plural(h.csatAverage.sample, 'answer') : 'no answers'),
          tile(`NPS (${periodLabel(doc.satisfaction.npsQuarter)})`, npsText(h.nps), h.nps.sample ? plural(h.nps.sample, 'answer') : 'no answers'),
          tile('Goals met', goals, net),
        ],
      ],
    },
    layout: { hLineWidth: () => 4, vLineWidth: () => 4, hLineColor: () => '#ffffff', vLineColor: () => '#ffffff', paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 },
    margin: [-4, 4, -4, 10],
  };
}

function narrativeBlock(narrative: string): Content[] {
  const paragraphs = narrative
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!paragraphs.length) return [];
  return [
    ...section('From your account manager'),
    { stack: paragraphs.map((p) => ({ text: p, margin: [0, 0, 0, 5] as [number, number, number, number], lineHeight: 1.25 })), margin: [0, 0, 0, 4] },
  ];
}

function serviceLevels(doc: SummaryDocument): Content[] {
  const rows = doc.serviceLevels.map((p, i): TableCell[] => {
    const bold = i === doc.serviceLevels.length - 1;
    return [
      td(p.label, 'left', { bold }),
      td(String(p.opened), 'right', { bold }),
      td(String(p.resolved), 'right', { bold }),
      td(percentText(p.firstResponseCompliance), 'right', { bold }),
      td(minutesText(p.medianTimeToRespond), 'right', { bold }),
      td(percentText(p.resolutionCompliance), 'right', { bold }),
      td(minutesText(p.medianTimeToResolve), 'right', { bold }),
      td(minutesText(p.meanTimeToResolve), 'right', { bold }),
    ];
  });
  return [
    ...section('Service levels', 'How quickly tickets were answered and resolved against the targets of the contract, this period and the three before it.'),
    { svg: trendSvg(doc), width: 515, margin: [0, 0, 0, 6] },
    table(
      [52, '*', '*', '*', '*', '*', '*', '*'],
      [th('Period'), th('Opened', 'right'), th('Resolved', 'right'), th('Response in time', 'right'), th('Median response', 'right'), th('Resolved in time', 'right'), th('Median resolution', 'right'), th('Mean resolution', 'right')],
      rows,
      'No tickets in these periods.',
    ),
  ];
}

function volumes(doc: SummaryDocument): Content[] {
  const v = doc.volumes;
  const counts = (rows: typeof v.byPriority) => rows.map((r): TableCell[] => [td(r.label), td(String(r.count), 'right')]);
  return [
    ...section('Volumes', `${plural(v.opened, 'ticket')} ${v.opened === 1 ? 'was' : 'were'} opened and ${v.resolved} resolved. At the period's end ${v.backlogAtEnd} ${v.backlogAtEnd === 1 ? 'ticket was' : 'tickets were'} open, ${v.backlogAged} of them older than ${v.agedDays} business days.`),
    {
      columns: [
        { width: 250, stack: [{ text: 'By category', style: 'h3' }, v.byCategory.length ? { svg: categorySvg(doc), width: 250 } : { text: 'No tickets.', italics: true, color: MUTED }] },
        { width: 10, text: '' },
        { width: '*', stack: [{ text: 'By priority', style: 'h3' }, table(['*', 'auto'], [th('Priority'), th('Tickets', 'right')], counts(v.byPriority), 'No tickets.')] },
        { width: 10, text: '' },
        { width: '*', stack: [{ text: 'By site', style: 'h3' }, table(['*', 'auto'], [th('Site'), th('Tickets', 'right')], counts(v.bySite), 'No tickets.')] },
      ],
      margin: [0, 0, 0, 4],
    },
  ];
}

function topIssues(doc: SummaryDocument): Content[] {
  const t = doc.topIssues;
  const share = (n: number) => (doc.volumes.opened ? `${Math.round((n / doc.volumes.opened) * 100)} %` : '');
  return [
    ...section('Top recurring issues'),
    table(['*', 'auto', 'auto'], [th('Kind of request'), th('Tickets', 'right'), th('Share', 'right')], t.catalogItems.map((r) => [td(r.label), td(String(r.count), 'right'), td(share(r.count), 'right')]), 'No catalogued requests in the period.'),
    { text: 'Long-standing problems', style: 'h3' },
    table(
      [48, '*', 58, '*'],
      [th('Problem'), th('Plan'), th('Status'), th('Next step')],
      t.problems.map((p) => [
        td(`PRB-${p.number}`, 'left', { bold: true }),
        { stack: [{ text: p.title, bold: true }, { text: p.plan || p.workaround || 'No plan recorded yet.', color: MUTED, fontSize: 8 }] },
        td(PROBLEM_STATUS[p.status] ?? p.status),
        td(p.nextMilestone ? `${p.nextMilestone.title}${p.nextMilestone.dueOn ? `, due ${dateText(p.nextMilestone.dueOn)}` : ''}` : p.resolvedAt ? `Resolved ${dateText(p.resolvedAt)}` : 'No milestone planned'),
      ]),
      'No long-standing problems were open in the period.',
    ),
  ];
}

function satisfaction(doc: SummaryDocument): Content[] {
  const s = doc.satisfaction;
  const j = s.journey;
  const stage: Content = j.current
    ? { text: [{ text: 'Where we stand: ', bold: true }, `${j.current.label} (since ${dateText(j.current.since)}).`] }
    : { text: 'No journey stage has been recorded yet.', color: MUTED };
  return [
    ...section('Satisfaction'),
    table(
      ['*', 'auto', 'auto'],
      [th('Measure'), th('Value', 'right'), th('Based on', 'right')],
      [
        [td('CSAT average score (1 to 5)'), td(scoreText(s.csatAverage), 'right'), td(plural(s.csatAverage.sample, 'answer'), 'right')],
        [td('Positive answers (4 or 5 of 5, or good)'), td(percentText(s.csatPositive), 'right'), td(plural(s.csatPositive.sample, 'answer'), 'right')],
        [td('Survey response rate'), td(percentText(s.csatResponseRate), 'right'), td(`${plural(s.csatResponseRate.sample, 'survey')} sent`, 'right')],
        [
          td(`Net Promoter Score, ${periodLabel(s.npsQuarter)}`),
          td(npsText(s.nps), 'right'),
          td(s.nps.sample ? `${plural(s.nps.promoters, 'promoter')}, ${plural(s.nps.passives, 'passive')}, ${plural(s.nps.detractors, 'detractor')}` : 'no answers', 'right'),
        ],
      ],
      '',
    ),
    { ...stage, margin: [0, 2, 0, 3] } as Content,
    ...(j.changes.length ? [{ ul: j.changes.map((c) => `${dateText(c.effectiveOn)}: moved to ${c.label}${c.note ? `. ${c.note}` : ''}`), margin: [0, 0, 0, 4] } as Content] : []),
  ];
}

function goals(doc: SummaryDocument): Content[] {
  const g = doc.goals;
  const value = (x: (typeof g.items)[number]) => (x.value === null ? 'n/a' : formatValue(x.value, x.unit));
  const rows = g.items.map((x): TableCell[] => [
    { stack: [{ text: x.objective, bold: true }, { text: `${x.metricLabel}${g.scorecards.length > 1 || x.periodKey.includes('Q') ? `, ${periodLabel(x.periodKey)}` : ''}`, color: MUTED, fontSize: 8 }] },
    td(`${comparatorSymbol(x.comparator)} ${formatValue(x.target, x.unit)}`, 'right'),
    td(value(x), 'right'),
    td(OUTCOME[x.outcome]?.text ?? x.outcome, 'left', { color: OUTCOME[x.outcome]?.color, bold: true }),
    td(x.amountMinor ? moneyText(x.amountMinor, g.currency) : '', 'right', { color: x.amountMinor < 0 ? BAD : x.amountMinor > 0 ? GOOD : undefined }),
  ]);
  const out = [...section('Goals')];
  out.push(table(['*', 'auto', 'auto', 'auto', 'auto'], [th('Goal'), th('Target', 'right'), th('Result', 'right'), th('Outcome'), th('Credit / incentive', 'right')], rows, 'No goals were evaluated for this period yet.'));
  if (g.items.length && g.currency) {
    out.push({
      text: [
        { text: 'Service credits: ', bold: true },
        moneyText(g.creditsMinor, g.currency),
        { text: '   Incentives: ', bold: true },
        moneyText(g.incentivesMinor, g.currency),
        { text: '   Net: ', bold: true },
        { text: moneyText(g.netMinor, g.currency), color: g.netMinor < 0 ? BAD : g.netMinor > 0 ? GOOD : INK, bold: true },
      ],
      margin: [0, 0, 0, 2],
    });
    out.push({ text: `From the scorecards of ${g.scorecards.map((s) => `${periodLabel(s.periodKey, true)} (revision ${s.revision}, ${s.status})`).join(', ')}. Credits are in the client's favour.`, fontSize: 7.5, color: MUTED });
  }
  return out;
}

function afterHours(doc: SummaryDocument): Content[] {
  const a = doc.afterHours;
  const text = a.entries
    ? `${plural(a.hours, 'hour')} of work ${a.hours === 1 ? 'was' : 'were'} done outside the coverage hours (${a.billableHours} billable, ${a.nonBillableHours} not billed), over ${a.entries} time ${a.entries === 1 ? 'entry' : 'entries'} in the period.`
    : 'No work was logged in the period.';
  return [...section('After-hours work'), { text }];
}

export async function renderSummaryPdf(data: SummaryRenderData): Promise<Buffer> {
  const doc = data.document;
  const draft = data.status === 'draft';
  const contract = doc.contract ? `${doc.contract.name}${doc.contract.planName && doc.contract.planName !== doc.contract.name ? ` (${doc.contract.planName} plan)` : ''}` : 'No contract in force';
  const issued = data.publishedAt ? `Published ${dateText(data.publishedAt)}` : 'Draft: not yet published, figures may still change';
  const content: Content[] = [
    { text: 'EXECUTIVE SUMMARY', fontSize: 8, bold: true, color: ACCENT },
    { text: doc.clientName, fontSize: 24, bold: true, color: INK, margin: [0, 2, 0, 0] },
    { text: doc.periodLabel, fontSize: 15, color: INK, margin: [0, 1, 0, 4] },
    { text: `Prepared by ${doc.organisation} for ${doc.clientName}  ·  ${contract}  ·  ${issued}`, color: MUTED, fontSize: 8.5 },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 515, y2: 0, lineWidth: 1.2, lineColor: ACCENT }], margin: [0, 8, 0, 8] },
    headline(doc),
    ...narrativeBlock(data.narrative),
    ...keep(serviceLevels(doc)),
    ...keep(volumes(doc)),
    ...keep(topIssues(doc)),
    ...keep(satisfaction(doc)),
    ...keep(goals(doc)),
    ...keep(afterHours(doc)),
    ...section('Changes and transitions'),
    { text: doc.changes.note, color: MUTED },
    ...section('How these figures are measured'),
    { ul: doc.notes, fontSize: 7.5, color: MUTED },
  ];
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 48],
    info: { title: `Executive summary ${doc.periodLabel}: ${doc.clientName}${draft ? ' (draft)' : ''}`, author: doc.organisation, subject: `Service delivery for ${doc.clientName}, ${doc.periodLabel}` },
    ...(draft ? { watermark: { text: 'DRAFT', color: '#999', opacity: 0.1, bold: true } } : {}),
    defaultStyle: { font: 'Helvetica', fontSize: 9, color: INK },
    styles: {
      h2: { fontSize: 12.5, bold: true, color: INK, margin: [0, 12, 0, 4] },
      h3: { fontSize: 9, bold: true, color: MUTED, margin: [0, 4, 0, 3] },
    },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: `${doc.organisation}  ·  Executive summary for ${doc.clientName}, ${doc.periodLabel}${draft ? '  ·  DRAFT' : ''}`, fontSize: 7, color: MUTED },
        { text: `Page ${page} of ${pages}`, fontSize: 7, color: MUTED, alignment: 'right' },
      ],
      margin: [40, 16, 40, 0],
    }),
    content,
  };
  return renderPdf(definition);
}

export function summaryFilename(doc: SummaryDocument, status: 'draft' | 'published'): string {
  const client = doc.clientName.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'client';
  return `executive-summary-${client}-${doc.periodKey}${status === 'draft' ? '-draft' : ''}.pdf`;
}
