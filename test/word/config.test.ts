// The project configuration for exports: `referenceDoc` and `pdf.paper` in .synthesis/config.yaml,
// read by the language service (mistakes located in the file, a reference document outside the
// project refused) and layered with the command line and the editor's setting the same way for
// `synthlint export` and the editor. The editor's side runs in VS Code (test/vscode/word.e2e.ts).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { Document, Header, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { createLanguageService, createMemoryHost, parseConfig, wordMessage, type DocumentAnalysis } from '../../server/src/core/index.js';
import { exportSettings } from '../../server/src/core/word.js';
import { repoRoot } from '../helpers.js';
import { pdfInfo, tempDir } from './helpers.js';

const BRIEF = `---
title: Justice in Norland
country: Norland
period: 2018-2022
team: [Ada Lind]
---

## Background and context

The programme works towards SDG 16.

## Main findings and considerations

### SDG 16.3 Promoting the rule of law

Legal aid reached rural districts.
`;

describe('referenceDoc and pdf.paper in the configuration file', () => {
  test('are read, and a wrong value is an error at the value', () => {
    const good = parseConfig('referenceDoc: templates/office.docx\npdf:\n  paper: letter\n');
    assert.deepEqual(good.problems, []);
    assert.equal(good.config.referenceDoc, 'templates/office.docx');
    assert.equal(good.config.pdfPaper, 'letter');

    const text = 'referenceDoc: [a, b]\npdf:\n  paper: A5\n';
    const bad = parseConfig(text);
    assert.deepEqual(
      bad.problems.map((p) => [p.severity, text.slice(p.span.start, p.span.end), wordMessage(p.message)]),
      [
        ['error', '[a, b]', "Expected 'referenceDoc' to name a Word document relative to the project, such as templates/office.docx, found a list"],
        ['error', 'A5', "Expected 'paper' to be a4 or letter, found 'A5'"],
      ],
    );
    assert.equal(bad.config.referenceDoc, undefined);
    assert.equal(bad.config.pdfPaper, undefined);
    // The same problems in the user's language.
    assert.deepEqual(bad.problems.map((p) => wordMessage(p.message, 'es')), [
      "Se esperaba que 'referenceDoc' nombrara un documento de Word relativo al proyecto, como plantillas/oficina.docx, y se encontró una lista",
      "Se esperaba a4 o letter en 'paper' y se encontró 'A5'",
    ]);
    assert.equal(wordMessage(bad.problems[1]!.message, 'fr'), "'paper' devrait valoir a4 ou letter, mais c'est 'A5'");
    assert.match(wordMessage(parseConfig('pdf: letter\n').problems[0]!.message), /^Expected 'pdf' to hold keys such as 'paper', found 'letter'/);
  });

  test('a reference document outside the project is a finding on the configuration file', async () => {
    const host = createMemoryHost();
    host.write('/work/office/.synthesis/config.yaml', 'referenceDoc: ../shared/office.docx\n');
    host.write('/work/office/brief.synth.md', BRIEF);
    const service = createLanguageService(host, { ceilings: ['/work'] });
    const analysis = await service.analyze({ key: 'brief', path: '/work/office/brief.synth.md', text: BRIEF, version: null });
    const config = analysis.related.find((r) => r.path === '/work/office/.synthesis/config.yaml');
    assert.deepEqual(
      config?.findings.map((f) => [f.rule, f.severity, f.range.start.character, wordMessage(f.message)]),
      [['config', 'error', 14, "Expected a Word document inside the project, found '../shared/office.docx'; it is not used"]],
    );
  });

  describe('layered with the command line and the editor setting', () => {
    const analyse = async (config: string | undefined): Promise<DocumentAnalysis> => {
      const host = createMemoryHost();
      host.write('/work/office/.synthesis/templates/.keep.txt', '');
      if (config !== undefined) host.write('/work/office/.synthesis/config.yaml', config);
      host.write('/work/office/reports/brief.synth.md', BRIEF);
      const service = createLanguageService(host, { ceilings: ['/work'] });
      return service.analyze({ key: 'brief', path: '/work/office/reports/brief.synth.md', text: BRIEF, version: null });
    };
    const paths = createMemoryHost().paths;

    test('without a configuration file: A4, else the editor setting; no reference document', async () => {
      const analysis = await analyse(undefined);
      assert.deepEqual(exportSettings(analysis, paths, {}), { paper: 'a4', referenceDoc: undefined });
      assert.equal(exportSettings(analysis, paths, { settingsPaper: 'letter' }).paper, 'letter');
    });

    test("with one: its pdf.paper over the editor setting (which no longer applies), --paper over both; its referenceDoc read only inside the project, --reference-doc over it", async () => {
      const configured = await analyse('referenceDoc: styles/office.docx\npdf:\n  paper: letter\n');
      assert.equal(exportSettings(configured, paths, { settingsPaper: 'a4' }).paper, 'letter');
      assert.equal(exportSettings(configured, paths, { settingsPaper: 'a4', paper: 'a4' }).paper, 'a4');
      assert.deepEqual(exportSettings(configured, paths, {}).referenceDoc, { path: '/work/office/styles/office.docx', named: 'styles/office.docx', within: '/work/office', from: 'config' });
      assert.deepEqual(exportSettings(configured, paths, { referenceDoc: '/home/ana/mine.docx' }).referenceDoc, { path: '/home/ana/mine.docx', named: '/home/ana/mine.docx', from: 'user' });
      // A configuration file that sets no paper: the default, not the editor's setting.
      const silent = await analyse('language: en\n');
      assert.equal(exportSettings(silent, paths, { settingsPaper: 'letter' }).paper, 'a4');
    });
  });
});

