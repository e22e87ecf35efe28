// Spanish and French: the messages, fix titles, hovers and completion details in the user's
// language; package.json's texts and the extension's own messages translated; the CLI following
// --lang or the environment; and the Spanish and French samples read in their own language.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { analyze, applyFixes, complete, disableRuleFix, hover, parse, RULES, wordFinding, type WordedFinding } from '../../server/src/core/index.js';
import { formatNumber, list, listText, localeFromEnvironment, MESSAGES, msg, placeholdersOf, resolveLocale, translator, wordMessage, type Message } from '../../server/src/core/i18n/index.js';
import { run } from '../../server/src/cli/run.js';
import { say } from '../../server/src/lsp/word-messages.js';
import { loadEvidenceFor } from '../../server/src/node/evidence.js';
import { filesUnder, repoRoot } from '../helpers.js';
import { checkFixture, readFixture } from './rules-fixture.js';

const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(repoRoot, file), 'utf8')) as Record<string, unknown>;

describe('message catalogues', () => {
  const english = MESSAGES.en;
  for (const locale of ['es', 'fr'] as const) {
    test(`${locale}: every English message is translated, with the same placeholders`, () => {
      const translated = MESSAGES[locale];
      assert.deepEqual(Object.keys(translated).sort(), Object.keys(english).sort());
      for (const [key, text] of Object.entries(english)) {
        const other = (translated as Record<string, string>)[key]!;
        assert.ok(other.trim(), `${locale} ${key} is not empty`);
        assert.deepEqual(placeholdersOf(other), placeholdersOf(text), `${locale} ${key}: placeholders`);
      }
    });

    test(`${locale}: every rule's messages are translated, with the same placeholders, and its description too`, () => {
      for (const rule of RULES) {
        assert.deepEqual(Object.keys(rule.messages[locale]).sort(), Object.keys(rule.messages.en).sort(), rule.id);
        for (const [key, text] of Object.entries(rule.messages.en)) {
          const other = rule.messages[locale][key]!;
          assert.ok(other.trim(), `${locale} ${rule.id}.${key} is not empty`);
          assert.deepEqual(placeholdersOf(other), placeholdersOf(text), `${locale} ${rule.id}.${key}: placeholders`);
        }
        assert.ok(rule.description[locale].trim() && rule.description[locale] !== rule.description.en, `${rule.id}: ${locale} description`);
      }
    });
  }

  test('a message is worded in the language asked for, English for an unknown one, and never fails', () => {
    const fix = (label: string, value: number): Message => msg('counts.fix', { changes: list([msg('counts.change-line', { label, value })]) });
    assert.equal(wordMessage(fix('proyectos', 16), 'es'), 'Poner proyectos en 16');
    assert.equal(wordMessage(fix('projets', 15), 'fr'), 'Mettre projets à 15');
    assert.equal(wordMessage(fix('projects', 3), 'de' as 'en'), 'Set projects to 3');
    assert.equal(wordMessage({ key: 'sources-sum.one', args: { label: 'projets', count: 3, sum: 4 } }, 'fr'), 'projets : 3 ne correspond pas à sa ventilation, 4');
    assert.equal(translator('es')('disable.line', { rule: 'count-mismatch' }), 'Desactivar count-mismatch en esta línea');
    assert.equal(wordMessage({ key: 'no.such.key' }, 'fr'), 'no.such.key');
  });

  test('arguments are worded too: nested messages, lists with the language’s conjunction, numbers in its style', () => {
    const message = { key: 'unknown-target.target', args: { target: '16.11', goal: 16, targets: { list: [{ key: 'sdg.range', args: { first: '16.1', last: '16.10' } }, '16.a', '16.b'], conjunction: 'and' as const } } };
    assert.equal(wordMessage(message, 'en'), 'Unknown SDG target 16.11: goal 16 has the targets 16.1 to 16.10, 16.a and 16.b');
    assert.equal(wordMessage(message, 'es'), 'La meta 16.11 de los ODS no existe: las metas del objetivo 16 son 16.1 a 16.10, 16.a y 16.b');
    assert.equal(wordMessage({ key: 'server.more-problems', args: { count: { number: 3076 } } }, 'fr'), '3\u00a0076 autres problèmes de ce document ne sont pas affichés ici ; corrigez ceux qui précèdent ou lancez synthlint sur le fichier pour la liste complète');
    assert.match(wordMessage({ key: 'document.large', args: { size: { number: 2.5, decimals: 1 }, limit: 2 } }, 'es'), /^Este documento es muy grande \(2,5 millones/);
  });

  test('what the language server says about Word and PDF comes from the catalogue, in the editor’s language', () => {
    const tooLarge = { file: 'informe.docx', failure: 'too-large' as const, detail: msg('file.detail.size', { size: { number: 60 }, limit: { number: 50 } }) };
    assert.equal(say('en', 'cannotRead', tooLarge), 'informe.docx could not be read: it is 60 MB; the limit is 50 MB.');
    assert.equal(say('es', 'cannotRead', tooLarge), 'No se pudo leer informe.docx: ocupa 60 MB; el límite es 50 MB.');
    assert.equal(say('fr', 'cannotUseReference', { named: 'bureau.docx', problem: 'not-word' }), 'Le document de référence \'bureau.docx\' ne peut pas être utilisé : ce n\'est pas un document Word (.docx) : il n\'a ni partie document ni partie styles.');
    assert.equal(say('es', 'printFailed', { browser: 'chromium', problem: { problem: 'timeout', seconds: 60 } }), 'No se pudo imprimir el PDF con chromium: el navegador no terminó de imprimir en 60 segundos.');
    assert.equal(say('fr', 'cannotWrite', { file: 'note.docx', failure: 'outside-project' }), 'note.docx n’a pas pu être écrit : c’est un lien vers un fichier hors de son dossier, à travers lequel rien n’est écrit ; le fichier est resté tel quel.');
    // Every message without arguments differs from the English one in Spanish and French: none is left untranslated.
    for (const key of ['failed', 'nothingToExport', 'cannotReadSynthesis', 'overSynthesis', 'noBrowser', 'noFile', 'notImportable'] as const) {
      for (const locale of ['es', 'fr'] as const) assert.notEqual(say(locale, key), say('en', key), `${locale} ${key}`);
    }
  });

  test('lists use the language’s conjunction, with Spanish "e" and "u" where they belong', () => {
    assert.equal(listText(['16.1', '16.2', '16.3'], 'and', 'es'), '16.1, 16.2 y 16.3');
    assert.equal(listText(['a', 'b'], 'or', 'fr'), 'a ou b');
    assert.equal(listText(['7', '8'], 'or', 'es'), '7 u 8');
    assert.equal(listText(['justicia', 'integridad'], 'and', 'es'), 'justicia e integridad');
    assert.equal(listText(['1', '2'], 'or', 'en'), '1 or 2');
    assert.equal(formatNumber(3076, 'es'), '3\u00a0076');
    assert.equal(formatNumber(3076, 'en'), '3,076');
  });
});

describe('the user’s language', () => {
  test('language tags and environment variables choose en, es or fr', () => {
    assert.equal(resolveLocale('es-MX'), 'es');
    assert.equal(resolveLocale('fr_CA.UTF-8'), 'fr');
    assert.equal(resolveLocale('EN'), 'en');
    assert.equal(resolveLocale('French'), 'fr');
    assert.equal(resolveLocale('de-DE'), undefined);
    assert.equal(resolveLocale(''), undefined);
    assert.equal(localeFromEnvironment({ LANG: 'es_ES.UTF-8' }), 'es');
    assert.equal(localeFromEnvironment({ LANG: 'es_ES.UTF-8', LC_MESSAGES: 'fr_FR.UTF-8' }), 'fr');
    assert.equal(localeFromEnvironment({ LANG: 'fr_FR.UTF-8', LC_ALL: 'C' }), 'en');
    assert.equal(localeFromEnvironment({ LANG: 'de_DE.UTF-8' }), 'en');
    assert.equal(localeFromEnvironment({ LANGUAGE: 'fr:en', LANG: 'en_GB.UTF-8' }), 'fr');
    assert.equal(localeFromEnvironment({}), 'en');
  });
});

describe('rule messages in Spanish and French', () => {
  const fixtures = filesUnder(join(repoRoot, 'test', 'fixtures', 'rules'), '.synth.md');
  // One analysis, worded in each language: the analysis itself does not depend on the reader.
  const analyseIn = (file: string, locale: 'en' | 'es' | 'fr'): { findings: WordedFinding[] } => {
    const fixture = readFixture(readFileSync(file, 'utf8'), basename(dirname(file)));
    return { findings: checkFixture(file, fixture).findings.map((f) => wordFinding(f, locale)) };
  };

  test('a Spanish locale gives the Spanish message and fix for a breakdown that does not add up', () => {
    const file = join(repoRoot, 'test', 'fixtures', 'rules', 'sources-sum', 'parent-wrong.synth.md');
    const [finding] = analyseIn(file, 'es').findings;
    assert.equal(finding?.message, 'Se esperaba que evaluation reports (15) fuera igual a la suma de su desglose, 9 + 3 + 2 = 14');
    assert.equal(finding?.fixes?.[0]?.title, 'Poner evaluation reports en 14');
    const [french] = analyseIn(file, 'fr').findings;
    assert.equal(french?.message, 'evaluation reports : 15 ne correspond pas à la somme de sa ventilation, 9 + 3 + 2 = 14');
  });

  test('every fixture finds the same things in every language, with every message and fix title translated', () => {
    let compared = 0;
    for (const file of fixtures) {
      const name = relative(repoRoot, file);
      const en = analyseIn(file, 'en').findings;
      for (const locale of ['es', 'fr'] as const) {
        const other = analyseIn(file, locale).findings;
        assert.deepEqual(
          other.map((f) => [f.rule, f.span, f.severity, f.fixes?.map((x) => x.edits)]),
          en.map((f) => [f.rule, f.span, f.severity, f.fixes?.map((x) => x.edits)]),
          `${name} (${locale}): the same findings and edits`,
        );
        other.forEach((f, i) => {
          assert.doesNotMatch(f.message, /\{[A-Za-z]+\}/, `${name} (${locale}): no placeholder left in "${f.message}"`);
          assert.notEqual(f.message, en[i]!.message, `${name} (${locale}): "${f.message}" is translated`);
          f.fixes?.forEach((fix, j) => assert.notEqual(fix.title, en[i]!.fixes![j]!.title, `${name} (${locale}): fix "${fix.title}" is translated`));
          compared++;
        });
      }
    }
    assert.ok(compared > 100, `compared ${compared} findings`);
  });
});

describe('synthlint --lang', () => {
  const file = join('test', 'fixtures', 'cli', 'sum-error.synth.md');
  const pkg = { version: '0.0.0', docsBase: 'file:///docs/', homepage: 'file:///README.md' };
  async function synthlint(args: string[], vars: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await run(args, { cwd: repoRoot, pkg, vars, out: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) } });
    return { code, stdout, stderr };
  }

  test('--lang es prints Spanish messages', async () => {
    const r = await synthlint(['--lang', 'es', file]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /sources-sum Se esperaba que evaluation reports \(9\) fuera igual a la suma de su desglose, 6 \+ 4 = 10/);
  });

  test('without --lang the environment decides, and --lang wins over it', async () => {
    assert.match((await synthlint([file], { LANG: 'fr_FR.UTF-8' })).stdout, /sources-sum evaluation reports : 9 ne correspond pas à la somme/);
    assert.match((await synthlint(['--lang=en', file], { LANG: 'fr_FR.UTF-8' })).stdout, /sources-sum Expected evaluation reports \(9\)/);
    assert.match((await synthlint([file])).stdout, /sources-sum Expected evaluation reports \(9\)/);
  });

  test('an unknown language is a usage error', async () => {
    const r = await synthlint(['--lang', 'de', file]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown language 'de': use en, es or fr/);
    assert.match((await synthlint(['--lang', 'de', file], { LANG: 'es_ES.UTF-8' })).stderr, /^synthlint: idioma desconocido 'de': use en, es o fr\nEjecute 'synthlint --help' para ver cómo se usa\.\n$/);
  });

  test('the help, usage errors and the summary are in the user’s language', async () => {
    const help = { en: (await synthlint(['--help'])).stdout, es: (await synthlint(['--help', '--lang', 'es'])).stdout, fr: (await synthlint(['--help'], { LANG: 'fr_CA.UTF-8' })).stdout };
    assert.match(help.en, /^synthlint: check Synthesis Markdown files/);
    assert.match(help.es, /^synthlint: comprueba archivos de Synthesis Markdown[\s\S]*Códigos de salida:/);
    assert.match(help.fr, /^synthlint : vérifie des fichiers Synthesis Markdown[\s\S]*Codes de sortie :/);
    // Every option is explained in every language.
    for (const option of ['--format', '--template', '--rule', '--fix', '--quiet', '--lang', '--project', '--help', '--version', '--output', '--min', '--sections']) {
      for (const text of Object.values(help)) assert.ok(text.includes(option), option);
    }
    const usage = await synthlint(['--nope', file, '--lang=fr']);
    assert.equal(usage.code, 2);
    assert.equal(usage.stderr, "synthlint: option inconnue '--nope'\nLancez 'synthlint --help' pour l'utilisation.\n");
    const es = await synthlint(['--lang', 'es', file]);
    assert.equal(es.stderr, '1 error en 1 archivo (1 se pueden corregir con --fix).\n');
    const fr = await synthlint(['--format', 'json', 'nothing-here'], { LANG: 'fr_FR.UTF-8' });
    assert.equal(fr.code, 2);
    assert.equal(fr.stderr, "synthlint: impossible de lire nothing-here : ce fichier n'existe pas\n");
  });

  test('SARIF describes the rules in the user’s language', async () => {
    const log = JSON.parse((await synthlint(['--format', 'sarif', '--lang', 'fr', file])).stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; shortDescription: { text: string } }> } }; results: Array<{ message: { text: string } }> }> };
    const run = log.runs[0]!;
    assert.equal(run.tool.driver.rules.find((r) => r.id === 'sources-sum')?.shortDescription.text, "Une ventilation d'un bloc de sources dont les nombres ne donnent pas le total de la ligne qu'elle détaille");
    assert.equal(run.tool.driver.rules.find((r) => r.id === 'config')?.shortDescription.text, 'Un fichier de configuration du projet (.synthesis/config.yaml) comportant une erreur');
    assert.match(run.results[0]!.message.text, /ne correspond pas à la somme de sa ventilation/);
  });
});

