import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderPdf } from '../../http/pdf';
import type { ScheduleCell, ScheduleDocument } from '../../domain/pact/schedule-document';


const cellText = (c: ScheduleCell | null, k: keyof ScheduleCell) => (c ? c[k] : '-');

/** The schedule as a PDF (A4, Helvetica). A thin layout over the schedule's data. */
export async function renderSchedulePdf(doc: ScheduleDocument): Promise<Buffer> {
  const header = (cols: string[]) => cols.map((text) => ({ text, style: 'th' }));
  const content: Content[] = [
    { text: doc.title, style: 'h1' },
    { text: `${doc.organisation} for ${doc.clientName}`, style: 'lead' },
    { text: `${doc.contractName}, ${doc.period}`, margin: [0, 0, 0, 2] },
    { text: doc.basis, italics: true, margin: [0, 0, 0, 8] },
    { text: [{ text: 'Plan: ', bold: true }, doc.planName] },
    ...(doc.riders.length ? [{ text: [{ text: 'Riders: ', bold: true }, doc.riders.map((r) => `${r.name} from ${r.from} (${r.effect})`).join('; ')] } as Content] : []),
    { text: 'Targets by priority', style: 'h2' },
    {
      table: {
        headerRows: 2,
        widths: ['auto', '*', '*', '*', '*'],
        body: [
          [{ text: 'Priority', style: 'th', rowSpan: 2 }, { text: 'Remote', style: 'th', colSpan: 2 }, {}, { text: 'On site', style: 'th', colSpan: 2 }, {}],
          [{}, ...header(['Response', 'Resolution', 'Response', 'Resolution'])],
          ...doc.priorities.map((p) => [
            { text: [{ text: `${p.priority} ${p.name}\n`, bold: true }, { text: p.calendarName, fontSize: 7, color: '#555' }] },
            p.remote.response,
            p.remote.resolution,
            p.onsite.response,
            p.onsite.resolution,
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    },
  ];
  for (const group of doc.catalog) {
    content.push({ text: group.categoryName, style: 'h2' });
    content.push({
      table: {
        headerRows: 1,
        widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto'],
        body: [
          header(['Issue', 'Priority', 'Remote response', 'Remote resolution', 'On-site response', 'On-site resolution']),
          ...group.items.map((i) => [
            i.agreedForClient ? `${i.name} (agreed for you)` : i.name,
            i.priority,
            cellText(i.remote, 'response'),
            cellText(i.remote, 'resolution'),
            cellText(i.onsite, 'response'),
            cellText(i.onsite, 'resolution'),
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8,
    });
  }
  if (doc.goals.length) {
    content.push({ text: 'Goals', style: 'h2' }, { text: 'Each goal is evaluated for its period from the same ticket data as the targets above, and the result is in your scorecard.', margin: [0, 0, 0, 4] });
    for (const g of doc.goals) {
      const rows: [string, string | null][] = [
        ['What is measured', g.measure],
        ['How it is measured', g.method],
        ['Target', g.target],
        ['Period', g.period],
        ['Minimum sample', g.minimumSample],
        ['If missed', g.penalty],
        ['If met', g.incentive],
      ];
      content.push({ text: g.objective, bold: true, fontSize: 10, margin: [0, 6, 0, 2] });
      content.push({
        table: { widths: [100, '*'], body: rows.filter((r): r is [string, string] => r[1] !== null).map(([k, v]) => [{ text: k, bold: true }, v]) },
        // Label and value rows, no header: thin lines between rows only.
        layout: { hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 0 : 0.5), vLineWidth: () => 0, hLineColor: () => '#cccccc' },
        unbreakable: true,
      });
    }
  }
  if (doc.responsibilities.length) {
    content.push(
      { text: 'Your responsibilities', style: 'h2' },
      { ul: doc.responsibilities.map((r) => ({ text: [{ text: `${r.description}\n`, bold: true }, `${r.measure}. ${r.consequence}`], margin: [0, 0, 0, 4] })) },
    );
  }
  content.push({ text: 'How the times are measured', style: 'h2' }, { ul: doc.notes });
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    info: { title: `${doc.title}: ${doc.clientName}`, author: doc.organisation },
    defaultStyle: { font: 'Helvetica', fontSize: 9 },
    styles: { h1: { fontSize: 18, bold: true }, h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] }, lead: { fontSize: 11, margin: [0, 2, 0, 4] }, th: { bold: true } },
    footer: (page: number, pages: number) => ({ text: `${doc.title}, ${doc.clientName}, generated ${doc.generatedAt}. Page ${page} of ${pages}`, fontSize: 7, alignment: 'center', margin: [0, 20, 0, 0] }),
    content,
  };
  return renderPdf(definition);
}
