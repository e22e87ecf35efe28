// The summary matrix: for each target section its findings, their evidence and confidence, and its
// considerations; as data, Markdown, CSV and JSON, in the document's language.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { matrixToCsv, matrixToJson, matrixToMarkdown, parse, parseEvidenceRegister, summaryMatrix } from '../../server/src/core/index.js';

const REGISTER = [
  'id,title,year,type,quality',
  'NOR-01,Observatories,2016,country,very good',
  'NOR-02,Victim survey,2018,country,good',
  'NOR-03,Shelters pilot,2019,country,fair',
  'REG-01,Regional trafficking,2020,regional,good',
  'GLO-01,Global statistics,2021,global,very good',
].join('\n');

const TEXT = [
  '---',
  'title: Meta-synthesis of the programme in Norland',
  'country: Norland',
  'period: 2016-2021',
  'team: [Ada Lind]',
  '---',
  '',
  '## Main findings and considerations',
  '',
  'An introduction that is not a target section [@GLO-01].',
  '',
  '### SDG 16.1 Reducing violence',
  '',
  'Observatories publish comparable homicide figures [@NOR-01; @NOR-02; @GLO-01].',
  '',
  'Victim support reached more districts, | a pipe in the text [@NOR-03].',
  '',
  '**Consideration:** Link observatories to municipal planning.',
  '',
  '### SDG 16.2 Ending trafficking',
  '',
  'Joint protocols are in use',
  'in border departments [@REG-01; @GLO-01].',
  '',
  '### SDG 16.3 Rule of law',
  '',
  'Legal aid units reached rural areas.',
  '',
  '**Recommendation 1:** Keep in-person training.',
  '',
  '**Recommendation 2:** Update the guides.',
  '',
].join('\n');

const document = parse(TEXT);
const register = parseEvidenceRegister(REGISTER, 'evidence.csv');

