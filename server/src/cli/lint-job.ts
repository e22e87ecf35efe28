/**
 * One file's whole job — read it, analyse it with the language service (fixing it first with
 * `--fix`) — as plain, cloneable data, so that the main thread and the worker threads
 * (cli-worker.ts) run exactly the same code. Each thread has its own service over the Node host.
 */
import { hash } from 'node:crypto';
import { createLanguageService, MAX_DOCUMENT_BYTES, msg, type FileFailure, type FileStamp, type LanguageService, type Message, type ServiceInput, type SeveritySetting, type TextEncodingName } from '../core/index.js';
import { createNodeHost } from '../node/host.js';
import type { CliFile } from './files.js';
import { fileFindingData, findingData, type FindingData } from './findings.js';

/** What a job needs besides the file: plain data, so it can be posted to a worker. */
export interface JobSettings {
  /** The folder no project root goes above: the current folder, or --project. */
  project: string;
  defaultTemplate?: string;
  severities: Readonly<Record<string, SeveritySetting>>;
  fix: boolean;
}

/** A template, register or configuration file the analysis read, with its findings (maybe none). */
export interface RelatedFile {
  path: string;
  findings: FindingData[];
}

export type JobOutcome =
  | {
      ok: true;
      findings: FindingData[];
      /** With `fix`: the corrected text when at least one fix was applied, and how to write it. */
      fixedText?: string;
      encoding: TextEncodingName;
      /** The file as it was read: `--fix` writes only if it is still so. */
      stamp: FileStamp;
      fixesApplied: number;
      related: RelatedFile[];
      /** The SHA-256 of the text the findings are about (the corrected text after `--fix`). */
      textHash: string;
      /** What else the findings depend on (for `--cache`). */
      inputs: ServiceInput[];
    }
  | { ok: false; failure: FileFailure; detail?: Message };

/** The service of a CLI run: the command line's flags are its overrides; its reads block the thread that asks (see `createNodeHost`). */
export function createCliService(settings: JobSettings): LanguageService {
  return createLanguageService(createNodeHost({ blocking: true }), {
    ceilings: [settings.project],
    overrides: { rules: settings.severities, ...(settings.defaultTemplate !== undefined ? { defaultTemplate: settings.defaultTemplate } : {}) },
  });
}

/** Lints files one after another with one service (projects, templates and registers are read once). */
export function createLinter(settings: JobSettings): (file: CliFile) => Promise<JobOutcome> {
  const service = createCliService(settings);
  const lint = async ({ path, within, found }: CliFile): Promise<JobOutcome> => {
    // A file the user named is read wherever it is; one found in a folder only inside that folder.
    const read = await service.host.readText(path, { ...(found ? { within } : {}), maxBytes: MAX_DOCUMENT_BYTES });
    if (!read.ok) return { ok: false, failure: read.failure, ...(read.detail ? { detail: read.detail } : {}) };
    const source = { key: path, path, text: read.text, version: null, transient: true };
    const result = settings.fix ? await service.fixAll(source) : { text: read.text, applied: 0, analysis: await service.analyze(source) };
    return {
      ok: true,
      findings: findingData(result.analysis),
      ...(result.text !== read.text ? { fixedText: result.text } : {}),
      encoding: read.encoding,
      stamp: read.stamp,
      fixesApplied: result.applied,
      related: result.analysis.related.map((r) => ({ path: r.path, findings: fileFindingData(r.findings) })),
      textHash: textHash(result.text),
      inputs: result.analysis.inputs,
    };
  };
  // Whatever goes wrong with one file is that file's failure: the others are still checked.
  return (file) => lint(file).catch((error: unknown) => ({ ok: false, failure: 'io', detail: msg('file.detail.check-failed', { error: String(error instanceof Error ? error.message : error).split('\n')[0]! }) }));
}

/** The hash a document's text is known by in the cache. */
export function textHash(text: string): string {
  return hash('sha256', text);
}
