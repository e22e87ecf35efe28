import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentLinks, documentSymbols, foldingRanges, parse, targetSections, type OutlineSymbol } from '../../server/src/core/index.js';

const doc = [
  '---', // 0
  'title: Mexico meta-synthesis',
  'report: "https://example.org/report.pdf"',
  '---',
  '',
  '## Main findings and considerations', // 5
  '',
  '### SDG 16.1 Reducing violence',
  '',
  'Text.',
  '', // 10
  '### SDG 16.3 Access to justice',
  '',
  'More text.',
  '',
  '## Sources of data reviewed', // 15
  '',
  '```sources',
  'evaluation reports: 21',
  '  country-level evaluations: 21',
  'projects: 35', // 20
  '```',
  '',
  '```js',
  'code();',
  '```', // 25
  '',
].join('\n');

function outline(symbols: readonly OutlineSymbol[]): unknown[] {
  return symbols.map((s) => (s.children.length > 0 ? [s.kind, s.name, s.detail ?? '', outline(s.children)] : [s.kind, s.name, s.detail ?? '']));
}

describe('outline, folding and links', () => {
  it('nests sections by level, with target sections and sources blocks and their total', () => {
    assert.deepEqual(outline(documentSymbols(parse(doc))), [
      ['front-matter', 'Front matter', 'Mexico meta-synthesis'],
      [
        'section',
        'Main findings and considerations',
        '',
        [
          ['target-section', 'SDG 16.1 Reducing violence', 'Significantly reduce all forms of violence and related…'],
          ['target-section', 'SDG 16.3 Access to justice', 'Promote the rule of law at the national and international…'],
        ],
      ],
      ['section', 'Sources of data reviewed', '', [['sources', 'sources', 'total 56', [['sources-entry', 'evaluation reports', '21'], ['sources-entry', 'projects', '35']]]]],
    ]);
  });

  it('lists target sections for workspace symbols', () => {
    const targets = targetSections(parse(doc));
    assert.deepEqual(targets.map((t) => [t.name, t.targets]), [
      ['SDG 16.1 Reducing violence', ['16.1']],
      ['SDG 16.3 Access to justice', ['16.3']],
    ]);
  });

  it('folds the front matter, sections, sources blocks and code blocks', () => {
    assert.deepEqual(
      foldingRanges(parse(doc)).map((f) => [f.kind, f.startLine, f.endLine]),
      [
        ['front-matter', 0, 3],
        ['section', 5, 13],
        ['section', 7, 9],
        ['section', 11, 13],
        ['section', 15, 25],
        ['sources', 17, 21],
        ['code', 23, 25],
      ],
    );
  });

  it('links the report URL', () => {
    const links = documentLinks(parse(doc));
    assert.deepEqual(links.map((l) => [l.target, doc.slice(l.span.start, l.span.end)]), [['https://example.org/report.pdf', 'https://example.org/report.pdf']]);
    assert.deepEqual(documentLinks(parse('---\nreport: not a link\n---\n')), []);
  });
});
