/**
 * The renderer's styles, as strings: the core does no I/O. `PREVIEW_CSS` styles what the renderer
 * adds (title block, SDG badges, sources tiles, problem marks) and inherits fonts and colours, so
 * it sits well in an editor theme. `PAGE_CSS` adds the page itself (type, width, print) for the
 * exported brief.
 */
import { getCatalogue } from '../sdg/catalogue.js';

/** Dark text on light goal colours (e.g. goal 7's yellow), white text on the others (the preview, the page and Word alike). */
export function textColourOn(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (v: number): number => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  // Contrast with white is (1.05) / (L + 0.05); with near-black (#1a1a1a, L ≈ 0.010) it is (L + 0.05) / 0.060.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.06 ? '#ffffff' : '#1a1a1a';
}

const goalRules = getCatalogue('en')
  .goals.map((g) => `.sdg-badge.sdg-goal-${g.number} { background: ${g.colour}; color: ${textColourOn(g.colour)}; }`)
  .join('\n');

export const PREVIEW_CSS = `
.synthesis-title-block { margin: 0 0 2rem; padding: 0 0 1rem; border-bottom: 3px solid var(--synthesis-accent, #00689d); }
.synthesis-title-block .synthesis-title { margin: 0 0 0.75rem; font-size: 1.9rem; line-height: 1.2; text-transform: uppercase; letter-spacing: 0.02em; border: 0; }
.synthesis-meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
.synthesis-meta dt { font-weight: 600; }
.synthesis-meta dd { margin: 0; }
.synthesis-meta a { word-break: break-all; }

.sdg-badge { display: inline-block; padding: 0 0.45em; border-radius: 0.3em; font-weight: 700; font-size: 0.9em; line-height: 1.5; white-space: nowrap; cursor: help; }
${goalRules}
.sdg-badge.sdg-unknown { background: transparent; color: inherit; border: 1px dashed #c62828; }

.sources-tiles { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0 1.5rem; }
.sources-tile { flex: 1 1 10rem; max-width: 16rem; padding: 0.9rem 1rem; border-top: 4px solid var(--synthesis-accent, #00689d); background: var(--synthesis-tile-background, rgba(127, 127, 127, 0.08)); break-inside: avoid; }
.sources-tile > .sources-count { display: block; font-size: 2.4rem; font-weight: 800; line-height: 1.1; color: var(--synthesis-accent, #00689d); }
.sources-tile > .sources-label { display: block; font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; }
.sources-breakdown { margin: 0.5rem 0 0; padding-left: 1rem; font-size: 0.9em; list-style: square; }
.sources-breakdown .sources-count { font-weight: 700; }

.synthesis-consideration { border-left: 4px solid var(--synthesis-accent, #00689d); padding: 0.35rem 0.7rem; background: rgba(0, 104, 157, 0.07); }
.synthesis-consideration-label { color: var(--synthesis-accent, #00689d); }
li.synthesis-consideration-item::marker { color: var(--synthesis-accent, #00689d); }

.synthesis-flow { border-collapse: separate; border-spacing: 0.4rem 0; margin: 1rem 0 1.5rem; }
.synthesis-flow td, .synthesis-flow th { border: 0; padding: 0; vertical-align: middle; }
.synthesis-flow .synthesis-flow-phase { writing-mode: vertical-rl; transform: rotate(180deg); font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.04em; color: var(--synthesis-accent, #00689d); }
.synthesis-flow .synthesis-flow-box, .synthesis-flow .synthesis-flow-side { border: 2px solid var(--synthesis-accent, #00689d); padding: 0.4rem 0.6rem; }
.synthesis-flow .synthesis-flow-side { border-style: solid; border-color: #888; }
.synthesis-flow .synthesis-flow-derived { border-style: dashed; }
.synthesis-flow .synthesis-flow-arrow { text-align: center; font-size: 1.2em; }
.synthesis-flow ul { margin: 0.2rem 0 0; padding-left: 1.1rem; }

.synthesis-annex { break-before: page; }
.synthesis-matrix { width: 100%; border-collapse: collapse; font-size: 0.92em; }
.synthesis-matrix th, .synthesis-matrix td { border: 1px solid #bbb; padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; }
.synthesis-matrix thead th { background: rgba(0, 104, 157, 0.1); }
.synthesis-matrix p { margin: 0 0 0.4rem; }
.synthesis-matrix-note { font-style: italic; }
.synthesis-coverage td { text-align: center; }
.synthesis-coverage td:first-child { text-align: left; }

.synthesis-problem { border-left: 4px solid; padding-left: 0.6rem; margin-left: -0.85rem; }
.synthesis-problem-error { border-left-color: #d32f2f; background: rgba(211, 47, 47, 0.07); }
.synthesis-problem-warning { border-left-color: #f9a825; background: rgba(249, 168, 37, 0.08); }
.synthesis-problem-info { border-left-color: #1e88e5; background: rgba(30, 136, 229, 0.06); }

.synthesis-notice { padding: 0.75rem 1rem; border: 1px solid #1e88e5; border-radius: 0.3rem; }
`;

export const PAGE_CSS = `
html { color: #1a1a1a; background: #ffffff; }
body { margin: 0; font: 16px/1.55 "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main.synthesis-document { max-width: 52rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
h1, h2, h3, h4 { line-height: 1.25; }
h2 { margin-top: 2rem; text-transform: uppercase; letter-spacing: 0.02em; font-size: 1.25rem; color: var(--synthesis-accent, #00689d); }
h3 { font-size: 1.05rem; }
a { color: #00689d; }
img { max-width: 100%; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ccc; padding: 0.3rem 0.6rem; }
pre { overflow-x: auto; padding: 0.75rem; background: #f4f4f4; }
@media print {
  @page { margin: 18mm 16mm; }
  body { font-size: 11pt; }
  main.synthesis-document { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h1, h2, h3, h4 { break-after: avoid; }
  .sources-tiles, .synthesis-title-block, table, pre, blockquote { break-inside: avoid; }
  a { color: inherit; }
}
`;
