import type { ScheduleCell, ScheduleDocument, ScheduleGoal } from '../../domain/pact/schedule-document';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const cell = (c: ScheduleCell | null, k: keyof ScheduleCell) => (c ? esc(c[k]) : '<span class="na">-</span>');

function goalHtml(g: ScheduleGoal): string {
  const rows: [string, string | null][] = [
    ['What is measured', g.measure],
    ['How it is measured', g.method],
    ['Target', g.target],
    ['Period', g.period],
    ['Minimum sample', g.minimumSample],
    ['If missed', g.penalty],
    ['If met', g.incentive],
  ];
  return `<section class="goal"><h3>${esc(g.objective)}</h3><dl>${rows
    .filter((r): r is [string, string] => r[1] !== null)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
    .join('')}</dl></section>`;
}

/**
 * The schedule as one self-contained HTML page: escaped, printable (A4), and readable on a
 * phone (tables become labelled rows on narrow screens).
 */
export function renderScheduleHtml(doc: ScheduleDocument): string {
  const priorities = doc.priorities
    .map(
      (p) => `<tr><th scope="row">${esc(p.priority)} ${esc(p.name)}<small>${esc(p.calendarName)}</small></th>
<td data-label="Remote response">${esc(p.remote.response)}</td><td data-label="Remote resolution">${esc(p.remote.resolution)}</td>
<td data-label="On-site response">${esc(p.onsite.response)}</td><td data-label="On-site resolution">${esc(p.onsite.resolution)}</td></tr>`,
    )
    .join('\n');
  const catalog = doc.catalog
    .map(
      (g) => `<h2>${esc(g.categoryName)}</h2>
<table><thead><tr><th>Issue</th><th>Priority</th><th>Remote response</th><th>Remote resolution</th><th>On-site response</th><th>On-site resolution</th></tr></thead><tbody>
${g.items
  .map(
    (i) => `<tr><th scope="row">${esc(i.name)}${i.agreedForClient ? ' <em>(agreed for you)</em>' : ''}</th><td data-label="Priority">${esc(i.priority)}</td>
<td data-label="Remote response">${cell(i.remote, 'response')}</td><td data-label="Remote resolution">${cell(i.remote, 'resolution')}</td>
<td data-label="On-site response">${cell(i.onsite, 'response')}</td><td data-label="On-site resolution">${cell(i.onsite, 'resolution')}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`,
    )
    .join('\n');
  const goals = doc.goals.length
    ? `<h2>Goals</h2>
<p>Each goal is evaluated for its period from the same ticket data as the targets above, and the result is in your scorecard.</p>
${doc.goals.map(goalHtml).join('\n')}`
    : '';
  const responsibilities = doc.responsibilities.length
    ? `<h2>Your responsibilities</h2>
<ul class="responsibilities">${doc.responsibilities.map((r) => `<li><strong>${esc(r.description)}</strong><br>${esc(r.measure)}. ${esc(r.consequence)}</li>`).join('')}</ul>`
    : '';
  const riders = doc.riders.length ? `<p><strong>Riders:</strong> ${doc.riders.map((r) => `${esc(r.name)} from ${esc(r.from)} (${esc(r.effect)})`).join('; ')}</p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.title)}: ${esc(doc.clientName)}</title>
<style>
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1a1a1a;max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.15rem;margin:1.6rem 0 .4rem}
.basis{font-style:italic;color:#444}table{width:100%;border-collapse:collapse;margin:.3rem 0}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}thead th{background:#f3f4f6;font-size:.85rem}
th small{display:block;font-weight:normal;color:#555;font-size:.75rem}.na{color:#999}
.goal{border:1px solid #ddd;border-radius:6px;padding:.4rem .8rem;margin:.6rem 0;break-inside:avoid}.goal h3{font-size:1rem;margin:.2rem 0 .3rem}
.goal dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}.goal dt{font-weight:600;color:#444}.goal dd{margin:0}
.responsibilities li{margin:.3rem 0}
@media (max-width:640px){.goal dl{grid-template-columns:1fr}.goal dd{margin-bottom:.3rem}table,thead,tbody,tr,th,td{display:block}thead{display:none}tr{border:1px solid #ddd;border-radius:6px;margin:.6rem 0;padding:.3rem}
td,th{border:0;padding:.2rem .4rem}td::before{content:attr(data-label) ": ";font-weight:600;color:#444}}
@media print{body{max-width:none;font-size:10pt;padding:0}@page{size:A4;margin:15mm}h2{break-after:avoid}tr{break-inside:avoid}}
</style></head><body>
<header><h1>${esc(doc.title)}</h1>
<p>${esc(doc.organisation)} for <strong>${esc(doc.clientName)}</strong><br>${esc(doc.contractName)}, ${esc(doc.period)}</p>
<p class="basis">${esc(doc.basis)}</p>
<p><strong>Plan:</strong> ${esc(doc.planName)}</p>${riders}</header>
<main>
<h2>Targets by priority</h2>
<table><thead><tr><th>Priority</th><th>Remote response</th><th>Remote resolution</th><th>On-site response</th><th>On-site resolution</th></tr></thead>
<tbody>
${priorities}
</tbody></table>
${catalog}
${goals}
${responsibilities}
<h2>How the times are measured</h2>
<ul>${doc.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>
</main>
<footer><p><small>Generated ${esc(doc.generatedAt)}.</small></p></footer>
</body></html>
`;
}
