/**
 * The page a browser prints as the PDF brief: the language service's standalone page (the same
 * rendering as the preview: title block, SDG badges, sources figures, findings by target), without
 * problem marks, with print styles that fit a brief the length of a two-page UN brief on two A4 or
 * Letter pages.
 */
import type { DocumentAnalysis, LanguageService } from '../service/service.js';

export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];

/** The print styles: compact type, the title block's labels followed by a colon (so a PDF's text reads "Country: Mexico"). */
export function printCss(paper: Paper): string {
  return `
@page { size: ${paper === 'letter' ? 'letter' : 'A4'}; margin: 13mm 14mm 14mm; }
html, body { background: #ffffff; }
body { font-size: 9.4pt; line-height: 1.36; }
main.synthesis-document { max-width: none; margin: 0; padding: 0; }
.synthesis-title-block { margin: 0 0 8pt; padding: 0 0 6pt; }
.synthesis-title-block .synthesis-title { font-size: 17pt; margin: 0 0 5pt; }
.synthesis-meta { font-size: 8.8pt; gap: 1pt 8pt; }
.synthesis-meta dt::after { content: ':'; }
h1, h2, h3, h4 { break-after: avoid; }
h2 { font-size: 10.5pt; margin: 9pt 0 3pt; }
h3 { font-size: 9.6pt; margin: 6pt 0 1pt; color: #00689d; }
p, ul, ol { margin: 0 0 4pt; }
.sources-tiles { gap: 6pt; margin: 4pt 0 6pt; }
.sources-tile { padding: 5pt 7pt; max-width: none; }
.sources-tile > .sources-count { font-size: 18pt; }
.sources-tile > .sources-label { font-size: 8pt; }
.sources-breakdown { margin-top: 2pt; font-size: 8pt; }
.sdg-badge { font-size: 0.85em; }
`;
}

/** The complete page to print, rendered by the service from the document's analysis. */
export function printPage(service: Pick<LanguageService, 'render'>, analysis: DocumentAnalysis, paper: Paper): { html: string; title: string } {
  // The brief stays a brief: the summary matrix annex is for the Word and HTML exports.
  return service.render(analysis, { standalone: true, showProblems: false, extraCss: printCss(paper), annexes: false });
}
