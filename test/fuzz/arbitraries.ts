/**
 * Generators shared by the property tests (test/unit/properties.test.ts), the full fuzz run
 * (scripts/fuzz.mjs) and the LSP chaos test: arbitrary text, arbitrary Markdown, and documents
 * that speak the dialect (front matter, SDG tags, sources blocks, template sections), each valid
 * or broken in the ways writers break them.
 */
import fc from 'fast-check';
import { builtinTemplates } from '../../server/src/core/index.js';

/** Characters that have tripped parsers before: controls, line breaks, lone surrogates, BOM, wide spaces. */
const AWKWARD = [
  '\u0000',
  '\r',
  '\n',
  '\r\n',
  '\t',
  '\u000b',
  '\u000c',
  '\u0085',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u00a0',
  '\u202f',
  '\u200b',
  '\u0301',
  '\ud800',
  '\udfff',
  '\udc00x',
  '😀',
  '👩‍👩‍👧',
  'é',
  'ß',
  'İ',
  '\uffff',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** One unit of arbitrary text: any code point, a lone surrogate, or an awkward character. */
const textUnit = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 8 }) },
  { weight: 3, arbitrary: fc.constantFrom(...AWKWARD) },
  { weight: 1, arbitrary: loneSurrogate },
);

/** Arbitrary text: unicode, unpaired surrogates, NUL, mixed CR/LF/CRLF. */
export const anyText = (maxPieces = 40): fc.Arbitrary<string> => fc.array(textUnit, { maxLength: maxPieces }).map((parts) => parts.join(''));

const word = fc.constantFrom('evaluation', 'reports', 'projects', 'the', 'SDG', 'ODS', '16.1', 'gender', 'x', 'Ñandú', '3,076', '21', '*', '_', '`', '|', '\\', '&amp;', '[a]', '<b>', 'http://e.org');

/** A line of prose, sometimes with awkward characters in it. */
const prose = fc
  .array(fc.oneof({ weight: 8, arbitrary: word }, { weight: 1, arbitrary: textUnit }), { minLength: 1, maxLength: 10 })
  .map((words) => words.join(' '));

const markdownBlock: fc.Arbitrary<string> = fc.oneof(
  prose.map((p) => `${p}\n`),
  fc.tuple(fc.integer({ min: 1, max: 7 }), prose).map(([n, p]) => `${'#'.repeat(n)} ${p}\n`),
  fc.tuple(prose, fc.constantFrom('===', '---', '- - -')).map(([p, u]) => `${p}\n${u}\n`),
  fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '> '), prose).map(([n, m, p]) => `${m.repeat(n)}${p}\n`),
  fc.tuple(fc.integer({ min: 0, max: 12 }), prose).map(([n, p]) => `${' '.repeat(n)}- ${p}\n`),
  fc.constantFrom('```\n', '```sources\n', '~~~\n', '````md\n', '    indented code\n', '<!--\n', '-->\n', '<!-- comment -->\n', '<div>\n', '</div>\n', '<script>\n', '</script>\n'),
  fc.constantFrom('| a | b |\n|---|---|\n| 1 | 2 |\n', '***\n', '[ref]: https://example.org\n', '[^1]: note\n', 'Text[^1] and [link][ref].\n', '\n', '\n\n', '---\n'),
  // Empty list items, and indented code after one and a blank line: micromark reads such code
  // lines as lazy lines of the list, which decides where its code blocks end.
  fc.constantFrom('-\n', '*\n', '1.\n', '2)\n', '> -\n', '2)\n\n    indented code\n    more code\n'),
  prose.map((p) => `**${p}** _${p}_ \`${p}\`\n`),
);

/** Arbitrary CommonMark/GFM: blocks of every kind, opened and closed in any order. */
export const anyMarkdown = (maxBlocks = 30): fc.Arbitrary<string> => fc.array(markdownBlock, { maxLength: maxBlocks }).map((b) => b.join(''));