describe('the summary matrix', () => {
  const matrix = summaryMatrix(document, { register });

  test('has one row per target section, with its findings, evidence and considerations', () => {
    assert.equal(matrix.title, 'Meta-synthesis of the programme in Norland');
    assert.equal(matrix.register, true);
    assert.equal(matrix.rated, true);
    assert.equal(matrix.minimum, 2);
    assert.deepEqual(matrix.rows.map((r) => [r.targets, r.heading, r.line, r.findings.length, r.considerations.length, r.evidence.count, r.thin]), [
      [['16.1'], 'SDG 16.1 Reducing violence', 12, 2, 1, 4, false],
      [['16.2'], 'SDG 16.2 Ending trafficking', 20, 1, 0, 2, false],
      [['16.3'], 'SDG 16.3 Rule of law', 25, 1, 2, 0, true],
    ]);
    const violence = matrix.rows[0]!;
    assert.deepEqual(violence.evidence.byKind, { country: 3, regional: 0, global: 1, other: 0, unregistered: 0 });
    assert.deepEqual(violence.evidence.years, { from: 2016, to: 2021 });
    assert.equal(matrix.rows[1]!.findings[0]!.text, 'Joint protocols are in use in border departments [@REG-01; @GLO-01].', 'a finding is given on one line');
    assert.deepEqual(matrix.rows[2]!.considerations.map((c) => [c.kind, c.label, c.text, c.line]), [
      ['recommendation', 'Recommendation 1', 'Keep in-person training.', 29],
      ['recommendation', 'Recommendation 2', 'Update the guides.', 31],
    ]);
  });

  test('rates each finding where the register rates quality', () => {
    const levels = matrix.rows.flatMap((r) => r.findings.map((f) => f.confidence?.level));
    // 16.1: three sound evaluations, one country-level → high; one fair evaluation → very low;
    // 16.2: two sound evaluations, none country-level → low; 16.3: none cited → very low.
    assert.deepEqual(levels, ['high', 'very low', 'low', 'very low']);
    assert.deepEqual(matrix.rows[1]!.findings[0]!.confidence!.concerns.map((c) => c.component), ['adequacy', 'relevance']);
  });

  test('without quality ratings there is no confidence, and without a register no kinds and nothing thin', () => {
    const unrated = summaryMatrix(document, { register: parseEvidenceRegister(REGISTER.replace(/,(very good|good|fair)$/gm, ','), 'evidence.csv') });
    assert.equal(unrated.rated, false);
    assert.ok(unrated.rows.every((r) => r.findings.every((f) => f.confidence === undefined)));
    const bare = summaryMatrix(document);
    assert.equal(bare.register, false);
    assert.ok(bare.rows.every((r) => !r.thin));
    assert.deepEqual(bare.rows[0]!.evidence.byKind.unregistered, 4);
  });

  test('Markdown: a table with the findings, their evidence and confidence, and the considerations', () => {
    const md = matrixToMarkdown(matrix);
    const lines = md.split('\n');
    assert.equal(lines[0], '# Summary matrix: Meta-synthesis of the programme in Norland');
    assert.ok(lines.includes('| Target | Findings | Evidence | Considerations |'));
    const row = lines.find((l) => l.startsWith('| SDG 16.1'))!;
    assert.equal(
      row,
      '| SDG 16.1 Reducing violence | Observatories publish comparable homicide figures [@NOR-01; @NOR-02; @GLO-01]. *(3 evaluations; confidence: high)*<br><br>' +
        'Victim support reached more districts, \\| a pipe in the text [@NOR-03]. *(1 evaluation; confidence: very low (only one evaluation; 0 of 1 rated good or very good))* | ' +
        '4 evaluations: 3 country-level, 1 global; 2016–2021 | **Consideration:** Link observatories to municipal planning. |',
    );
    assert.match(lines.find((l) => l.startsWith('| SDG 16.3'))!, /\| 0 evaluations ⚠ fewer than 2 evaluations \| \*\*Recommendation 1:\*\* Keep in-person training\.<br><br>\*\*Recommendation 2:\*\* Update the guides\. \|$/);
    assert.match(lines.find((l) => l.startsWith('| SDG 16.2'))!, /\| — \|$/, 'no consideration');
    assert.match(md, /\*Confidence \(high, moderate, low, very low\) follows from/);
  });

  test('Markdown shows the items of a list under one label once', () => {
    const listed = parse(['## F', '', '### SDG 16.6 Institutions', '', 'Trained [@NOR-01].', '', '**Recommendations:**', '', '- Train trainers.', '- Accredit courses.', '', '**Consideration:** Measure turnover.', ''].join('\n'));
    const row = matrixToMarkdown(summaryMatrix(listed, { register })).split('\n').find((l) => l.startsWith('| SDG 16.6'))!;
    assert.match(row, /\| \*\*Recommendations:\*\*<br>• Train trainers\.<br>• Accredit courses\.<br><br>\*\*Consideration:\*\* Measure turnover\. \|$/);
  });

  test('Markdown in Spanish and French documents', () => {
    const es = summaryMatrix(parse(TEXT.replace('period:', 'language: es\nperiod:')), { register });
    const md = matrixToMarkdown(es);
    assert.match(md, /^# Matriz de resumen: /);
    assert.match(md, /\| Meta \| Hallazgos \| Evidencia \| Consideraciones \|/);
    assert.match(md, /4 evaluaciones: 3 de país, 1 global; 2016–2021/);
    assert.match(md, /confianza: alta/);
    const fr = matrixToMarkdown(summaryMatrix(parse(TEXT.replace('period:', 'language: fr\nperiod:')), { register }));
    assert.match(fr, /\| Cible \| Constats \| Données probantes \| Considérations \|/);
    assert.match(fr, /confiance\u00a0: élevée/);
    assert.match(fr, /4 évaluations\u00a0: 3 de pays, 1 mondiale\u00a0; 2016–2021/);
    // French puts a space before the colon, in the title and after a consideration's label.
    assert.match(fr, /^# Matrice de synthèse\u00a0: /);
    assert.match(fr, /\*\*[^*]+\u00a0:\*\* /);
    assert.doesNotMatch(fr, /\S:\*\*/);
  });

  test('Markdown for a document without target sections says so', () => {
    assert.match(matrixToMarkdown(summaryMatrix(parse('# Nothing\n\nText.\n'))), /No target sections .* so the matrix is empty\./);
  });

  test('CSV: a section row, then its finding and consideration rows', () => {
    const rows = matrixToCsv(matrix).split('\r\n');
    assert.equal(rows[0], 'target,heading,line,kind,label,text,evaluations,count,country-level,regional,global,other,not in register,years,confidence,concerns,thin');
    assert.equal(rows[1], '16.1,SDG 16.1 Reducing violence,12,section,,,NOR-01; NOR-02; GLO-01; NOR-03,4,3,0,1,0,0,2016-2021,,,no');
    assert.equal(rows[2], '16.1,SDG 16.1 Reducing violence,14,finding,,Observatories publish comparable homicide figures [@NOR-01; @NOR-02; @GLO-01].,NOR-01; NOR-02; GLO-01,3,2,0,1,0,0,2016-2021,high,,');
    assert.equal(rows[3], '16.1,SDG 16.1 Reducing violence,16,finding,,"Victim support reached more districts, | a pipe in the text [@NOR-03].",NOR-03,1,1,0,0,0,0,2019,very low,only one evaluation; 0 of 1 rated good or very good,');
    assert.equal(rows[4], '16.1,SDG 16.1 Reducing violence,18,consideration,Consideration,Link observatories to municipal planning.,,,,,,,,,,,');
    assert.equal(rows.at(-1), '', 'ends with a line break');
  });

  test('JSON: the matrix as data', () => {
    const json = JSON.parse(matrixToJson(matrix)) as typeof matrix;
    assert.deepEqual(json.rows.map((r) => r.targets), [['16.1'], ['16.2'], ['16.3']]);
    assert.equal(json.rows[0]!.findings[0]!.confidence!.level, 'high');
    assert.deepEqual(json.rows[0]!.findings[0]!.span, matrix.rows[0]!.findings[0]!.span);
  });

  test('takes the minimum from the options', () => {
    assert.deepEqual(summaryMatrix(document, { register, minimum: 3 }).rows.map((r) => r.thin), [false, true, true]);
  });
});
