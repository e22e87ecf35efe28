// The screening flow: a `sources flow` block, its stages in three languages, its arithmetic, the
// diagram (through the preview's real sanitiser) and the CSV layout of the PRISMA2020 R package.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Root } from 'hast';
import {
  checkFlow,
  FLOW_CLASSES,
  flowDiagram,
  flowFigures,
  flowToPrismaCsv,
  parse,
  parseEvidenceRegister,
  screeningFlows,
  stageOf,
  type ScreeningFlow,
  type SynthesisDocument,
} from '../../server/src/core/index.js';
import { sanitize, serialise } from '../../server/src/core/render/markdown.js';

const FLOW = [
  'evaluations identified: 64',
  '  evaluation database: 52',
  '  other sources: 12',
  'duplicates removed: 4',
  'evaluations screened: 60',
  'excluded at screening: 31',
  'reports assessed for eligibility: 29',
  'reports excluded: 8',
  '  outside the period: 5',
  '  no country component, or none found: 3',
  'evaluations included: 21',
];

function doc(lines: readonly string[], info = 'sources flow', language = 'en'): SynthesisDocument {
  return parse(['---', 'title: T', `language: ${language}`, '---', '', '## Methodology', '', `\`\`\`${info}`, ...lines, '```', '', '```sources', 'evaluation reports: 21', '```', ''].join('\n'));
}
const flowOf = (d: SynthesisDocument): ScreeningFlow => {
  const flows = screeningFlows(d);
  assert.equal(flows.length, 1);
  return flows[0]!;
};
const at = (d: SynthesisDocument, span: { start: number; end: number }): string => d.text.slice(span.start, span.end);

