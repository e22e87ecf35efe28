/**
 * The custom requests of the Synthesis Markdown language server, besides the standard LSP ones: their
 * names and the shapes of their parameters and answers. The server (lsp/handlers/*) and the VS Code
 * extension (client/src/*) both import this one module, so the two cannot drift apart. It has no
 * runtime imports (a type-only import is erased when compiled) and holds only constants and types,
 * so the client may import it (ESLint allows exactly this file of the server).
 */
import type { ImportReport } from '../core/word.js';

export const Requests = {
  /** Check every `*.synth.md` of the workspace into the Problems panel. */
  validateWorkspace: 'synthesis/validateWorkspace',
  /** The templates a document may name (of its project), or those of the first workspace folder. */
  templates: 'synthesis/templates',
  /** The template of an open document and its problem counts (the status bar). */
  documentInfo: 'synthesis/documentInfo',
  /** The document as HTML, rendered from the same analysis as its diagnostics. */
  render: 'synthesis/render',
  /** The evidence coverage map of one synthesis or of the workspace. */
  coverage: 'synthesis/coverage',
  /** The text of a new synthesis following a template. */
  skeleton: 'synthesis/skeleton',
  /** `{ pid }` of the server process, so a test can stop it and watch the client restart it. */
  serverInfo: 'synthesis/serverInfo',
  /** Write a synthesis as a Word document or a printed PDF brief (lsp/handlers/word.ts). */
  exportDocument: 'synthesis/exportDocument',
  /** Write a Word, PDF, HTML, Markdown or text file as a synthesis beside it (lsp/handlers/word.ts). */
  importDocument: 'synthesis/importDocument',
} as const;

export interface ValidateWorkspaceResult {
  files: number;
  errors: number;
  warnings: number;
}

export interface TemplatesParams {
  /** A document (open or not, saved or not) whose project's templates are wanted. */
  uri?: string;
}

export interface TemplateSectionInfo {
  id: string;
  heading: string;
  level: number;
  required: boolean;
  /** Holds the SDG target sections, one level deeper. */
  targets: boolean;
  /** Needs a sources block. */
  sources: boolean;
  description: string | null;
}

export interface TemplateInfo {
  id: string;
  title: string;
  description: string;
  /** 'builtin' or the file the template came from. */
  origin: string;
  sections: TemplateSectionInfo[];
  /** Required front-matter fields; each entry lists alternatives. */
  requiredFields: string[][];
  /** SDG goals whose targets may head target sections (ascending). */
  goals: number[];
  /** Vocabulary of sources-block labels. */
  sourceLabels: string[];
}

export interface DocumentInfoParams {
  uri: string;
}

export interface DocumentInfo {
  templateId: string;
  /** Null when the template id is unknown. */
  templateTitle: string | null;
  errors: number;
  warnings: number;
}

/**
 * Without `standalone` the answer is a body fragment for the preview (top-level blocks carry
 * `data-line` attributes, blocks with findings carry their messages); with `standalone: true` it is
 * a complete, self-contained page (inline CSS) for export.
 */
export interface RenderParams {
  uri: string;
  /** The current text, for a document the server does not have open. */
  text?: string;
  standalone?: boolean;
}

export interface RenderResult {
  html: string;
  title: string;
}

export interface CoverageParams {
  /** One synthesis; the whole workspace without it. */
  uri?: string;
  /** Overrides the configured minimum (target sections resting on fewer evaluations are weak). */
  minimum?: number;
}

export interface CoverageResult {
  minimum: number;
  targets: Array<{
    target: string;
    title?: string;
    files: string[];
    sections: Array<{ file: string; heading: string; line: number }>;
    evaluations: string[];
    weak: boolean;
  }>;
  evaluations: Array<{ id: string; label: string; title?: string; year?: number; type?: string; registered: boolean; declaredTargets: string[]; citations: number; targets: string[] }>;
  matrix: number[][];
  /** URIs of the syntheses mapped. */
  files: string[];
  /** The target × OECD-DAC criterion view: per target, the evaluations informing each criterion (docs/findings.md). */
  criteria?: {
    criteria: readonly string[];
    rows: Array<{ target: string; title?: string; cells: string[][]; uninformed: string[] }>;
    /** Whether any register or tag links an evaluation to a criterion. */
    informed: boolean;
    /** The view's words in the editor's display language; `names` by criterion. */
    words: { title: string; target: string; intro: string; missing: string; all: string; noCriteria: string; names: Record<string, string> };
  };
}

export interface SkeletonParams {
  templateId: string;
  /** The document it is for (its project's templates); the first workspace folder's without it. */
  uri?: string;
  /** Snippet syntax with tab stops (for the editor's insertSnippet) instead of plain text. */
  snippet?: boolean;
  /** The language of the new synthesis (en, es or fr): its headings, placeholders and `language` field. The editor's display language by default. */
  language?: 'en' | 'es' | 'fr';
}

/** The text, or null when no template has that id. */
export type SkeletonResult = { text: string } | null;

export interface ServerInfo {
  pid: number;
}

export type Paper = 'a4' | 'letter';

export interface ExportDocumentParams {
  uri: string;
  /** The current text, for a document the server does not have open. */
  text?: string;
  to: 'docx' | 'pdf';
  /** The file to write: a path the user chose (a save dialog), written wherever it is. */
  target: string;
  /**
   * The user's `synthesis.pdf.paper`. Like every editor setting it applies only to documents
   * outside a project that has a configuration file; inside one, the project's `pdf.paper` decides.
   */
  paper?: Paper;
  /** The browser program the user's own (machine-wide) setting names. */
  browser?: string;
}

/** `message` is in words the user can read; nothing is thrown to the client. */
export type ExportDocumentResult = { ok: true; path: string; title: string } | { ok: false; message: string };

export interface ImportDocumentParams {
  /** The file to import: a path the user chose (a dialog or the explorer), read wherever it is. */
  path: string;
  template?: string;
  language?: 'en' | 'es' | 'fr';
}

/** What the importer recognised (see docs/word-and-pdf.md, "The report"), and what the checks find in the result. */
/** What `synthlint import` reports (the import's own report), and the problem counts of the result. */
export interface ImportDocumentReport extends Omit<ImportReport, 'warnings'> {
  /** What the reader could not bring in, in the editor's language. */
  warnings: string[];
  /** The parts kept as ordinary Markdown (`left`), one line each in the editor's language: the kind of part, then its first words. */
  kept: string[];
  findings: { errors: number; warnings: number; infos: number };
}

export type ImportDocumentResult = { ok: true; path: string; report: ImportDocumentReport } | { ok: false; message: string };
