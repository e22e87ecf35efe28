/**
 * The evidence coverage page: the answer of the server's `synthesis/coverage` request as an HTML
 * table (targets × evaluations), weak target sections highlighted. Pure (no `vscode` import), so
 * unit tests can check it; client/src/coverage.ts shows it in a webview.
 *
 * Everything that comes from documents or registers is escaped. The page runs no script and its
 * Content-Security-Policy allows only the one inline style block carrying the nonce.
 */
import type { CoverageResult } from '../../server/src/lsp/protocol.js';

/** The page's own words, in the display language. */
export interface CoverageLabels {
  title: string;
  /** "{0} target sections in {1} syntheses". */
  summary: (targets: number, files: number) => string;
  /** "{0} rest on fewer than {1} evaluations". */
  weakSummary: (weak: number, minimum: number) => string;
  target: string;
  evaluations: string;
  weak: string;
  empty: string;
  evaluationList: string;
  notInTargets: string;
  notRegistered: string;
  files: string;
}

export const ENGLISH_LABELS: CoverageLabels = {
  title: 'Evidence coverage',
  summary: (t, f) => `${t} target ${t === 1 ? 'section' : 'sections'} in ${f} ${f === 1 ? 'synthesis' : 'syntheses'}.`,
  weakSummary: (w, m) => (w === 0 ? `Every target rests on at least ${m} ${m === 1 ? 'evaluation' : 'evaluations'}.` : `${w} ${w === 1 ? 'target rests' : 'targets rest'} on fewer than ${m} ${m === 1 ? 'evaluation' : 'evaluations'} (marked ⚠).`),
  target: 'Target',
  evaluations: 'Evaluations',
  weak: 'fewer evaluations than the minimum',
  empty: 'No target sections (headings such as “### SDG 16.1 …”) were found, so there is nothing to map.',
  evaluationList: 'Evaluations',
  notInTargets: 'not cited in any target section',
  notRegistered: 'not in the evidence register',
  files: 'Syntheses',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The whole page. `nonce` authorises the inline styles; `fileName` turns a file URI into what the
 * user sees (a workspace-relative path).
 */
export function coverageHtml(result: CoverageResult, options: { nonce: string; fileName?: (uri: string) => string; labels?: CoverageLabels; lang?: string }): string {
  const labels = options.labels ?? ENGLISH_LABELS;
  const name = options.fileName ?? ((uri: string) => decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)));
  const nonce = escapeHtml(options.nonce);
  const weak = result.targets.filter((t) => t.weak).length;
  const body: string[] = [`<h1>${escapeHtml(labels.title)}</h1>`];
  if (result.targets.length === 0) {
    body.push(`<p>${escapeHtml(labels.empty)}</p>`);
  } else {
    body.push(`<p>${escapeHtml(labels.summary(result.targets.length, result.files.length))} ${escapeHtml(labels.weakSummary(weak, result.minimum))}</p>`);
    const head = result.evaluations
      .map((e) => `<th scope="col" class="evaluation"${e.title ? ` title="${escapeHtml(e.title)}"` : ''}><span>${escapeHtml(e.label)}</span></th>`)
      .join('');
    const rows = result.targets.map((t, i) => {
      const cells = (result.matrix[i] ?? []).map((n, j) => {
        const id = result.evaluations[j]?.label ?? '';
        return n > 0 ? `<td class="cited" title="${escapeHtml(`${t.target} · ${id} (${n})`)}">✓</td>` : '<td></td>';
      });
      const mark = t.weak ? `<span class="mark" title="${escapeHtml(labels.weak)}">⚠</span> ` : '';
      const where = t.sections.map((s) => `${name(s.file)}:${s.line}`).join('\n');
      return (
        `<tr${t.weak ? ' class="weak"' : ''}>` +
        `<th scope="row" title="${escapeHtml(where)}">${escapeHtml(t.target)}</th>` +
        `<td class="title">${escapeHtml(t.title ?? '')}</td>` +
        `<td class="count">${mark}${t.evaluations.length}</td>${cells.join('')}</tr>`
      );
    });
    body.push(
      '<div class="scroll"><table>',
      `<thead><tr><th scope="col">${escapeHtml(labels.target)}</th><th scope="col"></th><th scope="col">${escapeHtml(labels.evaluations)}</th>${head}</tr></thead>`,
      `<tbody>${rows.join('')}</tbody>`,
      '</table></div>',
    );
  }
  if (result.criteria && result.criteria.rows.length > 0) body.push(...criteriaSection(result.criteria));
  if (result.evaluations.length > 0) {
    body.push(`<h2>${escapeHtml(labels.evaluationList)}</h2>`, '<ul class="evaluations">');
    for (const e of result.evaluations) {
      const facts = [e.year, e.type].filter((f) => f !== undefined && f !== '').join(', ');
      const where = e.targets.length > 0 ? e.targets.join(', ') : labels.notInTargets;
      const unknown = e.registered ? '' : ` — ${labels.notRegistered}`;
      body.push(`<li><strong>${escapeHtml(e.label)}</strong>${e.title ? ` ${escapeHtml(e.title)}` : ''}${facts ? ` (${escapeHtml(facts)})` : ''}: ${escapeHtml(where + unknown)}</li>`);
    }
    body.push('</ul>');
  }
  if (result.files.length > 0) {
    body.push(`<h2>${escapeHtml(labels.files)}</h2>`, `<ul>${result.files.map((f) => `<li>${escapeHtml(name(f))}</li>`).join('')}</ul>`);
  }
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(options.lang ?? 'en')}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}';">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(labels.title)}</title>`,
    `<style nonce="${nonce}">${STYLE}</style>`,
    '</head>',
    `<body>${body.join('\n')}</body>`,
    '</html>',
  ].join('\n');
}