/**
 * Words of an English sentence that Spanish and French do not use, found in a text once option
 * names (--to, -o) are taken out: an English sentence left in the output shows up as these.
 */
const ENGLISH = new Set(['the', 'and', 'with', 'cannot', 'which', 'where', 'from', 'file', 'files', 'found', 'not', 'for', 'of', 'is', 'are', 'will', 'be', 'into', 'run', 'see', 'default', 'none', 'guessed', 'imported', 'wrote', 'checks', 'errors', 'warnings', 'name', 'write', 'read', 'takes', 'unknown', 'usage', 'needs', 'already', 'exists', 'choose', 'another', 'kept', 'ordinary', 'paragraph', 'english', 'spanish', 'french', 'what', 'it', 'background', 'context']);
const englishWords = (text: string): string[] => text.replace(/(?<![\p{L}])--?[A-Za-z][\w-]*/gu, ' ').split(/[^\p{L}]+/u).filter((w) => ENGLISH.has(w.toLowerCase()));

describe('synthlint export and import in the user’s language', () => {
  const pkg = { version: '0.0.0', docsBase: 'file:///docs/', homepage: 'file:///README.md' };
  const dir = mkdtempSync(join(tmpdir(), 'synthesis-i18n-word-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  async function synthlint(args: string[], vars: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await run(args, { cwd: dir, pkg, vars, out: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) } });
    return { code, stdout, stderr };
  }
  const BRIEFS = {
    es: 'Síntesis de las evaluaciones en Honduras\n\nPaís: Honduras\n\nANTECEDENTES Y CONTEXTO\n\nLa oficina de evaluación pidió esta síntesis para preparar el próximo ciclo del programa.\n\nODS 16.1 REDUCIR LA VIOLENCIA: Los observatorios municipales publican cifras comparables.\n',
    fr: 'Synthèse des évaluations au Sénégal\n\nPays : Sénégal\n\nCONTEXTE\n\nLe bureau de l’évaluation a demandé cette synthèse pour préparer le prochain cycle du programme.\n\nODD 16.1 RÉDUIRE LA VIOLENCE : Les observatoires municipaux publient des chiffres comparables.\n',
  };
  const expected = {
    es: { exportHelp: /^synthlint export: una síntesis como documento de Word/, importHelp: /^synthlint import: un informe breve o un informe como síntesis/, hint: (c: string) => `Ejecute 'synthlint ${c} --help' para ver cómo se usa.`, unknown: "opción desconocida '--nope'", oneFile: "'synthlint import' admite un solo archivo, no 2", missing: (f: string) => `no se puede leer ${f}: no existe ese archivo`, imported: /^Se importó breve\.txt \(archivo de texto, español\) en breve-es\.synth\.md, plantilla unodc-meta-synthesis\.\n/, targets: /^ {2}secciones de metas: +16\.1$/m, checks: /^ {2}comprobaciones: \d+ errores?, \d+ advertencias?/m, guessed: /\(archivo de texto, español, deducido\)/ },
    fr: { exportHelp: /^synthlint export : une synthèse en document Word/, importHelp: /^synthlint import : une note ou un rapport en synthèse/, hint: (c: string) => `Lancez 'synthlint ${c} --help' pour l'utilisation.`, unknown: "option inconnue '--nope'", oneFile: "'synthlint import' prend un seul fichier, pas 2", missing: (f: string) => `impossible de lire ${f} : ce fichier n'existe pas`, imported: /^breve\.txt \(fichier texte, français\) importé dans breve-fr\.synth\.md, modèle unodc-meta-synthesis\.\n/, targets: /^ {2}sections de cibles : +16\.1$/m, checks: /^ {2}vérifications : \d+ erreurs?, \d+ avertissements?/m, guessed: /\(fichier texte, français, deviné\)/ },
  } as const;

  test('the English help is caught by the check for English sentences', async () => {
    const help = (await synthlint(['export', '--help'])).stdout;
    assert.match(help, /^synthlint export: a synthesis as a Word document/);
    assert.ok(englishWords(help).length > 20);
    assert.ok(englishWords((await synthlint(['import', '--help'])).stdout).length > 20);
  });

  for (const locale of ['es', 'fr'] as const) {
    const want = expected[locale];
    test(`${locale}: export --help and import --help, with --lang or from the environment`, async () => {
      const environment = { LANG: locale === 'es' ? 'es_MX.UTF-8' : 'fr_CA.UTF-8' };
      for (const [command, heading, options] of [
        ['export', want.exportHelp, ['--to', '--output', '--reference-doc', '--paper', '--browser', '--template', '--no-toc', '--lang', '--project']],
        ['import', want.importHelp, ['--output', '--template', '--lang', '--evidence', '--format', '--force', '--project']],
      ] as const) {
        for (const r of [await synthlint([command, '--help', '--lang', locale]), await synthlint([command, '-h'], environment)]) {
          assert.equal(r.code, 0);
          assert.match(r.stdout, heading);
          for (const option of options) assert.ok(r.stdout.includes(option), `${command} ${option}`);
          assert.deepEqual(englishWords(r.stdout), [], `${locale} ${command} --help`);
        }
      }
    });

    test(`${locale}: usage errors and a missing file, in the user's language only`, async () => {
      const usage = await synthlint(['export', '--nope', 'x.synth.md', '--lang', locale]);
      assert.equal(usage.code, 2);
      assert.equal(usage.stderr, `synthlint export: ${want.unknown}\n${want.hint('export')}\n`);
      const two = await synthlint(['import', 'a.docx', 'b.docx', '--lang', locale]);
      assert.equal(two.code, 2);
      assert.equal(two.stderr, `synthlint import: ${want.oneFile}\n`);
      const missingExport = await synthlint(['export', 'missing.synth.md', '--to', 'docx', '--lang', locale]);
      assert.equal(missingExport.code, 2);
      assert.equal(missingExport.stderr, `synthlint export: ${want.missing('missing.synth.md')}\n`);
      const missingImport = await synthlint(['import', 'missing.docx'], { LC_ALL: `${locale}_${locale.toUpperCase()}.UTF-8` });
      assert.equal(missingImport.code, 2);
      assert.equal(missingImport.stderr, `synthlint import: ${want.missing('missing.docx')}\n`);
      for (const r of [usage, two, missingExport, missingImport]) assert.deepEqual(englishWords(r.stderr), [], r.stderr);
      // Every other usage error too: none is left in English.
      for (const args of [['export'], ['export', 'a', 'b'], ['export', 'x.synth.md'], ['export', 'x.synth.md', '--to', 'odt'], ['export', 'x.synth.md', '--to', 'pdf', '--paper', 'a5'], ['export', 'x.synth.md', '--to', 'pdf', '--reference-doc', 'o.docx'], ['export', 'x.synth.md', '--to'], ['import'], ['import', 'x.docx', '--format', 'xml'], ['import', 'x.docx', '--format', 'json', '-o', '-'], ['import', 'notes.odt'], ['import', '--force=yes', 'x.docx']]) {
        const r = await synthlint([...args, '--lang', locale]);
        assert.equal(r.code, 2, args.join(' '));
        assert.deepEqual(englishWords(r.stderr), [], r.stderr);
      }
    });

    test(`${locale}: the import report`, async () => {
      writeFileSync(join(dir, 'breve.txt'), BRIEFS[locale]);
      const r = await synthlint(['import', 'breve.txt', '-o', `breve-${locale}.synth.md`, '--lang', locale]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, want.imported);
      assert.match(r.stderr, want.targets);
      assert.match(r.stderr, want.checks);
      assert.deepEqual(englishWords(r.stderr), [], r.stderr);
      // Without --lang, the environment chooses the messages' language and the document's is guessed.
      const guessed = await synthlint(['import', 'breve.txt', '-o', `auto-${locale}.synth.md`], { LANGUAGE: locale });
      assert.equal(guessed.code, 0, guessed.stderr);
      assert.match(guessed.stderr, want.guessed);
      assert.deepEqual(englishWords(guessed.stderr), [], guessed.stderr);
      // The JSON report's section headings are words the user reads: in the user's language too (the ids stay as they are).
      const json = await synthlint(['import', 'breve.txt', '-o', `json-${locale}.synth.md`, '--format', 'json', '--lang', locale]);
      assert.equal(json.code, 0, json.stderr);
      const sections = (JSON.parse(json.stdout) as { sections: Array<{ id: string; heading: string }> }).sections;
      assert.ok(sections.some((s) => s.id === 'background'), JSON.stringify(sections));
      assert.deepEqual(englishWords(sections.map((s) => s.heading).join('\n')), [], JSON.stringify(sections));
      const exists = await synthlint(['import', 'breve.txt', '-o', `breve-${locale}.synth.md`, '--lang', locale]);
      assert.equal(exists.code, 2);
      assert.deepEqual(englishWords(exists.stderr), [], exists.stderr);
    });
  }
});

describe('editor features in the user’s language', () => {
  const doc = parse(
    ['## Methodology', '', 'Text.', '', '```sources', 'evaluation reports: 21', '  country-level: 13', '  regional: 3', '  global: 5', '```', ''].join('\n'),
  );

  test('hovers over sources lines use the locale’s words and number style', () => {
    const at = doc.text.indexOf('country-level');
    assert.equal(hover(doc, at)?.contents, '**13 of 21 evaluation reports** (62%)');
    assert.equal(hover(doc, at, { locale: 'es' })?.contents, '**13 de 21 evaluation reports** (62\u00a0%)');
    assert.equal(hover(doc, at, { locale: 'fr' })?.contents, '**13 sur 21 evaluation reports** (62\u00a0%)');
    assert.match(hover(doc, doc.text.indexOf('evaluation reports'), { locale: 'fr' })!.contents, /Ventilation : 13 \+ 3 \+ 5 = 21 ✓/);
    assert.match(hover(doc, doc.text.indexOf('Methodology'), { locale: 'es' })!.contents, /La plantilla la exige\./);
  });

  test('the quick fix that turns a rule off is titled in the locale', () => {
    const finding = { rule: 'count-mismatch', span: { start: doc.text.indexOf('Text.'), end: doc.text.indexOf('Text.') + 4 } };
    const fix = disableRuleFix(doc, finding)!;
    assert.equal(wordMessage(fix.title), 'Disable count-mismatch for this line');
    assert.equal(wordMessage(fix.title, 'es'), 'Desactivar count-mismatch en esta línea');
    assert.equal(wordMessage(fix.title, 'fr'), 'Désactiver count-mismatch pour cette ligne');
  });

  test('completion details are in the locale', () => {
    const fm = parse('---\ntitle: X\n\n---\n');
    const items = complete(fm, fm.text.indexOf('\n\n') + 1, { locale: 'fr' });
    const team = items.find((i) => i.label === 'team');
    assert.equal(team?.detail, 'exigé par le modèle');
    assert.equal(team?.documentation, 'Les auteurs de la synthèse.');
  });
});

describe('the Spanish and French samples', () => {
  const samples = [
    { file: 'samples/es/sintesis-guatemala.synth.md', language: 'es', tag: 'ODS 16.1 ', words: /\*\*Meta 16\.1\*\*[\s\S]*Reducir significativamente todas las formas de violencia/ },
    { file: 'samples/fr/synthese-senegal.synth.md', language: 'fr', tag: 'ODD 16.1 ', words: /\*\*Cible 16\.1\*\*[\s\S]*Réduire nettement, partout dans le monde, toutes les formes de violence/ },
  ] as const;
  for (const sample of samples) {
    test(`${sample.file} validates cleanly, in every locale`, () => {
      const text = readFileSync(join(repoRoot, sample.file), 'utf8');
      // Checked with its evidence register, found as synthlint finds it.
      const { register } = loadEvidenceFor(join(repoRoot, sample.file), parse(text));
      assert.ok(register && register.entries.length > 10, `${sample.file} has its register`);
      assert.deepEqual(register.problems, []);
      const analysis = analyze(text, { evidence: register });
      assert.equal(analysis.document.language, sample.language);
      assert.deepEqual(analysis.findings.map((f) => `${f.rule} ${wordMessage(f.message)}`), [], sample.file);
    });

    test(`${sample.file}: a hover on '${sample.tag.trim()}' gives the official text in the document's language`, () => {
      const document = parse(readFileSync(join(repoRoot, sample.file), 'utf8'));
      const at = document.text.indexOf(`### ${sample.tag}`);
      assert.ok(at >= 0);
      // The document's language decides the SDG text, whatever the user's language.
      for (const locale of ['en', 'es', 'fr'] as const) assert.match(hover(document, at + 6, { locale })!.contents, sample.words);
    });
  }

  test('their breakdowns, written naturally, are checked against their registers', () => {
    for (const [file, line, wrong] of [
      ['samples/es/sintesis-guatemala.synth.md', '  evaluaciones de programas de país: 8', '  evaluaciones de programas de país: 9'],
      ['samples/fr/synthese-senegal.synth.md', '  évaluations régionales: 4', '  évaluations régionales: 3'],
    ] as const) {
      const text = readFileSync(join(repoRoot, file), 'utf8');
      assert.ok(text.includes(`\n${line}\n`), `${file} has the line ${line}`);
      const { register } = loadEvidenceFor(join(repoRoot, file), parse(text));
      const broken = analyze(text.replace(line, wrong), { evidence: register! });
      const rules = new Set(broken.findings.map((f) => f.rule));
      assert.ok(rules.has('register-mismatch') && rules.has('sources-sum'), `${file}: ${[...rules].join(', ')}`);
      // One --fix puts the register's figure back, and the text that quoted it follows.
      const { text: fixed } = applyFixes(text.replace(line, wrong), broken.findings);
      assert.equal(fixed, text, file);
    }
  });

  test('the French sample uses ODD tags, French headings and French labels', () => {
    const document = parse(readFileSync(join(repoRoot, 'samples/fr/synthese-senegal.synth.md'), 'utf8'));
    assert.ok(document.tags.some((t) => t.prefix === 'ODD'));
    assert.ok(document.headings.some((h) => h.text === 'Principales constatations et considérations'));
    assert.ok(document.sourcesBlocks.some((b) => b.entries.some((e) => e.label === "rapports d'évaluation")));
  });
});

describe('package.json and the extension’s messages', () => {
  const manifestText = readFileSync(join(repoRoot, 'package.json'), 'utf8');
  const nls = { en: readJson('package.nls.json'), es: readJson('package.nls.es.json'), fr: readJson('package.nls.fr.json') };

  test('package.nls.es.json and package.nls.fr.json have exactly the keys of package.nls.json', () => {
    for (const locale of ['es', 'fr'] as const) {
      assert.deepEqual(Object.keys(nls[locale]).sort(), Object.keys(nls.en).sort(), locale);
      for (const [key, value] of Object.entries(nls[locale])) assert.ok(typeof value === 'string' && value.trim(), `${locale} ${key}`);
    }
  });

  test('every %key% in package.json resolves, and every text is used', () => {
    const used = [...manifestText.matchAll(/"%([^%"\s]+)%"/g)].map((m) => m[1]!);
    assert.ok(used.length > 20);
    for (const key of used) assert.ok(key in nls.en, `%${key}% is in package.nls.json`);
    assert.deepEqual([...new Set(used)].sort(), Object.keys(nls.en).sort(), 'package.nls.json has no unused texts');
    assert.equal((JSON.parse(manifestText) as { l10n?: string }).l10n, './l10n');
  });

  test('the walkthrough is written in all three languages, and its buttons run commands that exist', () => {
    const manifest = JSON.parse(manifestText) as { contributes: { commands: Array<{ command: string }>; walkthroughs?: Array<{ title: string; description: string; steps: Array<{ title: string; description: string; media: { altText?: string }; completionEvents?: string[] }> }> } };
    const walkthroughs = manifest.contributes.walkthroughs ?? [];
    assert.equal(walkthroughs.length, 1);
    const key = (text: string | undefined): string => /^%([^%]+)%$/.exec(text ?? '')?.[1] ?? assert.fail(`'${text}' is not a %key% of package.nls.json`);
    const ours = new Set(manifest.contributes.commands.map((c) => c.command));
    const texts = walkthroughs.flatMap((w) => [w.title, w.description, ...w.steps.flatMap((step) => [step.title, step.description, step.media.altText])]).map(key);
    for (const k of texts) {
      // Each language its own words: a Spanish or French text that is the English one was not translated.
      assert.notEqual(nls.es[k], nls.en[k], `es ${k}`);
      assert.notEqual(nls.fr[k], nls.en[k], `fr ${k}`);
    }
    for (const step of walkthroughs[0]!.steps) {
      const text = [nls.en, nls.es, nls.fr].map((n) => n[key(step.description)] as string);
      const links = text.map((t) => [...t.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]!));
      assert.ok(links[0]!.length > 0, `${key(step.description)} has a button`);
      assert.deepEqual(links[1], links[0], `es ${key(step.description)} runs the same commands`);
      assert.deepEqual(links[2], links[0], `fr ${key(step.description)} runs the same commands`);
      for (const command of links[0]!) assert.ok(ours.has(command) || command.startsWith('workbench.'), `${command} exists`);
      for (const event of step.completionEvents ?? []) assert.ok(links[0]!.includes(event.replace(/^onCommand:/, '')), `${event} is a button of the step`);
    }
  });

  test('the l10n bundles translate every vscode.l10n.t message of the client, with the same {n} arguments', () => {
    const source = filesUnder(join(repoRoot, 'client', 'src'), '.ts').map((f) => readFileSync(f, 'utf8')).join('\n');
    const messages = new Set<string>();
    for (const m of source.matchAll(/vscode\.l10n\.t\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g)) messages.add((m[1] ?? m[2]!).replace(/\\(.)/g, '$1'));
    assert.doesNotMatch(source, /vscode\.l10n\.t\(\s*`/, 'messages are plain string literals, so they can be found');
    assert.ok(messages.size > 20);
    const args = (s: string): string[] => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]!).sort();
    for (const locale of ['es', 'fr']) {
      const bundle = readJson(`l10n/bundle.l10n.${locale}.json`) as Record<string, string>;
      for (const message of messages) {
        assert.ok(bundle[message], `${locale}: "${message}" is translated`);
        assert.deepEqual(args(bundle[message]), args(message), `${locale}: "${message}" keeps its arguments`);
      }
      assert.deepEqual(Object.keys(bundle).filter((k) => !messages.has(k)), [], `${locale}: no stale messages`);
    }
  });
});

describe('synthlint matrix in the user’s language', () => {
  const pkg = { version: '0.0.0', docsBase: 'file:///docs/', homepage: 'file:///README.md' };
  const dir = mkdtempSync(join(tmpdir(), 'synthesis-i18n-matrix-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'sin-flujo.synth.md'), '---\ntitle: Norland\n---\n\n## Main findings and considerations\n\n### SDG 16.1 Reducing violence\n\nObservatories publish figures.\n');
  async function synthlint(args: string[], vars: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await run(args, { cwd: dir, pkg, vars, out: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) } });
    return { code, stdout, stderr };
  }
  const expected = {
    es: { help: /^synthlint matrix: la matriz de resumen de una síntesis\n\nUso:\n {2}synthlint matrix <archivo> \[--format md\|csv\|json\|prisma\] \[--min N\] \[--lang IDIOMA\] \[-o ARCHIVO\]\n/, hint: "Ejecute 'synthlint matrix --help' para ver cómo se usa.", unknown: "opción desconocida '--nope'", needsValue: '--format necesita un valor', needsFile: "'synthlint matrix' necesita un archivo: synthlint matrix informe.synth.md", format: "formato de matriz desconocido 'pdf': use md, csv, json o prisma", missing: 'no se puede leer missing.synth.md: no existe ese archivo' },
    fr: { help: /^synthlint matrix : la matrice de synthèse d'un document \(constats, données probantes, considérations\)\n\nUtilisation :\n {2}synthlint matrix <fichier> \[--format md\|csv\|json\|prisma\] \[--min N\] \[--lang LANGUE\] \[-o FICHIER\]\n/, hint: "Lancez 'synthlint matrix --help' pour l'utilisation.", unknown: "option inconnue '--nope'", needsValue: '--format demande une valeur', needsFile: "'synthlint matrix' demande un fichier : synthlint matrix note.synth.md", format: "format de matrice inconnu 'pdf' : utilisez md, csv, json ou prisma", missing: "impossible de lire missing.synth.md : ce fichier n'existe pas" },
  } as const;

  test('English stays the default, and its help is caught by the check for English sentences', async () => {
    const help = (await synthlint(['matrix', '--help'])).stdout;
    assert.match(help, /^synthlint matrix: the summary matrix of a synthesis\n/);
    assert.ok(englishWords(help).length > 20);
    const usage = await synthlint(['matrix', '--nope', 'x.synth.md']);
    assert.equal(usage.stderr, "synthlint: unknown option '--nope'\nRun 'synthlint matrix --help' for usage.\n");
  });

  for (const locale of ['es', 'fr'] as const) {
    const want = expected[locale];
    test(`${locale}: matrix --help, with --lang or from the environment, agrees with the main help`, async () => {
      // The main help's matrix line, in the same language, is the command's usage line.
      const mainUsage = translator(locale)('cli.help').split('\n').find((l) => l.trimStart().startsWith('synthlint matrix'))!.trim();
      for (const r of [await synthlint(['matrix', '--help', '--lang', locale]), await synthlint(['matrix', '-h'], { LANG: locale === 'es' ? 'es_AR.UTF-8' : 'fr_BE.UTF-8' })]) {
        assert.equal(r.code, 0);
        assert.equal(r.stderr, '');
        assert.match(r.stdout, want.help);
        assert.ok(r.stdout.includes(`\n  ${mainUsage}\n`), `${locale}: the usage line of 'synthlint --help' (${mainUsage}) is the command's`);
        for (const option of ['--format', '--min', '--output', '--lang', '--project', '--help']) assert.ok(r.stdout.includes(option), option);
        assert.deepEqual(englishWords(r.stdout), [], `${locale} matrix --help`);
      }
    });

    test(`${locale}: matrix usage errors, an unknown format and a missing file, in the user's language only`, async () => {
      const cases: Array<[string[], string]> = [
        [['matrix', '--nope', 'x.synth.md'], `synthlint: ${want.unknown}\n${want.hint}\n`],
        [['matrix', 'x.synth.md', '--format'], `synthlint: ${want.needsValue}\n${want.hint}\n`],
        [['matrix'], `synthlint: ${want.needsFile}\n${want.hint}\n`],
        [['matrix', '--format', 'pdf', 'x.synth.md'], `synthlint: ${want.format}\n${want.hint}\n`],
        [['matrix', 'missing.synth.md'], `synthlint: ${want.missing}\n`],
      ];
      for (const [args, stderr] of cases) {
        const r = await synthlint([...args, '--lang', locale]);
        assert.equal(r.code, 2, args.join(' '));
        assert.equal(r.stdout, '');
        assert.equal(r.stderr, stderr, args.join(' '));
      }
      // Every other thing the command can say on a mistake: none is left in English.
      for (const args of [['matrix', 'a.synth.md', 'b.synth.md'], ['matrix', '--min', 'two', 'x.synth.md'], ['matrix', '--min'], ['matrix', '--help=yes'], ['matrix', '-o', 'sin-flujo.synth.md', 'sin-flujo.synth.md'], ['matrix', '--format', 'prisma', 'sin-flujo.synth.md'], ['matrix', '--lang', 'de', 'x.synth.md']]) {
        const r = await synthlint([...args, ...(args.includes('--lang') ? [] : ['--lang', locale])], { LANG: `${locale}_${locale.toUpperCase()}.UTF-8` });
        assert.equal(r.code, 2, args.join(' '));
        assert.notEqual(r.stderr, '', args.join(' '));
        assert.deepEqual(englishWords(r.stderr), [], r.stderr);
      }
    });
  }
});
