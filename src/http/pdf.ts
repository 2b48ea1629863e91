import * as pdfmakeModule from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

// pdfmake 0.3 is CommonJS (module.exports = instance): under Node's ESM loader the instance is the default export.
const pdfmake = ((pdfmakeModule as unknown as { default?: typeof pdfmakeModule }).default ?? pdfmakeModule) as typeof pdfmakeModule;
let configured = false;

function configure() {
  if (configured) return;
  // The 14 standard PDF fonts are built into every reader: no font files, no file or URL access.
  const helvetica = { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' };
  pdfmake.setFonts({ Helvetica: helvetica });
  pdfmake.setUrlAccessPolicy(() => false);
  // pdfmake asks the local policy about font names too; only the standard font names pass.
  const standard = new Set(Object.values(helvetica));
  pdfmake.setLocalAccessPolicy((path) => standard.has(path));
  configured = true;
}

/**
 * A pdfmake document as PDF bytes, in Helvetica (set `defaultStyle.font` to 'Helvetica'). Every
 * PDF servicepact writes (schedules, statements, executive summaries) goes through here.
 */
export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(definition).getBuffer();
}