/**
 * The target × criterion view, in the words of `synthlint coverage --by criterion` (the server sends
 * them in the display language): per target, how many cited evaluations inform each OECD-DAC
 * criterion (their codes as tooltip), ✗ where none does.
 */
function criteriaSection(view: NonNullable<CoverageResult['criteria']>): string[] {
  const { words } = view;
  const out = [`<h2>${escapeHtml(words.title)}</h2>`];
  if (!view.informed) return [...out, `<p class="note">${escapeHtml(words.noCriteria)}</p>`];
  const name = (c: string): string => words.names[c] ?? c;
  const head = view.criteria.map((c) => `<th scope="col">${escapeHtml(name(c))}</th>`).join('');
  const rows = view.rows.map((r) => {
    const cells = r.cells.map((ids, i) => {
      const criterion = name(view.criteria[i] ?? '');
      return ids.length === 0 ? `<td class="gap" title="${escapeHtml(`${r.target} · ${criterion}`)}">✗</td>` : `<td class="informed" title="${escapeHtml(`${r.target} · ${criterion}: ${ids.join(', ')}`)}">${ids.length}</td>`;
    });
    return `<tr><th scope="row"${r.title ? ` title="${escapeHtml(r.title)}"` : ''}>${escapeHtml(r.target)}</th>${cells.join('')}</tr>`;
  });
  const gaps = view.rows.filter((r) => r.uninformed.length > 0);
  out.push(
    `<p>${escapeHtml(words.intro)}</p>`,
    '<div class="scroll"><table class="criteria">',
    `<thead><tr><th scope="col">${escapeHtml(words.target)}</th>${head}</tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    '</table></div>',
    gaps.length === 0 ? `<p>${escapeHtml(words.all)}</p>` : `<p>${escapeHtml(words.missing)}: ${gaps.map((r) => escapeHtml(`${r.target} (${r.uninformed.map(name).join(', ')})`)).join('; ')}</p>`,
  );
  return out;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 1.5em 2em; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.5em; }
.scroll { overflow: auto; max-height: 70vh; border: 1px solid var(--vscode-panel-border, transparent); }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--vscode-editorWidget-border, rgba(128,128,128,.35)); padding: .25em .5em; text-align: left; vertical-align: bottom; }
thead th { position: sticky; top: 0; background: var(--vscode-editor-background); }
th.evaluation { font-weight: normal; }
th.evaluation span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
td.title { max-width: 28em; color: var(--vscode-descriptionForeground); }
td.count { text-align: right; white-space: nowrap; }
td.cited { text-align: center; color: var(--vscode-charts-green, inherit); }
tr.weak th, tr.weak td.title, tr.weak td.count { background: var(--vscode-inputValidation-warningBackground, rgba(255,200,0,.15)); }
.mark { color: var(--vscode-editorWarning-foreground, inherit); }
ul.evaluations li { margin: .2em 0; }
table.criteria td { text-align: center; }
td.gap { color: var(--vscode-editorWarning-foreground, inherit); }
.note { font-style: italic; }
`;