describe('screening flow blocks', () => {
  test('a sources block whose info string adds flow; an ordinary sources block is not one', () => {
    const d = doc(FLOW);
    assert.equal(d.sourcesBlocks.length, 2, 'both are sources blocks, checked as such');
    const flow = flowOf(d);
    assert.deepEqual(flow.stages.map((s) => s.kind), ['identified', 'removed', 'screened', 'excluded', 'assessed', 'excluded', 'included']);
    assert.deepEqual(flow.unknown, []);
    assert.equal(screeningFlows(doc(FLOW, 'sources')).length, 0);
    assert.equal(screeningFlows(doc(FLOW, 'sources Flow')).length, 1);
    assert.equal(screeningFlows(doc(FLOW, 'sourcesflow')).length, 0);
  });

  test('stages are named in English, Spanish or French', () => {
    const cases: Array<[string, string]> = [
      ['records identified', 'identified'], ['evaluaciones identificadas', 'identified'], ['évaluations identifiées', 'identified'],
      ['duplicates removed', 'removed'], ['duplicados eliminados', 'removed'], ['doublons supprimés', 'removed'],
      ['records screened', 'screened'], ['evaluaciones cribadas', 'screened'], ['évaluations présélectionnées', 'screened'],
      ['reports sought for retrieval', 'sought'], ['informes solicitados', 'sought'], ['rapports demandés', 'sought'],
      ['reports not retrieved', 'not-retrieved'], ['informes no obtenidos', 'not-retrieved'], ['rapports non obtenus', 'not-retrieved'],
      ['reports assessed for eligibility', 'assessed'], ['informes evaluados', 'assessed'], ['rapports évalués', 'assessed'],
      ['records excluded', 'excluded'], ['evaluaciones excluidas', 'excluded'], ['rapports exclus', 'excluded'],
      ['evaluations included', 'included'], ['evaluaciones incluidas', 'included'], ['évaluations retenues', 'included'],
    ];
    for (const [label, kind] of cases) assert.equal(stageOf(label), kind, label);
    assert.equal(stageOf('evaluation reports'), undefined);
    assert.equal(stageOf('évaluations'), undefined, 'the noun is not the verb évalué');
  });

  test('a flow that adds up has no problem; with a register, included must be its rows', () => {
    const flow = flowOf(doc(FLOW));
    assert.deepEqual(checkFlow(flow), []);
    const rows = Array.from({ length: 21 }, (_, i) => `E-${i + 1}`);
    assert.deepEqual(checkFlow(flow, parseEvidenceRegister(['id', ...rows].join('\n'), 'e.csv')), []);
    const short = parseEvidenceRegister(['id', ...rows.slice(0, 18)].join('\n'), 'e.csv');
    const d = doc(FLOW);
    const problems = checkFlow(flowOf(d), short);
    assert.deepEqual(problems.map((p) => p.kind), ['register']);
    assert.equal(at(d, problems[0]!.span), '21');
    assert.deepEqual(problems[0], { ...problems[0], included: 21, registered: 18 });
  });

  test('a count that does not follow from the stage before is reported at that count, with the sum', () => {
    const d = doc(FLOW.map((l) => (l === 'evaluations screened: 60' ? 'evaluations screened: 61' : l)));
    const problems = checkFlow(flowOf(d));
    assert.equal(problems.length, 2, 'screened, and then assessed from the wrong screened');
    const [screened, assessed] = problems;
    assert.equal(at(d, screened!.span), '61');
    assert.deepEqual(screened, { kind: 'arithmetic', span: screened!.span, label: 'evaluations screened', expected: 60, found: 61, from: { label: 'evaluations identified', count: 64 }, minus: [{ label: 'duplicates removed', count: 4 }] });
    assert.deepEqual(assessed && assessed.kind === 'arithmetic' ? [assessed.expected, assessed.found] : undefined, [30, 29]);
  });

  test('unknown lines, missing ends, order and lines with nothing around them are reported', () => {
    const d = doc(['duplicates removed: 2', 'records screened: 10', 'evaluations identified: 12', 'coffee breaks: 3', 'records excluded: 4']);
    const problems = checkFlow(flowOf(d));
    assert.deepEqual(
      problems.map((p) => [p.kind, at(d, p.span)]),
      [
        ['missing-stage', ''],
        ['nothing-before', 'duplicates removed'],
        ['order', 'evaluations identified'],
        ['unknown-stage', 'coffee breaks'],
        ['nothing-after', 'records excluded'],
      ],
    );
    assert.deepEqual(problems.find((p) => p.kind === 'missing-stage'), { kind: 'missing-stage', span: problems[0]!.span, stage: 'included' });
  });

  test('a count that cannot be read is not added up (sources-syntax reports it)', () => {
    const d = doc(['records identified: 12', 'records screened: about ten', 'evaluations included: 9']);
    assert.deepEqual(checkFlow(flowOf(d)), []);
  });
});

