import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csat, entry, londonOffice, npsAnswer, ticket } from '../../domain/metrics/metric-test-fixtures';
import { buildSummary, type SummaryInput } from '../../domain/summaries';
import { categorySvg, trendSvg } from './summary-charts';
import { renderSummaryPdf, summaryFilename } from './summary-render';

const tickets = [
  ticket({ number: 1, created: '2026-10-05T10:00:00+01:00', category: 'hardware', siteId: 'basel', events: [['respond', '2026-10-05T10:30:00+01:00'], ['resolve', '2026-10-05T12:00:00+01:00']], timeEntries: [entry('2026-10-05T19:00:00+01:00', 3600, true)] }),
  ticket({ number: 2, created: '2026-10-06T10:00:00+01:00', priority: 'P1', category: 'software', events: [['respond', '2026-10-06T12:00:00+01:00'], ['resolve', '2026-10-07T10:00:00+01:00']] }),
  ticket({ number: 3, created: '2026-09-10T10:00:00+01:00', category: 'network', events: [['respond', '2026-09-10T10:20:00+01:00'], ['resolve', '2026-09-10T11:00:00+01:00']] }),
].map((t) => ({ ...t, catalogItemId: 'printer', catalogItemName: 'Printer jam' }));

const input: SummaryInput = {
  client: { id: 'c1', name: 'Contoso Ltd' },
  organisation: 'Northwind IT',
  contract: { id: 'k1', name: 'Managed services', planName: 'Gold' },
  periodKey: '2026-10',
  timeZone: 'Europe/London',
  calendar: londonOffice,
  tickets,
  surveys: { csat: [csat(1, { answered: '2026-10-10T12:00:00+01:00', rating: 5 })], nps: [npsAnswer('n1', 9, '2026-08-15T12:00:00+01:00')] },
  sites: new Map([['basel', 'Basel office']]),
  problems: [{ id: 'p1', number: 7, title: 'Basel printer jams', status: 'plan_agreed', plan: 'Replace the printer fleet in November', workaround: '', openedAt: new Date('2026-09-01T08:00:00Z'), resolvedAt: null, linkedTickets: 3, milestones: [{ title: 'Install new printers', dueOn: '2026-11-15', doneOn: null, position: 0 }] }],
  journey: [{ stage: 'easy_wins', effectiveOn: '2026-10-02', createdAt: new Date('2026-10-02T10:00:00Z'), note: 'First quick fixes done' }],
  scorecards: [
    {
      contractName: 'Managed services',
      periodKey: '2026-10',
      revision: 1,
      status: 'final',
      currency: 'EUR',
      goals: [{ periodKey: '2026-10', objective: 'Answer within the hour', metricLabel: 'First-response compliance', unit: 'percent', value: 50, comparator: 'gte', target: 95, outcome: 'missed', reason: '', amountMinor: -25_000 }],
    },
  ],
  generatedAt: new Date('2026-11-03T09:00:00Z'),
};

describe('summary PDF', () => {
  const doc = buildSummary(input);

  it('draws the charts as SVG without a browser', () => {
    const svg = trendSvg(doc);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('First response in time');
    expect(categorySvg(doc)).toContain('Hardware');
  });

  it('reads as a document: cover line, headline figures, narrative, sections, the no-changes note', async () => {
    const pdf = await renderSummaryPdf({ document: doc, narrative: 'October was calm.\n\nThe printer plan is on track.', status: 'published', publishedAt: new Date('2026-11-04T10:00:00Z') });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'summary-'));
    const file = join(dir, 'summary.pdf');
    writeFileSync(file, pdf);
    // SUMMARY_PDF_OUT=/tmp/x.pdf keeps a copy to look at (pdftoppm -png -r 80 /tmp/x.pdf /tmp/x).
    if (process.env.SUMMARY_PDF_OUT) writeFileSync(process.env.SUMMARY_PDF_OUT, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of ['EXECUTIVE SUMMARY', 'Contoso Ltd', 'October 2026', 'Prepared by Northwind IT', 'Published 4 November 2026', 'October was calm.', 'The printer plan is on track.', 'Service levels', 'Basel printer jams', 'Install new printers', 'Answer within the hour', 'Missed', 'Changes and transitions', 'not yet recorded'])
      expect(text).toContain(expected);
    // The headline: 2 opened in October, first response in time 50 % (t1 met, t2 late).
    expect(text).toMatch(/50 %/);
    expect(text).toContain('-€250.00');
  });

  it('marks a draft and names the file after the client and period', async () => {
    expect(summaryFilename(doc, 'draft')).toBe('executive-summary-contoso-ltd-2026-10-draft.pdf');
    const pdf = await renderSummaryPdf({ document: doc, narrative: '', status: 'draft', publishedAt: null });
    const file = join(mkdtempSync(join(tmpdir(), 'summary-')), 'd.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Draft: not yet published');
  });
});
