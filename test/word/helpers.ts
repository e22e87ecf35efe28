// Shared by the Word and PDF tests: the reference brief (which must be there: a missing file
// fails), the real consumers (LibreOffice, poppler) and a word count to prove no text is lost.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../helpers.js';

export const REFERENCE = join(repoRoot, '..', 'shared', 'reference', 'unodc-mexico-meta-synthesis-brief.txt');

/** The reference brief's text. Fails (does not skip) when CI did not provide it. */
export function referenceText(): string {
  assert.ok(existsSync(REFERENCE), `the reference brief is missing: expected ${REFERENCE} (CI copies shared/ beside the repository)`);
  return readFileSync(REFERENCE, 'utf8');
}

/** A temporary folder removed when the process ends. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

let profile: string | undefined;

/**
 * Runs LibreOffice headless with a profile of this test process's own, so test files running at
 * the same time do not share (and lock) one.
 */
export function soffice(args: readonly string[], cwd: string): string {
  profile ??= tempDir('synthesis-lo-profile-');
  const r = spawnSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.error, undefined, `LibreOffice could not run (${String(r.error)}); install libreoffice-writer-nogui`);
  assert.equal(r.status, 0, `soffice ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** The text LibreOffice reads out of a document (what a reader sees). */
export function libreOfficeText(file: string): string {
  return soffice(['--cat', file], join(file, '..'));
}

/** Converts with LibreOffice into `outDir`; returns the new file's path. */
export function convert(file: string, filter: string, extension: string, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  soffice(['--convert-to', filter, '--outdir', outDir, file], outDir);
  const out = join(outDir, basename(file).replace(/\.[^.]+$/, `.${extension}`));
  assert.ok(existsSync(out), `LibreOffice wrote no ${out}`);
  return out;
}

export function pdfText(file: string): string {
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  assert.equal(r.status, 0, `pdftotext failed: ${r.stderr} (install poppler-utils)`);
  return r.stdout;
}

export function pdfInfo(file: string): { pages: number; width: number; height: number; fonts?: string } {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  assert.equal(r.status, 0, `pdfinfo failed: ${r.stderr} (install poppler-utils)`);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(r.stdout)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(r.stdout);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** The fonts a PDF uses (pdffonts), names without the subset prefix. */
export function pdfFonts(file: string): string[] {
  const r = spawnSync('pdffonts', [file], { encoding: 'utf8' });
  assert.equal(r.status, 0, `pdffonts failed: ${r.stderr}`);
  return r.stdout
    .split('\n')
    .slice(2)
    .map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''))
    .filter(Boolean);
}

/** Words (letters and digits), lower case, numbers without their group separators (3,076, 3 076 and 3.076 are one number): how many times each. */
export function words(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const normalised = text.replace(/(\d)[.,\u00a0\u202f ](?=\d{3}\b)/g, '$1');
  for (const w of normalised.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** The words of `input` that `output` has fewer of, except `allowed` (labels that became keys). */
export function missingWords(input: string, output: string, allowed: readonly string[] = []): string[] {
  const have = words(output);
  const allow = words(allowed.join(' '));
  const missing: string[] = [];
  for (const [w, n] of words(input)) {
    const short = n - (have.get(w) ?? 0) - (allow.get(w) ?? 0);
    if (short > 0) missing.push(`${w}${short > 1 ? ` (×${short})` : ''}`);
  }
  return missing;
}