describe('the flow diagram', () => {
  test('boxes with their counts and breakdowns, side boxes for what was taken out, arrows between', () => {
    const d = doc(FLOW);
    const html = serialise(sanitize({ type: 'root', children: [flowDiagram(flowOf(d))] } as Root));
    const raw = serialise({ type: 'root', children: [flowDiagram(flowOf(d))] } as Root);
    assert.equal(html, raw, 'the preview’s sanitiser keeps every element and class');
    assert.match(html, /^<table class="synthesis-flow"><tbody>/);
    assert.match(html, /<th class="synthesis-flow-phase">Identification<\/th><td class="synthesis-flow-box"><strong>evaluations identified<\/strong> \(n = 64\)<ul><li>evaluation database \(n = 52\)<\/li><li>other sources \(n = 12\)<\/li><\/ul><\/td><td class="synthesis-flow-arrow">→<\/td><td class="synthesis-flow-side"><strong>duplicates removed<\/strong> \(n = 4\)<\/td>/);
    assert.match(html, /<td class="synthesis-flow-arrow">↓<\/td>/);
    assert.match(html, /<strong>reports excluded<\/strong> \(n = 8\)<ul><li>outside the period \(n = 5\)<\/li>/);
    assert.match(html, /<th class="synthesis-flow-phase">Included<\/th><td class="synthesis-flow-box"><strong>evaluations included<\/strong> \(n = 21\)<\/td><td><\/td><td><\/td>/);
    assert.doesNotMatch(html, /Reports sought/, 'a stage the block leaves out and nothing follows is not drawn');
    for (const c of html.match(/class="([^"]+)"/g)!.flatMap((m: string) => m.slice(7, -1).split(' '))) assert.ok((FLOW_CLASSES as readonly string[]).includes(c), c);
  });

  test('a label cannot inject markup, and numbers follow the document’s language', () => {
    const d = doc(['<script>alert(1)</script> identified: 3076', 'évaluations retenues: 2 500'], 'sources flow', 'fr');
    const html = serialise(sanitize({ type: 'root', children: [flowDiagram(flowOf(d), 'fr')] } as Root));
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /&#x3C;script>alert\(1\)&#x3C;\/script> identified<\/strong> \(n = 3\u202f076\)/);
    assert.match(html, /<th class="synthesis-flow-phase">Sélection<\/th>/);
  });

  test('stages the block leaves out are worked out where the arithmetic allows, and marked', () => {
    const figures = flowFigures(flowOf(doc(['records identified: 40', 'duplicates removed: 5', 'records excluded: 10', 'reports not retrieved: 2', 'evaluations included: 20'])));
    assert.deepEqual([figures.screened?.count, figures.screened?.written, figures.sought?.count, figures.assessed?.count], [35, false, 25, 23]);
    assert.deepEqual(figures.excludedAtScreening.map((b) => b.count), [10]);
    assert.deepEqual(figures.notRetrieved.map((b) => b.count), [2]);
  });
});

describe('the PRISMA2020 CSV layout', () => {
  const csv = flowToPrismaCsv(flowOf(doc(FLOW)));
  const rows = csv.trimEnd().split('\r\n').map(splitCsv);
  const byData = new Map(rows.slice(1).filter((r) => r[0] !== 'NA').map((r) => [r[0]!, r]));

  test('has the template’s columns and every one of its data rows', () => {
    assert.deepEqual(rows[0], ['data', 'node', 'box', 'description', 'boxtext', 'tooltips', 'url', 'n']);
    const expected = [
      'previous_studies', 'previous_reports', 'database_results', 'database_specific_results', 'register_results', 'register_specific_results',
      'website_results', 'organisation_results', 'citations_results', 'duplicates', 'excluded_automatic', 'excluded_other', 'records_screened',
      'records_excluded', 'dbr_sought_reports', 'dbr_notretrieved_reports', 'other_sought_reports', 'other_notretrieved_reports', 'dbr_assessed',
      'dbr_excluded', 'other_assessed', 'other_excluded', 'new_studies', 'new_reports', 'total_studies', 'total_reports', 'identification', 'screening', 'included',
    ];
    assert.deepEqual([...byData.keys()], expected);
    assert.ok(rows.every((r) => r.length === 8));
  });

  test('puts the flow’s counts in the n column, the breakdowns as "name, n; name, n"', () => {
    const n = (data: string): string => byData.get(data)![7]!;
    assert.deepEqual(
      ['database_results', 'duplicates', 'records_screened', 'records_excluded', 'dbr_sought_reports', 'dbr_notretrieved_reports', 'dbr_assessed', 'new_studies', 'new_reports', 'total_studies'].map(n),
      ['64', '4', '60', '31', '29', '0', '29', '21', '21', '21'],
    );
    assert.equal(n('database_specific_results'), 'evaluation database, 52; other sources, 12');
    assert.equal(n('dbr_excluded'), 'outside the period, 5; no country component or none found, 3', 'commas and semicolons leave reason names');
    assert.equal(byData.get('records_screened')![4], 'evaluations screened');
    assert.deepEqual(byData.get('records_screened')!.slice(1, 3), ['node9', 'box4']);
  });
});

/** RFC 4180 fields of one line (no line breaks inside fields in these tests). */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      out.push(value);
      i++;
    } else {
      const end = line.indexOf(',', i);
      out.push(line.slice(i, end < 0 ? line.length : end));
      i = end < 0 ? line.length + 1 : end + 1;
    }
  }
  return out;
}
