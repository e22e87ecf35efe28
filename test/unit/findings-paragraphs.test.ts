// The paragraphs the findings checks read (findings, considerations, the lists they announce) are
// the paragraphs remark reads in the whole document, as the preview shows them, although the
// checks read one top-level block at a time: a block is read with what stands before it in the
// document where that changes it (definitions it refers to, an indented code block, the link
// definitions a paragraph goes on after with no blank line between).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Nodes, Parent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { findMissingConsiderations, parse, parseEvidenceRegister, proseParagraphs, summaryMatrix, targetFindings, type ProseParagraph } from '../../server/src/core/index.js';

const remark = unified().use(remarkParse).use(remarkGfm);

/** What a user sees of a paragraph: where it is, its words, the label that opens it, the list item it stands in and the list after it. */
interface Seen {
  span: [number, number];
  prose: string;
  lead: string | undefined;
  item: [list: number, start: number, end: number, first: boolean] | undefined;
  listAfter: number | undefined;
}

/**
 * The paragraphs of remark's tree of the whole `text` (outside headings, code, HTML and tables),
 * with their words: the text nodes' characters, everything else blank.
 */
function remarkParagraphs(text: string): Seen[] {
  const out: Seen[] = [];
  let lists = 0;
  const at = (node: Nodes): [number, number] => [node.position!.start.offset!, node.position!.end.offset!];
  const visit = (parent: Parent, item: Seen['item']): void => {
    const children = parent.children as Nodes[];
    const ids = new Map<Nodes, number>();
    for (const child of children) if (child.type === 'list') ids.set(child, lists++);
    let first = item !== undefined;
    children.forEach((child, i) => {
      if (child.type === 'paragraph') {
        const [start, end] = at(child);
        const chars = new Array<string>(end - start).fill(' ');
        const copy = (node: Nodes): void => {
          if (node.type === 'text') for (let o = at(node)[0]; o < at(node)[1]; o++) chars[o - start] = text[o]!;
          else if ('children' in node) (node.children as Nodes[]).forEach(copy);
        };
        copy(child);
        const lead = child.children[0];
        const next = children[i + 1];
        out.push({
          span: [start, end],
          prose: chars.join(''),
          lead: lead?.type === 'strong' && at(lead)[0] === start ? text.slice(...at(lead)) : undefined,
          item: item && [item[0], item[1], item[2], first],
          listAfter: next?.type === 'list' ? ids.get(next) : undefined,
        });
      } else if (child.type === 'list') {
        for (const entry of child.children) visit(entry, [ids.get(child)!, ...at(entry), true]);
      } else if (child.type === 'blockquote') {
        visit(child, item);
      }
      first = false;
    });
  };
  visit(remark.parse(text), undefined);
  return numberedInOrder(out);
}

function readByChecks(text: string): Seen[] {
  const document = parse(text);
  const seen = proseParagraphs(document, { start: 0, end: text.length }).map(
    (p: ProseParagraph): Seen => ({
      span: [p.span.start, p.span.end],
      prose: p.prose,
      lead: p.lead && text.slice(p.lead.span.start, p.lead.span.end),
      item: p.item && [p.item.list, p.item.span.start, p.item.span.end, p.item.first],
      listAfter: p.listAfter,
    }),
  );
  return numberedInOrder(seen);
}

/** Lists numbered in the order they first show (the two readers number nested lists in different orders). */
function numberedInOrder(seen: Seen[]): Seen[] {
  const numbers = new Map<number, number>();
  const renumber = (n: number | undefined): number | undefined => {
    if (n === undefined) return undefined;
    if (!numbers.has(n)) numbers.set(n, numbers.size);
    return numbers.get(n);
  };
  return seen.map((s) => ({ ...s, item: s.item && [renumber(s.item[0])!, s.item[1], s.item[2], s.item[3]], listAfter: renumber(s.listAfter) }));
}

const HEAD = '## Findings\n\n### SDG 16.3 Rule of law\n\n';
const register = parseEvidenceRegister(['id,title,year,type', 'PER-01,Legal aid,2017,country', 'PER-02,Justice houses,2019,country'].join('\n'), 'evidence.csv');