// ---------------------------------------------------------------------------------------------
// The dialect

const goal = fc.oneof(fc.integer({ min: 1, max: 17 }), fc.constantFrom(0, 18, 99));
const targetCode = fc.oneof(fc.integer({ min: 1, max: 12 }).map(String), fc.constantFrom('a', 'b', 'c', 'z', 'A', '01'));

/** An SDG reference, valid or not: 16, 16.1, 16.a, 16.1.1, 18.2, 16.z, 99.99.99. */
const sdgRef = fc.oneof(
  goal.map(String),
  fc.tuple(goal, targetCode).map(([g, t]) => `${g}.${t}`),
  fc.tuple(goal, targetCode, fc.integer({ min: 1, max: 15 })).map(([g, t, i]) => `${g}.${t}.${i}`),
);

/** An SDG tag as writers write it, and as they mistype it. */
export const sdgTag: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom('SDG', 'ODS', 'ODD', 'SDG\u00a0'), fc.array(sdgRef, { minLength: 1, maxLength: 3 })).map(([p, refs]) => `${p}${p.endsWith('\u00a0') ? '' : ' '}${refs.join('/')}`) },
  { weight: 1, arbitrary: fc.constantFrom('SDGs', 'SDG', 'SDG 16.', 'SDG 16.6/', 'SDG16.1', 'sdg 16.1', 'SDG 16.and', 'SDG 1.1.1.1', 'SDG 16.1.') },
);

const COUNT_SEPARATORS = ['', ',', ' ', '\u00a0', '\u202f', '.', "'"];

/** A count as written in a sources block: 3076, 3,076, 3 076 — or not a number at all. */
const count: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.integer({ min: 0, max: 999_999 }), fc.constantFrom(...COUNT_SEPARATORS)).map(([n, sep]) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep)) },
  { weight: 1, arbitrary: fc.constantFrom('', 'many', '-3', '1.5', '12 ', ' 7', '1,00', '999999999999999999') },
);

const LABELS = ['evaluation reports', 'country-level', 'regional', 'global', 'projects', 'documents', 'secondary documents', 'surveys', 'interviews', 'Evaluation Report', 'countries'];

/** One sources line with a random depth, indentation mistakes and separators. */
const sourcesLine = fc
  .tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom(...LABELS), count, fc.constantFrom('', '', '', ' ', '\t', '   '), fc.constantFrom(':', ':', ':', ' -', ''))
  .map(([depth, label, n, slip, colon]) => `${'  '.repeat(depth)}${slip}${label}${colon} ${n}`);

/** A fenced sources block: random nesting, sometimes unclosed, sometimes inside a quote or list. */
export const sourcesBlock: fc.Arbitrary<string> = fc
  .tuple(fc.array(sourcesLine, { maxLength: 10 }), fc.constantFrom('```', '~~~', '````'), fc.boolean(), fc.constantFrom('', '', '> ', '- ', '  '))
  .map(([lines, fence, closed, container]) =>
    [`${fence}sources`, ...lines, ...(closed ? [fence] : [])].map((l, i) => (i === 0 ? container : container.replace('- ', '  ')) + l).join('\n') + '\n',
  );

// ---------------------------------------------------------------------------------------------
// Evidence: citations in the text and the register they point into

/** Ids the registers and the citations share, so that citations find (or just miss) their evaluation. */
const EVIDENCE_IDS = ['COL-01', 'COL-02', 'GLO-01', 'MEX-2019-03', 'A', 'a.b:c', 'X_1'];
/** Ids that are near misses, hostile or malformed. */
const ODD_IDS = ['COL-1', 'col-01', 'COL-01 ', 'constructor', '__proto__', 'toString', 'hasOwnProperty', '-bad', 'A-', '', 'Ñ-1', 'ID\u202eX', 'X'.repeat(300)];

const evidenceId: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...EVIDENCE_IDS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_IDS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 8 }) },
);

