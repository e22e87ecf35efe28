// Whatever the text, the findings module answers: no exception, spans inside the document, and
// consistent results (every citation of a finding lies inside it, every consideration's label
// inside its span). Plus the long-section reading and inputs built to be slow.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  checkFlow,
  criteriaMatrix,
  findMissingConsiderations,
  findOverclaims,
  findThinEvidence,
  flowDiagram,
  flowToPrismaCsv,
  matrixToCsv,
  matrixToMarkdown,
  parse,
  parseEvidenceRegister,
  screeningFlows,
  sentences,
  summaryMatrix,
  targetFindings,
} from '../../server/src/core/index.js';

const register = parseEvidenceRegister(['id,type,year,quality,criteria', 'A-1,country,2019,good,impact', 'B-2,global,2020,poor,'].join('\n'), 'evidence.csv');

/** Pieces of the dialect and of Markdown that stress the readers, joined at random. */
const piece = fc.constantFrom(
  '### SDG 16.1 Violence\n',
  '#### SDG 16.a Deeper\n',
  '## Other\n',
  '\n',
  '\n\n',
  '**Consideration:** ',
  '**Recommendations:**\n\n',
  '**Considération :** ',
  '- ',
  '  ',
  '> ',
  '1. ',
  'consistently ',
  'all evaluations ',
  'todas las evaluaciones ',
  '#effectiveness ',
  '#impacto ',
  '[@A-1]',
  '[@A-1; @B-2]',
  '[see @C-3',
  ']',
  '. ',
  'e.g. ',
  '`code` ',
  '```',
  '```sources flow\n',
  'evaluations identified: 10\n',
  '  other: 3\n',
  'records excluded: 4\n',
  'evaluations included: 6\n',
  '<!-- c -->',
  '*',
  '_',
  '[link](https://example.org/#impact)',
  'Text ',
  'Texte accentué ',
  '\r\n',
  '\u00a0',
);
const documentText = fc.array(fc.oneof({ weight: 5, arbitrary: piece }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }), { maxLength: 60 }).map((parts) => `---\ntitle: T\n---\n\n## Findings\n\n${parts.join('')}`);

describe('the findings module on any text', () => {
  test('never throws, and what it returns lies inside the document', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const document = parse(text);
        const inside = (s: { start: number; end: number }): boolean => 0 <= s.start && s.start <= s.end && s.end <= text.length;
        for (const target of targetFindings(document)) {
          for (const f of target.findings) {
            assert.ok(inside(f.span));
            assert.equal(f.prose.length, f.span.end - f.span.start);
            for (const c of f.citations) assert.ok(f.span.start <= c.span.start && c.span.end <= f.span.end);
          }
          for (const c of target.considerations) {
            assert.ok(inside(c.span) && inside(c.labelSpan) && inside(c.textSpan));
            assert.ok(c.textSpan.start <= c.textSpan.end);
          }
        }
        for (const o of findOverclaims(document, { register })) assert.ok(inside(o.span) && o.sentence.start <= o.span.start && o.span.end <= o.sentence.end + 200);
        findThinEvidence(document, { register });
        findMissingConsiderations(document, { required: true });
        const matrix = summaryMatrix(document, { register });
        matrixToMarkdown(matrix);
        matrixToCsv(matrix);
        criteriaMatrix([{ file: 'a', document, register }]);
        for (const flow of screeningFlows(document)) {
          for (const p of checkFlow(flow, register)) assert.ok(inside(p.span));
          flowDiagram(flow);
          flowToPrismaCsv(flow);
        }
      }),
      { numRuns: 300, seed: 16 },
    );
  });
});

describe('long and slow inputs', () => {
  test('a target section longer than the parser reads is split at blank lines, with labels still found', () => {
    const filler = Array.from({ length: 5000 }, (_, i) => `Finding number ${i} rests on evidence [@A-1; @B-2].`).join('\n\n');
    const text = `## Findings\n\n### SDG 16.1 Violence\n\n${filler}\n\n**Consideration:** keep going.\n\n\`\`\`text\nnot a paragraph\n\`\`\`\n`;
    assert.ok(text.length > 200_000);
    const [section] = targetFindings(parse(text));
    assert.equal(section!.findings.length, 5000);
    assert.equal(section!.considerations.length, 1);
    assert.equal(section!.findings[0]!.citations.length, 2);
  });

  // A hang guard only (the walk was quadratic before); speed itself is measured by `npm run bench`.
  test('runs of dots, brackets and strong words are read to the end', { timeout: 120_000 }, () => {
    const prose = `${'a.'.repeat(20000)} ${'. ['.repeat(20000)} ${'consistently. '.repeat(5000)}`;
    const spans = sentences(prose, 0);
    assert.equal(spans.at(-1)!.end, prose.trimEnd().length);
    const document = parse(`## F\n\n### SDG 16.1 V\n\n${prose}\n`);
    // Every "consistently" cites nothing, so each is an overclaim.
    assert.equal(findOverclaims(document, { register }).length, 5000);
  });
});
