// Makes the README's two pictures of Word and PDF output from real output: the Colombia sample
// exported as a Word document, opened by LibreOffice and printed (pdftoppm turns the page into a
// PNG), and the same sample printed as the PDF brief by the local Chromium.
//
//   node scripts/word-images.mjs      (after npm run build; needs soffice, pdftoppm and chromium)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'synthesis-word-images-'));
const sample = join(root, 'samples', 'colombia-country-programme.synth.md');

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
  if (r.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed:\n${r.stderr}`);
    process.exit(1);
  }
  return r.stdout;
}

try {
  const docx = join(work, 'colombia.docx');
  const pdf = join(work, 'colombia.pdf');
  run(process.execPath, [join(root, 'dist', 'cli.js'), 'export', sample, '--to', 'docx', '-o', docx]);
  run('soffice', [`-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx]);
  // Page 3 holds the last target sections and the sources figures.
  run('pdftoppm', ['-png', '-r', '80', '-f', '3', '-l', '3', '-singlefile', join(work, 'colombia.pdf'), join(work, 'word-page')]);
  copyFileSync(join(work, 'word-page.png'), join(root, 'docs', 'images', 'word-page.png'));

  run(process.execPath, [join(root, 'dist', 'cli.js'), 'export', sample, '--to', 'pdf', '-o', pdf.replace('.pdf', '-brief.pdf')]);
  run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf.replace('.pdf', '-brief.pdf'), join(work, 'pdf-brief')]);
  copyFileSync(join(work, 'pdf-brief.png'), join(root, 'docs', 'images', 'pdf-brief.png'));
  console.log('Wrote docs/images/word-page.png and docs/images/pdf-brief.png');
} finally {
  rmSync(work, { recursive: true, force: true });
}