/** A citation as writers write it, and as they break it: `[@COL-01]`, `[@A; @B]`, `[see @A, p. 4]`, `[@`, `\[@A]`. */
export const citation: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.array(evidenceId, { minLength: 1, maxLength: 4 }), fc.constantFrom('; ', ';', ', ', ' ')).map(([ids, sep]) => `[${ids.map((id) => `@${id}`).join(sep)}]`) },
  { weight: 1, arbitrary: evidenceId.map((id) => `[see @${id}, p. 4]`) },
  { weight: 1, arbitrary: fc.constantFrom('[@]', '[@COL-01', '@COL-01]', '\\[@COL-01]', '`[@COL-01]`', '[@COL-01][@GLO-01]', '[@@COL-01]', 'e-mail a@COL-01.org', '[^@COL-01]', '[@COL-01](http://e.org)') },
);

/** A paragraph that cites evaluations. */
const citingProse = fc.tuple(prose, citation, fc.option(prose, { nil: '' })).map(([a, c, b]) => `${a} ${c} ${b}\n`);

/** An evidence register, as the host hands it to the analysis: its file name and its text. */
export interface RegisterCase {
  file: 'evidence.csv' | 'evidence.yaml';
  text: string;
}

/** Cells a spreadsheet exports, and cells an attacker writes: quotes, separators, line breaks, formulas, controls, very long text. */
const HOSTILE_CELLS = [
  '"quoted, with a comma"',
  '"two\nlines"',
  '"a ""quoted"" word"',
  '"unclosed',
  'a"b',
  '=HYPERLINK("http://e.org")',
  '+cmd|calc',
  '@SUM(1)',
  ' 2021 ',
  '20xx',
  '1899',
  '16.1; 5.2',
  'SDG 16.1, 99.9',
  '16.z',
  'https://e.org/r.pdf',
  'javascript:alert(1)',
  'Title \u001b[31mred\u001b[0m',
  'Title \u202etxet',
  '\ufeffBOM',
  '👩‍👩‍👧',
  '\u0000',
  'x'.repeat(2000),
  '__proto__',
  'constructor',
  '-3',
  '1,234',
];

const csvCell: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EVIDENCE_IDS, 'Evaluation of the programme', 'country', 'regional', 'global', 'Colombia', '2019', '12', '16.1', '') },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_CELLS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 10 }) },
);

const COLUMNS = ['id', 'title', 'year', 'type', 'country', 'projects', 'targets', 'url'];
const ODD_COLUMNS = ['ID', ' Title ', 'extra', '', '__proto__', 'constructor', 'id', 'toString', 'title'];

const lineBreak = fc.constantFrom('\n', '\n', '\r\n', '\r');

/** A CSV register: a header of known, repeated and hostile column names; rows of any length and any cells. */
const csvRegister: fc.Arbitrary<RegisterCase> = fc
  .tuple(
    fc.shuffledSubarray(COLUMNS, { minLength: 0 }),
    fc.array(fc.constantFrom(...ODD_COLUMNS), { maxLength: 2 }),
    fc.array(fc.tuple(evidenceId, fc.array(csvCell, { maxLength: 9 })), { maxLength: 10 }),
    lineBreak,
    fc.boolean(),
  )
  .map(([known, odd, rows, eol, bom]) => {
    const header = [...known, ...odd];
    // The id mostly goes in the id column, so that rows usually name an evaluation.
    const idAt = header.indexOf('id');
    const lines = rows.map(([id, cells]) => {
      const out = [...cells];
      if (idAt >= 0) out.splice(Math.min(idAt, out.length), 0, id);
      return out.join(',');
    });
    return { file: 'evidence.csv' as const, text: (bom ? '\ufeff' : '') + [header.join(','), ...lines].join(eol) + (rows.length > 0 ? eol : '') };
  });

const yamlValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('Evaluation of the programme', '2019', '12', 'country', '[16.1, 5.2]', '"16.1; 99.9"', 'https://e.org') },
  { weight: 2, arbitrary: fc.constantFrom('', 'null', '~', '[]', '{a: 1}', '[[1]]', '&anchor x', '*anchor', '*missing', '!!binary aGVsbG8=', '"\\e[31m"', '"\\u202e"', "'quoted: colon'", '|\n    block', '- nested', '2021-01-01', 'true', '.inf', '0x1F') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 10 }).map((v) => JSON.stringify(v)) },
);
const YAML_KEYS = [...COLUMNS, ...COLUMNS, '__proto__', 'constructor', 'toString', 'Title', 'extra', '<<'];

/** A YAML register: a list or `evaluations:` with a list; entries with known, repeated and hostile keys, values of every YAML kind, and broken lines. */
const yamlRegister: fc.Arbitrary<RegisterCase> = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(evidenceId, fc.array(fc.tuple(fc.constantFrom(...YAML_KEYS), yamlValue), { maxLength: 6 })), { maxLength: 10 }),
    fc.option(fc.constantFrom('- just text', 'key: [unclosed', '\tid: tab', '---', '? complex key', 'evaluations: again'), { nil: undefined }),
  )
  .map(([wrapped, entries, broken]) => {
    const indent = wrapped ? '  ' : '';
    const lines = wrapped ? ['evaluations:'] : [];
    for (const [id, fields] of entries) {
      lines.push(`${indent}- id: ${JSON.stringify(id)}`);
      for (const [key, value] of fields) lines.push(`${indent}  ${key}: ${value}`);
    }
    if (broken !== undefined) lines.push(broken);
    return { file: 'evidence.yaml' as const, text: lines.join('\n') + '\n' };
  });

/** A register, CSV or YAML, or none (most documents in a project have one beside them). */
export const registerCase: fc.Arbitrary<RegisterCase | undefined> = fc.oneof(
  { weight: 2, arbitrary: csvRegister },
  { weight: 2, arbitrary: yamlRegister },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const fieldValue = fc.oneof(
  fc.constantFrom('Synthesis', '"Quoted: title"', "'single'", '2018-2023', 'null', '', '[16, 5]', '{a: 1}', '- x', '|\n  block', '12', 'true', '*anchor', '&a x', '!!binary x', ':'),
  prose,
);
const FIELDS = ['title', 'template', 'country', 'scope', 'period', 'language', 'report', 'goals', 'author', 'title', 'evidence', 'team'];

/** Front matter: valid, with bad YAML, with wrong types, unclosed, or none. */
export const frontMatter: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.array(fc.tuple(fc.constantFrom(...FIELDS), fieldValue), { maxLength: 7 }),
        fc.constantFrom('unodc-meta-synthesis', 'evaluation-synthesis-report', 'evidence-gap-map', 'country-brief', 'no-such-template', ''),
        fc.constantFrom('en', 'es', 'fr', 'de', ''),
        fc.constantFrom('---', '...', ''),
      )
      .map(([fields, template, language, close]) => {
        const lines = ['---', `title: A synthesis`, ...(template ? [`template: ${template}`] : []), ...(language ? [`language: ${language}`] : [])];
        for (const [k, v] of fields) lines.push(`${k}: ${v}`);
        if (close) lines.push(close);
        return `${lines.join('\n')}\n`;
      }),
  },
  { weight: 1, arbitrary: fc.constantFrom('', '---\n---\n', '---\n: :\n  - [\n---\n', '---\n- a list\n---\n', '---\ntitle: [unclosed\n---\n', '--- \ntitle: T\n--- \n') },
);

const sectionHeadings = ((): string[] => {
  const out = new Set<string>();
  for (const t of builtinTemplates().list()) {
    for (const s of t.sections) {
      out.add(`${'#'.repeat(s.level)} ${s.heading}`);
      for (const a of s.aliases) out.add(`${'#'.repeat(s.level)} ${a}`);
    }
  }
  return [...out];
})();

