// The edit mix the benchmark sends through the server (bench/run.mjs), shared with the server's
// profiling aid (bench/profile-server.mjs): a document being edited, one round of edits, and the
// project folder the drafts are edited in.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib.mjs';
import { Positions } from './lsp-client.mjs';

export const WORD = 'sustained ';

/**
 * Opens `text` at `uri` in the server: resolves with the first diagnostics published for it and
 * the moment (performance.now()) the open was sent.
 */
export async function openDocument(client, uri, text) {
  const opened = client.diagnosticsFor(uri, 1);
  const sentAt = performance.now();
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'synthesis-markdown', version: 1, text } });
  return { sentAt, first: await opened };
}

/**
 * A document being edited: its text, the LSP change of each edit, and named offsets that follow
 * the edits (an offset after an edit moves with it).
 */
export class EditedDocument {
  constructor(text, marks) {
    this.text = text;
    this.marks = { ...marks };
    this.positions = new Positions(text);
  }
  /** A draft of the corpus being edited, with the marks of the edit mix (and `extra` ones). */
  static ofDraft(draft, extra = {}) {
    return new EditedDocument(draft.text, {
      paragraph: draft.editOffset,
      headingEnd: draft.headingEndOffset,
      sectionStart: draft.section.start,
      sectionEnd: draft.section.end,
      sourcesCount: draft.sourcesCountOffset,
      fenceLine: draft.fenceLineOffset,
      ...extra,
    });
  }
  /**
   * Replaces `[start, end)` with `insert`; returns the LSP content change. A mark at or after `end`
   * moves with the text after it, so a mark where text is typed stays after it, as a cursor does.
   */
  replace(start, end, insert) {
    const range = { start: this.positions.at(start), end: this.positions.at(end) };
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    this.positions = new Positions(this.text);
    const delta = insert.length - (end - start);
    for (const [k, v] of Object.entries(this.marks)) if (typeof v === 'number' && v >= end) this.marks[k] = v + delta;
    return { range, text: insert };
  }
}

/**
 * One round of a writer's edits on a draft (a document with findings): typing a word in a
 * paragraph and in a heading (one change per character), deleting a line and typing it back as a
 * paste, pasting a whole section and cutting it again, changing a count in a sources block and
 * typing in a fenced block. Yields [kind, change] pairs.
 */
export function* editRound(doc) {
  for (const ch of WORD) {
    yield ['typing in a paragraph', doc.replace(doc.marks.paragraph, doc.marks.paragraph, ch)];
  }
  for (const ch of ' review') {
    yield ['typing in a heading', doc.replace(doc.marks.headingEnd, doc.marks.headingEnd, ch)];
  }
  const lineStart = doc.text.lastIndexOf('\n', doc.marks.paragraph) + 1;
  const lineEnd = doc.text.indexOf('\n', doc.marks.paragraph) + 1;
  const line = doc.text.slice(lineStart, lineEnd);
  yield ['deleting a line', doc.replace(lineStart, lineEnd, '')];
  yield ['pasting a line back', doc.replace(lineStart, lineStart, line)];
  const section = doc.text.slice(doc.marks.sectionStart, doc.marks.sectionEnd);
  yield ['pasting a whole section', doc.replace(doc.marks.sectionStart, doc.marks.sectionStart, section)];
  yield ['cutting that section again', doc.replace(doc.marks.sectionStart, doc.marks.sectionStart + section.length, '')];
  if (doc.marks.sourcesCount !== undefined) {
    const digit = doc.text[doc.marks.sourcesCount];
    yield ['changing a count in a sources block', doc.replace(doc.marks.sourcesCount, doc.marks.sourcesCount + 1, digit === '9' ? '8' : '9')];
    yield ['changing it back', doc.replace(doc.marks.sourcesCount, doc.marks.sourcesCount + 1, digit)];
  }
  if (doc.marks.fenceLine !== undefined) {
    for (const ch of ' and') {
      yield ['typing in a fenced block', doc.replace(doc.marks.fenceLine, doc.marks.fenceLine, ch)];
    }
  }
}

/** A project folder: `.synthesis/config.yaml`, a template of its own and an evidence register. */
export function prepareProject(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, '.synthesis', 'templates'), { recursive: true });
  writeFileSync(join(dir, '.synthesis', 'config.yaml'), 'defaultTemplate: unodc-meta-synthesis\nrules:\n  uncited-evidence: info\n');
  writeFileSync(join(dir, '.synthesis', 'templates', 'country-brief.yaml'), readFileSync(join(root, 'samples', '.synthesis', 'templates', 'country-brief.yaml'), 'utf8'));
  const rows = ['id,title,year,type,country,projects,targets,url'];
  for (let i = 1; i <= 40; i++) rows.push(`EV-${String(i).padStart(2, '0')},Evaluation ${i},${2015 + (i % 9)},country,Colombia,${1 + (i % 3)},16.${1 + (i % 10)},https://evaluation.example.org/ev-${i}`);
  writeFileSync(join(dir, 'evidence.csv'), `${rows.join('\n')}\n`);
}