describe('synthlint export in a project whose configuration names a reference document and a paper', () => {
  const cli = join(repoRoot, 'dist', 'cli.js');
  const dir = tempDir('synthesis-export-config-');
  const project = join(dir, 'office');
  const synthlint = (args: readonly string[]): { status: number | null; stdout: string; stderr: string } => {
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', timeout: 180_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  before(async () => {
    mkdirSync(join(project, '.synthesis'), { recursive: true });
    mkdirSync(join(project, 'styles'), { recursive: true });
    mkdirSync(join(project, 'reports'), { recursive: true });
    writeFileSync(join(project, '.synthesis', 'config.yaml'), 'referenceDoc: styles/office.docx\npdf:\n  paper: letter\n');
    writeFileSync(join(project, 'reports', 'brief.synth.md'), BRIEF);
    // The office's reference: Letter pages, a header, Heading 1 in a serif.
    const reference = new Document({
      styles: { paragraphStyles: [{ id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', run: { font: 'Liberation Serif', size: 36 } }] },
      sections: [
        {
          properties: { page: { size: { width: 12240, height: 15840 } } },
          headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun('Norland Evaluation Office')] })] }) },
          children: [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Reference')] })],
        },
      ],
    });
    writeFileSync(join(project, 'styles', 'office.docx'), new Uint8Array(await Packer.toArrayBuffer(reference)));
    // A project whose configuration names the office's reference document from outside it.
    mkdirSync(join(dir, 'elsewhere', '.synthesis'), { recursive: true });
    writeFileSync(join(dir, 'elsewhere', '.synthesis', 'config.yaml'), 'referenceDoc: ../office/styles/office.docx\n');
    writeFileSync(join(dir, 'elsewhere', 'brief.synth.md'), BRIEF);
  });

  test('Word: the configured reference document gives the page, the header and the heading font', () => {
    const r = synthlint(['export', 'office/reports/brief.synth.md', '--to', 'docx']);
    assert.equal(r.status, 0, r.stderr);
    const parts = unzipSync(new Uint8Array(readFileSync(join(project, 'reports', 'brief.docx'))));
    assert.match(strFromU8(parts['word/document.xml']!), /<w:pgSz w:w="12240" w:h="15840"/);
    const headers = Object.keys(parts).filter((p) => /^word\/reference-header\d+\.xml$/.test(p));
    assert.ok(headers.some((p) => strFromU8(parts[p]!).includes('Norland Evaluation Office')), 'the reference header');
    assert.match(/<w:style[^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/.exec(strFromU8(parts['word/styles.xml']!))?.[0] ?? '', /Liberation Serif/);
  });

  test('PDF: Letter pages from pdf.paper; --paper a4 over it', () => {
    const letter = synthlint(['export', 'office/reports/brief.synth.md', '--to', 'pdf', '-o', 'letter.pdf']);
    assert.equal(letter.status, 0, letter.stderr);
    assert.match(letter.stderr, /^Wrote letter\.pdf \(Justice in Norland, Letter\)\./);
    const l = pdfInfo(join(dir, 'letter.pdf'));
    assert.ok(Math.abs(l.width - 612) < 2 && Math.abs(l.height - 792) < 2, `Letter, found ${l.width} x ${l.height}`);
    const a4 = synthlint(['export', 'office/reports/brief.synth.md', '--to', 'pdf', '--paper', 'a4', '-o', 'a4.pdf']);
    assert.equal(a4.status, 0, a4.stderr);
    const a = pdfInfo(join(dir, 'a4.pdf'));
    assert.ok(Math.abs(a.width - 595) < 2 && Math.abs(a.height - 842) < 2, `A4, found ${a.width} x ${a.height}`);
  });

  test('a reference document the configuration names outside the project is not read: one line says so, and the check reports it', () => {
    const r = synthlint(['export', 'elsewhere/brief.synth.md', '--to', 'docx']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^synthlint export: cannot read the reference document \.\.\/office\/styles\/office\.docx \(referenceDoc in \.synthesis\/config\.yaml\): it is outside the project\n$/);
    const lint = synthlint(['elsewhere/brief.synth.md']);
    assert.match(lint.stdout, /elsewhere\/\.synthesis\/config\.yaml:1:15: error config Expected a Word document inside the project, found '\.\.\/office\/styles\/office\.docx'; it is not used/);

    // A link inside the project that leads out of it is refused by its real path.
    const linked = join(dir, 'linked');
    mkdirSync(join(linked, '.synthesis'), { recursive: true });
    writeFileSync(join(linked, '.synthesis', 'config.yaml'), 'referenceDoc: office.docx\n');
    writeFileSync(join(linked, 'brief.synth.md'), BRIEF);
    symlinkSync(join(project, 'styles', 'office.docx'), join(linked, 'office.docx'));
    const viaLink = synthlint(['export', 'linked/brief.synth.md', '--to', 'docx']);
    assert.equal(viaLink.status, 2);
    assert.match(viaLink.stderr, /cannot read the reference document office\.docx \(referenceDoc in \.synthesis\/config\.yaml\): it is a link to a file outside the project folder\n$/);
  });

  test("the project's language: the same analysis as the checks", () => {
    // No language in the front matter: the project's configuration names it.
    const french = join(dir, 'sahel');
    mkdirSync(join(french, '.synthesis'), { recursive: true });
    writeFileSync(join(french, '.synthesis', 'config.yaml'), 'language: fr\n');
    writeFileSync(join(french, 'note.synth.md'), '---\ntitle: Justice au Sahel\n---\n\n## Constatations\n\n### ODD 16.3 Accès à la justice\n\nL’aide juridique a atteint les zones rurales.\n');
    const r = synthlint(['export', 'sahel/note.synth.md', '--to', 'docx']);
    assert.equal(r.status, 0, r.stderr);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(join(french, 'note.docx'))))['word/document.xml']!);
    assert.match(xml, /Table des matières/, 'the generated headings in the project language');
    // The SDG tag is read in French (ODD), as the checks read it, so it is a styled tag.
    assert.match(xml, /<w:rStyle w:val="SDGTag"\/>[\s\S]{0,400}?ODD 16\.3/);
  });

  test('--reference-doc, a path the user gives, is read wherever it is', () => {
    const r = synthlint(['export', 'elsewhere/brief.synth.md', '--to', 'docx', '--reference-doc', 'office/styles/office.docx', '-o', 'user.docx']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(strFromU8(unzipSync(new Uint8Array(readFileSync(join(dir, 'user.docx'))))['word/document.xml']!), /<w:pgSz w:w="12240" w:h="15840"/);
  });
});