/** A target section: `### SDG 16.1 Title` and some text that cites counts and tags. */
const targetSection = fc
  .tuple(fc.constantFrom('##', '###', '####'), sdgTag, prose, fc.array(fc.oneof(prose, sdgTag.map((t) => `See ${t}.`)), { maxLength: 3 }))
  .map(([level, tag, title, body]) => `${level} ${tag} ${title}\n\n${body.join('\n')}\n`);

const proseWithCounts = fc
  .tuple(count, fc.constantFrom(...LABELS), prose, fc.option(sdgTag, { nil: '' }))
  .map(([n, label, p, tag]) => `${p} ${n} ${label} ${tag}\n`);

const SUPPRESSIONS = ['<!-- synthlint-disable -->\n', '<!-- synthlint-enable -->\n', '<!-- synthlint-disable-next-line count-mismatch -->\n', '<!-- synthlint-disable sources-sum, unknown-target -->\n', '<!-- synthlint-disable-next-line -->\n'];

const dialectBlock: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...sectionHeadings).map((h) => `${h}\n`) },
  { weight: 3, arbitrary: targetSection },
  { weight: 3, arbitrary: sourcesBlock },
  { weight: 3, arbitrary: proseWithCounts },
  { weight: 3, arbitrary: citingProse },
  { weight: 2, arbitrary: prose.map((p) => `${p}\n`) },
  { weight: 1, arbitrary: fc.constantFrom(...SUPPRESSIONS) },
  { weight: 1, arbitrary: markdownBlock },
  { weight: 1, arbitrary: fc.constantFrom('\n', '\n\n') },
);

/** A synthesis: front matter, then template sections, target sections, sources blocks and prose in random order. */
export const synthesisDocument = (maxBlocks = 25): fc.Arbitrary<string> =>
  fc.tuple(frontMatter, fc.array(dialectBlock, { maxLength: maxBlocks })).map(([fm, blocks]) => fm + blocks.join('\n'));

/** A document in the dialect with the register it cites (or none): the evidence rules at work. */
export interface EvidenceCase {
  text: string;
  register: RegisterCase | undefined;
}

export const synthesisWithRegister = (maxBlocks = 25): fc.Arbitrary<EvidenceCase> => fc.record({ text: synthesisDocument(maxBlocks), register: registerCase });

/** Any of the three kinds of document, with line endings randomly mixed. */
export const anyDocument = (): fc.Arbitrary<string> =>
  fc.oneof({ weight: 4, arbitrary: synthesisDocument() }, { weight: 2, arbitrary: anyMarkdown() }, { weight: 1, arbitrary: anyText() });

/** A document with only `\n` line breaks (for the CRLF-versus-LF property). */
export const lfDocument = (): fc.Arbitrary<string> => anyDocument().map((t) => t.replace(/\r\n?/g, '\n'));

// ---------------------------------------------------------------------------------------------
// Edits

export interface Edit {
  /** Where the edit starts, as a fraction of the text's length (kept valid as the text changes). */
  at: number;
  /** How many UTF-16 units to delete. */
  remove: number;
  insert: string;
}

/** Edits as a writer makes them: typing, deleting, pasting a whole section, or breaking a line. */
export const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat({ max: 8 }) }, { weight: 1, arbitrary: fc.nat({ max: 400 }) }),
  insert: fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 3 }) },
    { weight: 2, arbitrary: fc.constantFrom('\n', '\r\n', '#', '`', '```', '-->', '<!--', ' ', '  ', ':', '/', '.', 'SDG 16.', '\u0000', '\ud800') },
    { weight: 1, arbitrary: dialectBlock },
    { weight: 1, arbitrary: fc.constant('') },
  ),
});

/** Applies an edit; returns the new text and the UTF-16 span that was replaced. */
export function applyEdit(text: string, e: Edit): { text: string; start: number; end: number } {
  const start = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  const end = Math.min(text.length, start + e.remove);
  return { text: text.slice(0, start) + e.insert + text.slice(end), start, end };
}
