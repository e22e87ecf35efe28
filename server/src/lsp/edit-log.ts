/**
 * The content changes of each open document, as offsets, so that the parser re-reads only what an
 * edit touched instead of comparing the whole old and new texts. Fed by the documents' update hook
 * (`textDocumentConfiguration`); read through `DocumentSource.editsSince`.
 */
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import type { OffsetEdit } from '../core/index.js';
import { OpenDocument } from './open-document.js';

/** One version step: the edits that led from `from` to `to`, or undefined for a whole-text change. */
interface Step {
  from: number;
  to: number;
  edits: OffsetEdit[] | undefined;
  /** Characters the step's edits insert (what keeping it costs). */
  size: number;
}

/** Steps kept per document: the parser catches up at each check, so only a few are ever read. */
const MAX_STEPS = 256;
const MAX_CHARACTERS = 4 * 1024 * 1024;

export class EditLog {
  private readonly steps = new Map<string, Step[]>();

  /** The configuration of `TextDocuments` that applies each change and records its offsets. */
  readonly documents: TextDocumentsConfiguration<OpenDocument> = {
    create: (uri, languageId, version, content) => {
      this.steps.set(uri, []);
      return new OpenDocument(uri, languageId, version, content);
    },
    update: (document, changes, version) => {
      const from = document.version;
      const edits = document.update(changes, version);
      let size = 0;
      for (const change of changes) size += change.text.length;
      this.record(document.uri, { from, to: version, edits, size });
      return document;
    },
  };

  private record(uri: string, step: Step): void {
    let steps = this.steps.get(uri);
    if (!steps) this.steps.set(uri, (steps = []));
    steps.push(step);
    let total = 0;
    for (const s of steps) total += s.size;
    while (steps.length > MAX_STEPS || (steps.length > 1 && total > MAX_CHARACTERS)) total -= steps.shift()!.size;
  }

  /**
   * The edits that lead from version `from` of a document to version `to`, in order; undefined
   * when a step is missing or was a whole-text change (then the parser compares the texts).
   */
  since(uri: string, from: number, to: number): OffsetEdit[] | undefined {
    const steps = this.steps.get(uri);
    if (!steps || from === to) return from === to ? [] : undefined;
    let k = steps.findIndex((s) => s.from === from);
    if (k < 0) return undefined;
    const out: OffsetEdit[] = [];
    for (let version = from; version !== to; k++) {
      const step = steps[k];
      if (!step || step.from !== version || !step.edits) return undefined;
      out.push(...step.edits);
      version = step.to;
    }
    return out;
  }

  forget(uri: string): void {
    this.steps.delete(uri);
  }
}