describe('a paragraph that goes on after link definitions, with no blank line between', () => {
  // Each line after the definition is paragraph text in the whole document (it cannot interrupt
  // the paragraph the definition's run of lines goes on into), or starts what remark reads there.
  const cases: Array<[what: string, lines: string]> = [
    ['an empty list item `-`', '-\nCourts adopted case management [@PER-01].'],
    ['an empty list item `*` with spaces after it', '*   \nCourts adopted case management [@PER-01].'],
    ['an ordered item that does not start at 1', '2019. Courts adopted case management [@PER-01].'],
    ['an ordered item `2)`', '2) **Consideration:** courts could fund legal aid in stages.'],
    ['a line `===` (no heading above it)', '===\nCourts adopted case management [@PER-01].'],
    ['a setext underline `---` under an empty list item', '-\n---\nCourts adopted case management [@PER-01].'],
    ['a table whose head row is an ordered item', '2)\n| --- |\n| Courts adopted case management [@PER-01]. |'],
    ['a quoted line, after a definition with a title', '"Legal aid"\nCourts adopted case management [@PER-01].'],
  ];
  for (const [what, lines] of cases) {
    for (const definition of ['[aid]: https://example.org/aid', '[aid]: https://example.org/aid "Legal aid"', '[aid]: https://example.org/aid\n[houses]: https://example.org/houses']) {
      test(`${what}, after ${definition.split('\n').length} definition(s)${definition.includes('"') ? ' with a title' : ''}: read as remark reads the whole document`, () => {
        const text = `${HEAD}${definition}\n${lines}\nSee [aid] and [houses].\n`;
        assert.deepEqual(readByChecks(text), remarkParagraphs(text));
      });
    }
  }

  test('a label after a line `-` is paragraph text: a finding with its citation, not a consideration', () => {
    const text = `${HEAD}[aid]: https://example.org/aid\n-\n**Consideration:** courts could fund legal aid in stages [@PER-01].\n`;
    const [section] = targetFindings(parse(text));
    assert.deepEqual(
      section!.findings.map((f) => [text.slice(f.span.start, f.span.end), f.inList, f.citations.map((c) => c.id)]),
      [['-\n**Consideration:** courts could fund legal aid in stages [@PER-01].', false, ['PER-01']]],
    );
    assert.deepEqual(section!.considerations, []);
    // So the section is told it has no consideration, and its matrix row shows none.
    assert.deepEqual(
      findMissingConsiderations(parse(text), { required: true }).map((m) => m.heading),
      ['SDG 16.3 Rule of law'],
    );
    assert.deepEqual(summaryMatrix(parse(text), { register }).rows[0]!.considerations, []);
  });

  test('a finding that opens with a year and a full stop is a finding of the section, not a list item', () => {
    const text = `${HEAD}[aid]: https://example.org/aid\n2019. Courts adopted case management in every province [@PER-02].\n`;
    const [section] = targetFindings(parse(text));
    assert.deepEqual(
      section!.findings.map((f) => [f.prose, f.inList]),
      [['2019. Courts adopted case management in every province [@PER-02].', false]],
    );
  });
});

/** Lines that open, close or go on paragraphs, lists, definitions, headings, tables, code and quotes. */
const line = fc.constantFrom(
  '[aid]: https://example.org/aid',
  '[aid]: https://example.org/aid "Legal aid"',
  '[houses]: /houses',
  '[^note]: A note.',
  '-',
  '*',
  '+',
  '-   ',
  '- Train the trainers.',
  '2. Accredit the courses.',
  '1. Accredit the courses.',
  '2019. Courts adopted case management.',
  '2)',
  '1.',
  '===',
  '---',
  '* * *',
  '| a |',
  '| --- |',
  '"Legal aid"',
  '    indented code',
  '> quoted',
  '```',
  '# Heading',
  '<div>',
  '  - nested',
  'Courts adopted case management [@PER-01].',
  '**Consideration:** fund legal aid in stages.',
  '**Recommendations:**',
  'See [aid], [houses] and a note[^note].',
  '',
  '',
);

describe('any run of such lines in a target section', () => {
  test('is read by the findings checks as remark reads the whole document', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), (lines) => {
        const text = `${HEAD}${lines.join('\n')}\n`;
        assert.deepEqual(readByChecks(text), remarkParagraphs(text));
      }),
      { numRuns: 500, seed: 15 },
    );
  });
});
