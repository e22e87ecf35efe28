/**
 * The language server's evidence registers: each synthesis's register found the one way the CLI
 * finds it too (`loadEvidenceFor`), read once per register and kept until a watched file changes;
 * the register's own problems published as diagnostics on the register file.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { LineIndex, wordMessage, type EvidenceRegister, type SeveritySetting, type SynthesisDocument } from '../core/index.js';
import { loadEvidenceFor, type EvidenceLookup } from '../node/evidence.js';
import { DIAGNOSTIC_SOURCE } from './diagnostics.js';
import { pathToUri, uriToPath } from './files.js';
import { problemRange, toRange } from './positions.js';

/**
 * Files whose change may change a register: registers named by front matter can have any name,
 * so every CSV file is watched; YAML files are already watched for templates.
 */
export const EVIDENCE_WATCHERS: ReadonlyArray<{ globPattern: string }> = [{ globPattern: '**/*.csv' }, { globPattern: '**/evidence.{yaml,yml}' }];

/** The diagnostics code of a problem in a register (and the setting that controls it: `synthesis.rules.evidence`). */
export const EVIDENCE_CODE = 'evidence';

export class EvidenceRegisters {
  /** Lookups by synthesis folder and the `evidence:` value of its front matter. */
  private readonly lookups = new Map<string, EvidenceLookup>();
  /** Register files with diagnostics shown now. */
  private shown = new Set<string>();

  constructor(
    private readonly send: (uri: string, diagnostics: Diagnostic[]) => void,
    private readonly severity: () => SeveritySetting | undefined,
  ) {}

  /** The register of a synthesis (none for a document that is not a file), read at most once. */
  lookup(uri: string, document: SynthesisDocument): EvidenceLookup {
    const path = uriToPath(uri);
    if (!path) return {};
    const named = document.frontMatter?.fields.get('evidence')?.value;
    const key = `${dirname(path)}\u0000${typeof named === 'string' ? named.trim() : ''}`;
    const cached = this.lookups.get(key);
    if (cached) return cached;
    const found = loadEvidenceFor(path, document);
    this.lookups.set(key, found);
    this.publish(found);
    return found;
  }

  register(uri: string, document: SynthesisDocument): EvidenceRegister | undefined {
    return this.lookup(uri, document).register;
  }

  /**
   * Files changed on disk. Returns whether a register may have changed (then every register is read
   * again when next asked for, and its diagnostics are published again).
   */
  changed(changes: ReadonlyArray<{ path: string; deleted: boolean }>): boolean {
    const known = new Set([...this.lookups.values()].flatMap((l) => (l.path ? [l.path] : [])));
    const relevant = changes.filter((c) => known.has(c.path) || /^evidence\.(?:csv|ya?ml)$/i.test(basename(c.path)));
    if (relevant.length === 0) return false;
    for (const change of relevant) {
      const uri = pathToUri(change.path);
      if (change.deleted && this.shown.delete(uri)) this.send(uri, []);
    }
    this.lookups.clear();
    return true;
  }

  /** Forgets every register (after a settings change): they are read and published again. */
  reset(): void {
    this.lookups.clear();
  }

  /** A diagnostic on the synthesis's `evidence:` field when the register it names cannot be read. */
  documentDiagnostics(uri: string, document: SynthesisDocument): Diagnostic[] {
    const found = this.lookup(uri, document);
    const field = document.frontMatter?.fields.get('evidence');
    if (!found.error || !field || this.severity() === 'off') return [];
    const named = typeof field.value === 'string' ? field.value.trim() : '';
    return [
      {
        range: toRange(document.lines, field.valueSpan),
        severity: toSeverity(this.severity()),
        source: DIAGNOSTIC_SOURCE,
        code: EVIDENCE_CODE,
        message: `The evidence register '${named}' cannot be read: ${reason(found.error)}. Name a CSV or YAML file relative to this synthesis.`,
      },
    ];
  }

  private publish(found: EvidenceLookup): void {
    if (!found.path || !found.register) return;
    const uri = pathToUri(found.path);
    const setting = this.severity();
    const problems = setting === 'off' ? [] : found.register.problems;
    if (problems.length === 0) {
      if (this.shown.delete(uri)) this.send(uri, []);
      return;
    }
    let text = '';
    try {
      text = readFileSync(found.path, 'utf8');
    } catch {
      // Gone since it was read: the ranges fall back to the line starts.
    }
    const lines = new LineIndex(text);
    this.shown.add(uri);
    this.send(
      uri,
      problems.map((p) => ({ range: problemRange(lines, p.line, p.column), severity: toSeverity(setting), source: DIAGNOSTIC_SOURCE, code: EVIDENCE_CODE, message: wordMessage(p.message) })),
    );
  }
}

function toSeverity(setting: SeveritySetting | undefined): DiagnosticSeverity {
  switch (setting) {
    case 'info':
      return DiagnosticSeverity.Information;
    case 'warning':
      return DiagnosticSeverity.Warning;
    default:
      return DiagnosticSeverity.Error;
  }
}

/** The end of `loadEvidenceFor`'s error, in words. */
function reason(error: string): string {
  const code = /: ([A-Z]+)$/.exec(error)?.[1];
  switch (code) {
    case 'ENOENT':
      return 'there is no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error.replace(/^cannot read the evidence register [^:]*: /, '');
  }
}
