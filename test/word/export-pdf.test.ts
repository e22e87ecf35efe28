// PDF export, printed by the real Chromium on this machine and read back with poppler: the
// reference brief, imported, prints on two pages of A4 and of Letter with its title block, targets
// and figures; without a browser the message says what to install.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { importDocument } from '../../server/src/core/word.js';
import { repoRoot } from '../helpers.js';
import { pdfInfo, pdfText, referenceText, tempDir } from './helpers.js';

const cli = join(repoRoot, 'dist', 'cli.js');
const dir = tempDir('synthesis-export-pdf-');

function synthlint(args: readonly string[], env: NodeJS.ProcessEnv = process.env): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', env, timeout: 180_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const PAPERS = { a4: { width: 595, height: 842 }, letter: { width: 612, height: 792 } } as const;

describe('the PDF brief', () => {
  before(async () => {
    const imported = await importDocument(new TextEncoder().encode(referenceText()), 'txt');
    writeFileSync(join(dir, 'mexico.synth.md'), imported.markdown);
  });

  for (const paper of ['a4', 'letter'] as const) {
    test(`the reference brief prints on two ${paper === 'a4' ? 'A4' : 'Letter'} pages with its title block, targets and figures`, () => {
      const out = `mexico-${paper}.pdf`;
      const r = synthlint(['export', 'mexico.synth.md', '--to', 'pdf', '--paper', paper, '-o', out]);
      assert.equal(r.status, 0, r.stderr);
      const info = pdfInfo(join(dir, out));
      assert.equal(info.pages, 2, `expected a two-page brief, found ${info.pages} pages`);
      assert.ok(Math.abs(info.width - PAPERS[paper].width) < 2 && Math.abs(info.height - PAPERS[paper].height) < 2, `${paper}: found ${info.width} x ${info.height}`);
      const text = pdfText(join(dir, out)).replace(/\s+/g, ' ');
      assert.match(text, /META-SYNTHESIS OF THE WORK OF UNODC IN MEXICO/);
      assert.match(text, /Country: Mexico/);
      assert.match(text, /Synthesis team: Ms\. Ann Sutherland, Ms\. Xiomara Chavez, Ms\. Ashley Hollister, Ms\. Elise Wall/);
      for (const target of ['SDG 16.1 Reducing violence', 'SDG 16.2 Ending abuse', 'SDG 16.3', 'SDG 16.4', 'SDG 16.5', 'SDG 16.6/16.a Transparent institutions', 'SDG 16.b Law and policy development']) {
        assert.ok(text.includes(target), `the PDF shows "${target}"`);
      }
      // The figures stand side by side as tiles: each count, and each label in capitals, is on the page.
      const figures = text.slice(text.indexOf('SOURCES OF DATA REVIEWED'));
      for (const piece of ['3,076', 'DOCUMENTS', '697', 'SURVEYS', '419', 'INTERVIEW AND FOCUS GROUP PARTICIPANTS', '21', 'EVALUATION REPORTS', '13 country-level', '3 regional', '5 global', '22', 'PROJECTS', '12', 'SECONDARY DOCUMENTS']) {
        assert.ok(figures.includes(piece), `the PDF shows "${piece}" among the figures`);
      }
    });
  }

  test('without a browser on the PATH, one line says what to install', () => {
    const r = synthlint(['export', 'mexico.synth.md', '--to', 'pdf', '-o', 'none.pdf'], { PATH: join(dir, 'no-such-folder'), HOME: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /no Chromium, Chrome or Edge was found .*sudo apt-get install chromium.*--browser PATH/);
  });

  test('a browser named with --browser that does not exist is reported', () => {
    const r = synthlint(['export', 'mexico.synth.md', '--to', 'pdf', '--browser', join(dir, 'chrome-that-is-not-there'), '-o', 'none.pdf']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /the browser '.*chrome-that-is-not-there' was not found or cannot be run/);
  });
});
