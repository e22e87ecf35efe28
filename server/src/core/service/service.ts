/**
 * The language service: everything the editor, `synthlint`, the preview and the exports need to know
 * about a synthesis, worked out one way for all of them. Over an injected host (which does every
 * read), it finds a document's project, reads the project's configuration, templates and the
 * document's evidence register, and analyses each document version once.
 *
 * The project root of a document is the nearest folder at or above it that holds a `.synthesis`
 * folder, never above its ceiling: the workspace folder in the editor, the folder `synthlint` was
 * started in (or `--project`). A document with no such folder above it has its ceiling as project
 * root. Every path a document or the project's configuration names is read only inside the project
 * root; editor settings name paths inside the workspace folder.
 *
 * Configuration, lowest to highest: built-in defaults → the user's editor settings (only for
 * documents outside a project that has a configuration file) → `.synthesis/config.yaml` → the
 * document's front matter → explicit command-line flags (`overrides`).
 */
import { coverageMatrix, DEFAULT_COVERAGE_MINIMUM, type CoverageMatrix, type CoverageSource } from '../coverage.js';
import { parseEvidenceRegister, type EvidenceRegister } from '../evidence.js';
import { applyFixes } from '../fix.js';
import type { Locale } from '../i18n/index.js';
import { msg, type Message } from '../i18n/message.js';
import { analyzeDocument, DEFAULT_TEMPLATE, type Analysis } from '../lint.js';
import { IncrementalParser, parse, type OffsetEdit, type SynthesisDocument } from '../parse.js';
import type { Text } from '../pieces.js';
import { coverageAnnexFor } from '../findings/html.js';
import { matrixFor } from '../findings/matrix.js';
import { criteriaMatrix, criteriaWords, type CriteriaMatrix, type CriteriaWords } from '../findings/criteria-view.js';
import { renderPreviewOf, renderStandalonePageOf } from '../render/index.js';
import { builtinTemplates, parseTemplate, type Template, type TemplateRegistry } from '../templates/template.js';
import { LineIndex, type Position } from '../text.js';
import type { Finding, Language, Severity, SeveritySetting, Span } from '../types.js';
import { CONFIG_FILE, CONFIG_FOLDER, parseConfig, type ConfigFile, type ProjectConfig } from './config.js';
import { failureText, MAX_DOCUMENT_BYTES, MAX_SIDE_FILE_BYTES } from './failures.js';
import { isInside, type FileFailure, type ServiceHost } from './host.js';
import { buildSkeleton } from '../templates/skeleton.js';
import { findSyntheses, type WalkOptions } from './walker.js';

/** A document to work on: its text as the caller has it (an open editor's, or read from disk). */
export interface DocumentSource {
  /** How the caller names it (a URI in the editor, a path in the CLI); caches are kept per key. */
  key: string;
  /** Its path on disk, if it has one (an unsaved editor has none). */
  path?: string;
  /** The text: a string, or an open document's version kept in pieces. */
  text: Text;
  /** The editor's version; null for a text read from disk. */
  version: number | null;
  /**
   * Read for one answer (a workspace scan, one run of the CLI): nothing is kept for it, so that
   * thousands of files do not stay in memory.
   */
  transient?: boolean;
  /**
   * The editor's content changes from an earlier version to this one, as offsets (undefined when
   * they are not all known): the parser then re-reads only what they touched instead of comparing
   * the two texts.
   */
  editsSince?: (version: number) => readonly OffsetEdit[] | undefined;
}

/** The editor settings that can change findings (`synthesis.*`), for documents outside a configured project. */
export interface UserSettings {
  rules?: Readonly<Record<string, SeveritySetting>>;
  defaultTemplate?: string;
  /** Extra template folders, relative to the workspace folder (or absolute, inside it). */
  templateFolders?: readonly string[];
  coverageMinimum?: number;
}

/** Explicit command-line flags: above everything else. */
export interface Overrides {
  rules?: Readonly<Record<string, SeveritySetting>>;
  /** The template of documents whose front matter names none. */
  defaultTemplate?: string;
  coverageMinimum?: number;
}

export interface LanguageServiceOptions {
  /** Folders a project root never goes above (workspace folders; the CLI's start folder or --project). */
  ceilings?: readonly string[];
  userSettings?: UserSettings;
  overrides?: Overrides;
}

/** The configuration a document is checked with, every layer applied. */
export interface EffectiveConfig {
  rules: Readonly<Record<string, SeveritySetting>>;
  defaultTemplate: string;
  /** The language of documents whose front matter names none. */
  language: Language;
  coverageMinimum: number;
  /** Where the settings came from: the project's file, the editor's settings, or neither. */
  source: 'config' | 'settings' | 'defaults';
  /** Everything the project's configuration file gives (empty without one), for keys other parts read. */
  file: ProjectConfig;
}

/** 0-based, as the core's `LineIndex` counts (UTF-16 columns). */
export interface Range {
  start: Position;
  end: Position;
}

/** A finding on a file other than a synthesis: a template, a register, a configuration file. */
export interface FileFinding {
  rule: string;
  severity: Severity;
  /** As data: `wordMessage` puts it into the user's language. */
  message: Message;
  range: Range;
}

export interface FileReport {
  path: string;
  findings: FileFinding[];
}

/** What the service knows about one document version: the analysis and everything it was made from. */
export interface DocumentAnalysis extends Analysis {
  key: string;
  path: string | undefined;
  version: number | null;
  projectRoot: string | undefined;
  /** The project's configuration file, when it has one. */
  configPath: string | undefined;
  config: EffectiveConfig;
  /** The templates the document may name. */
  templates: TemplateRegistry;
  register: { path: string; register: EvidenceRegister } | undefined;
  /** The document's language (front matter, else the project's, else English). */
  language: Language;
  /** The other files this analysis read, with their own findings (possibly none). */
  related: FileReport[];
  /**
   * Every file and folder the analysis depended on besides the document itself, read or looked for
   * (a register or `.synthesis` folder that is absent counts: its appearing changes the findings).
   * With the same contents there, the same document text and the same overrides, the findings are
   * the same: the CLI's cache (`--cache`) checks exactly these.
   */
  inputs: ServiceInput[];
}

/** A file read or a folder listed, with the folder its real path had to stay inside. */
export interface ServiceInput {
  kind: 'file' | 'folder';
  path: string;
  within?: string;
}

/** A document's project, configuration, templates and register, without the rules run. */
export interface DocumentContext {
  document: SynthesisDocument;
  project: Project | undefined;
  config: EffectiveConfig;
  templates: TemplateRegistry;
  register: { path: string; register: EvidenceRegister } | undefined;
  /** Findings about the register on the document itself (one it names cannot be read). */
  registerFindings: Finding[];
  /** The register the document names (or that sits beside it) when it cannot be read. */
  registerFailure: RegisterFailure | undefined;
  /** What the context was read from (see `DocumentAnalysis.inputs`). */
  inputs: ServiceInput[];
}

export interface RegisterFailure {
  /** The name as written (front matter) or the file name beside the document. */
  named: string;
  path: string;
  failure: FileFailure;
  detail?: Message;
}

export interface FixResult {
  text: string;
  /** Fixes applied over all passes. */
  applied: number;
  /** The analysis of the final text. */
  analysis: DocumentAnalysis;
}

export interface LanguageService {
  /** The editor settings changed; analyses made before are stale. */
  setUserSettings(settings: UserSettings): void;
  /** The workspace folders changed. */
  setCeilings(ceilings: readonly string[]): void;
  /**
   * Files changed on disk. Returns whether analyses may have changed (a configuration, template or
   * register changed): then every open document should be checked again.
   */
  filesChanged(paths: readonly string[]): boolean;
  /** Forgets what is kept for a document (it was closed). */
  forget(key: string): void;

  /** The parse of a document version, cached; cheap (no project lookup). */
  parse(source: DocumentSource): SynthesisDocument;
  /** The context (project, configuration, templates, register) of a document version. */
  context(source: DocumentSource): Promise<DocumentContext>;
  /** The analysis of a document version, made once and cached until a setting or file changes. */
  analyze(source: DocumentSource): Promise<DocumentAnalysis>;
  /** Applies safe fixes until none applies (at most `MAX_FIX_PASSES` passes). */
  fixAll(source: DocumentSource): Promise<FixResult>;
  /**
   * The preview's fragment, or with `standalone` the complete page. `showProblems: false` leaves the
   * problem marks out, `extraCss` adds styles to the standalone page (the printed PDF brief), and
   * the problem marks are worded in `locale` (English by default). Both have the summary matrix as
   * an annex when the document has target sections (the standalone page then the coverage annex,
   * when the document also has an evidence register), unless `annexes: false`.
   */
  render(analysis: DocumentAnalysis, options?: { standalone?: boolean; showProblems?: boolean; extraCss?: string; locale?: Locale; annexes?: boolean }): { html: string; title: string };
  /**
   * The coverage map of the documents; `minimum` from the caller wins over the configuration. With
   * `criteria`, the target × criterion view of the same documents comes with it, with its words in
   * that language (the editor's coverage page shows both).
   */
  coverage(sources: readonly DocumentSource[], options?: { minimum?: number; files?: (source: DocumentSource) => string; criteria?: { language: Language } }): Promise<CoverageMatrix & { criteria?: CriteriaMatrix & { words: CriteriaWords } }>;
  /** The templates a document at `path` (or a new one in that folder) may name; the built-ins without a path. */
  templates(path?: string): Promise<TemplateRegistry>;
  /** The text of a new synthesis following a template, or undefined for an unknown id. */
  /** The text of a new synthesis in `language` (English by default), from a template of the project of `path`. */
  skeleton(templateId: string, options?: { path?: string; snippet?: boolean; language?: Language }): Promise<string | undefined>;
  /** The configuration and template files of the project of a folder (of a new document in it), with their findings. */
  projectReports(folder: string): Promise<FileReport[]>;
  /** Every configuration, template and register file read so far, with its findings. */
  fileReports(): Promise<FileReport[]>;
  /** Every `*.synth.md` under a folder (see walker.ts). */
  findSyntheses(root: string, options?: WalkOptions): Promise<string[]>;
  /** Reads a synthesis from disk: `within` for paths a document or setting names. */
  readDocument(path: string, options?: { within?: string }): Promise<{ ok: true; source: DocumentSource } | { ok: false; failure: FileFailure; message: Message }>;
  /** The ceiling of a path: the innermost ceiling holding it, else its own folder. */
  ceilingOf(path: string): string;
  readonly host: ServiceHost;
}

/** Fix passes at most: a fix may uncover another (a corrected sum feeds its own parent). */
export const MAX_FIX_PASSES = 10;

/** A project: a root folder, its configuration and templates. */
export interface Project {
  root: string;
  ceiling: string;
  /** The configuration file's path when the project has one (read or not). */
  configPath: string | undefined;
  configFile: ConfigFile | undefined;
  /** Problems found with the configuration beyond its syntax (a folder outside the project...). */
  configFindings: Array<{ span: Span; message: Message; severity: Severity }>;
  configText: string;
  templates: TemplateRegistry;
  templateFiles: TemplateFile[];
  /** The configuration file, template folders and template files the project was read from. */
  inputs: ServiceInput[];
  /** Every folder templates are read from (a new file in one changes the project). */
  templateFolders: string[];
}

interface TemplateFile {
  path: string;
  text: string;
  usable: boolean;
  problems: Array<{ line: number; column: number; message: Message }>;
}

type RegisterFile = { path: string; ok: true; text: string; register: EvidenceRegister; root: string } | { path: string; ok: false; failure: FileFailure; detail?: Message; root: string };

const REGISTER_NAMES = ['evidence.csv', 'evidence.yaml', 'evidence.yml'];
const TEMPLATE_FOLDER = 'templates';

export function createLanguageService(host: ServiceHost, options: LanguageServiceOptions = {}): LanguageService {
  const { paths } = host;
  const overrides = options.overrides ?? {};
  let ceilings = normaliseCeilings(options.ceilings ?? []);
  let userSettings: UserSettings = options.userSettings ?? {};
  /** Bumped when settings or files change: analyses of an older generation are stale. */
  let generation = 0;

  const hasSynthesisFolder = new Map<string, Promise<boolean>>();
  const projects = new Map<string, Promise<Project>>();
  const registers = new Map<string, Promise<RegisterFile>>();
  /** Registers whose reading finished, for reports that cannot wait. */
  const settledRegisters = new Map<string, RegisterFile>();
  /** Loaded projects by root (for the levels a register's problems are reported at). */
  const projectsByRoot = new Map<string, Project>();
  const parsers = new Map<string, { language: Language; parser: IncrementalParser; version: number | null; text: Text; document: SynthesisDocument }>();
  const analyses = new Map<string, { version: number | null; text: Text; generation: number; analysis: Promise<DocumentAnalysis> }>();
  /** The language a key was last parsed in, so cheap parses agree with the analysis. */
  const languages = new Map<string, Language>();

  function normaliseCeilings(list: readonly string[]): string[] {
    // Innermost first, so the first ceiling that holds a path is the nearest one.
    return [...new Set(list.map((c) => paths.resolve(c)))].sort((a, b) => b.length - a.length);
  }

  function ceilingOf(path: string): string {
    return ceilings.find((c) => isInside(paths, c, path)) ?? paths.dirname(path);
  }

  function holdsSynthesisFolder(folder: string, ceiling: string): Promise<boolean> {
    let found = hasSynthesisFolder.get(folder);
    if (!found) {
      found = host.listFolder(paths.join(folder, CONFIG_FOLDER), { within: ceiling }).then((r) => r.ok);
      hasSynthesisFolder.set(folder, found);
    }
    return found;
  }

  /** The project root of a path: the nearest folder at or above it holding `.synthesis`, not above its ceiling. */
  async function projectRootOf(path: string, checked: string[] = []): Promise<{ root: string; ceiling: string; marked: boolean }> {
    const ceiling = ceilingOf(path);
    let folder = paths.dirname(path);
    if (!isInside(paths, ceiling, folder)) folder = ceiling;
    for (;;) {
      checked.push(folder);
      if (await holdsSynthesisFolder(folder, ceiling)) return { root: folder, ceiling, marked: true };
      if (folder === ceiling) return { root: ceiling, ceiling, marked: false };
      const parent = paths.dirname(folder);
      if (parent === folder) return { root: ceiling, ceiling, marked: false };
      folder = parent;
    }
  }

  function projectOf(path: string, inputs?: ServiceInput[]): Promise<Project> {
    const checked: string[] = [];
    return projectRootOf(path, checked).then(({ root, ceiling, marked }) => {
      inputs?.push(...checked.map((folder): ServiceInput => ({ kind: 'folder', path: paths.join(folder, CONFIG_FOLDER), within: ceiling })));
      const key = `${root}\u0000${ceiling}`;
      let project = projects.get(key);
      if (!project) {
        project = loadProject(root, ceiling, marked);
        projects.set(key, project);
      }
      return project;
    });
  }

  async function loadProject(root: string, ceiling: string, marked: boolean): Promise<Project> {
    const configFindings: Project['configFindings'] = [];
    let configPath: string | undefined;
    let configFile: ConfigFile | undefined;
    let configText = '';
    const folders: Array<{ path: string; within: string; span?: Span }> = [];
    const inputs: ServiceInput[] = [];
    if (marked) {
      const path = paths.join(root, CONFIG_FOLDER, CONFIG_FILE);
      inputs.push({ kind: 'file', path, within: root });
      const read = await host.readText(path, { within: root, maxBytes: MAX_SIDE_FILE_BYTES });
      if (read.ok) {
        configPath = path;
        configText = read.text;
        configFile = parseConfig(read.text);
      } else if (read.failure !== 'not-found') {
        configPath = path;
        configFile = { config: {}, problems: [], spans: {}, itemSpans: {} };
        configFindings.push({ span: { start: 0, end: 0 }, severity: 'error', message: msg('config.file-unreadable', { reason: failureText(read.failure, read.detail) }) });
      }
      folders.push({ path: paths.join(root, CONFIG_FOLDER, TEMPLATE_FOLDER), within: root });
    }
    if (configFile) {
      const written = configFile.config.templateFolders ?? [];
      const spans = configFile.itemSpans.templateFolders ?? [];
      written.forEach((folder, i) => {
        const path = paths.resolve(root, folder);
        const span = spans[i] ?? { start: 0, end: 0 };
        if (!isInside(paths, root, path)) configFindings.push({ span, severity: 'error', message: msg('config.folder-outside', { folder }) });
        else folders.push({ path, within: root, span });
      });
      // The office's reference document is read when a document is exported, only inside the project.
      const reference = configFile.config.referenceDoc;
      if (reference !== undefined && !isInside(paths, root, paths.resolve(root, reference))) {
        configFindings.push({ span: configFile.spans.referenceDoc ?? { start: 0, end: 0 }, severity: 'error', message: msg('config.reference-outside', { file: reference }) });
      }
    } else {
      for (const folder of userSettings.templateFolders ?? []) folders.push({ path: paths.resolve(ceiling, folder), within: ceiling });
    }

    const templateFiles: TemplateFile[] = [];
    const usable: Template[] = [];
    const seen = new Set<string>();
    for (const folder of folders) {
      if (seen.has(folder.path)) continue;
      seen.add(folder.path);
      inputs.push({ kind: 'folder', path: folder.path, within: folder.within });
      const listed = await host.listFolder(folder.path, { within: folder.within });
      if (!listed.ok) {
        if (folder.span && listed.failure !== 'not-found') configFindings.push({ span: folder.span, severity: 'error', message: msg('config.folder-unreadable', { reason: failureText(listed.failure, listed.detail) }) });
        else if (folder.span) configFindings.push({ span: folder.span, severity: 'warning', message: msg('config.folder-missing', { folder: paths.relative(root, folder.path) }) });
        continue;
      }
      const names = listed.entries.filter((e) => e.kind === 'file' && /\.ya?ml$/i.test(e.name)).map((e) => e.name).sort();
      for (const name of names) {
        const path = paths.join(folder.path, name);
        inputs.push({ kind: 'file', path, within: folder.within });
        const read = await host.readText(path, { within: folder.within, maxBytes: MAX_SIDE_FILE_BYTES });
        if (!read.ok) {
          templateFiles.push({ path, text: '', usable: false, problems: [{ line: 1, column: 1, message: msg('template.file-unreadable', { reason: failureText(read.failure, read.detail) }) }] });
          continue;
        }
        const { template, problems } = parseTemplate(read.text, path);
        templateFiles.push({ path, text: read.text, usable: template !== undefined, problems: template ? problems : markUnused(problems) });
        if (template) usable.push(template);
      }
    }
    const project = { root, ceiling, configPath, configFile, configFindings, configText, templates: builtinTemplates().with(usable), templateFiles, templateFolders: [...seen], inputs };
    projectsByRoot.set(root, project);
    return project;
  }

  function effectiveConfig(project: Project | undefined): EffectiveConfig {
    const file = project?.configFile?.config ?? {};
    const configured = project?.configFile !== undefined;
    const layer: UserSettings | ProjectConfig = configured ? file : userSettings;
    const source: EffectiveConfig['source'] = configured ? 'config' : Object.keys(userSettings).length > 0 ? 'settings' : 'defaults';
    return {
      rules: { ...(layer.rules ?? {}), ...(overrides.rules ?? {}) },
      defaultTemplate: overrides.defaultTemplate ?? layer.defaultTemplate ?? DEFAULT_TEMPLATE,
      language: (configured ? file.language : undefined) ?? 'en',
      coverageMinimum: overrides.coverageMinimum ?? layer.coverageMinimum ?? DEFAULT_COVERAGE_MINIMUM,
      source,
      file,
    };
  }

  function readRegister(path: string, root: string, inputs?: ServiceInput[]): Promise<RegisterFile> {
    inputs?.push({ kind: 'file', path, within: root });
    let found = registers.get(path);
    if (!found) {
      found = host.readText(path, { within: root, maxBytes: MAX_SIDE_FILE_BYTES }).then((read): RegisterFile => {
        const file: RegisterFile = read.ok
          ? { path, ok: true, text: read.text, register: parseEvidenceRegister(read.text, paths.basename(path)), root }
          : { path, ok: false, failure: read.failure, ...(read.detail ? { detail: read.detail } : {}), root };
        settledRegisters.set(path, file);
        return file;
      });
      registers.set(path, found);
    }
    return found;
  }

  /**
   * The register of a document: the file its front matter names (relative to the document), else
   * the one the configuration names (relative to the project), else `evidence.csv`/`.yaml`/`.yml`
   * beside the document.
   */
  async function registerOf(
    path: string | undefined,
    document: SynthesisDocument,
    project: Project | undefined,
    config: EffectiveConfig,
    inputs?: ServiceInput[],
  ): Promise<{ found?: { path: string; register: EvidenceRegister }; findings: Finding[]; failure?: RegisterFailure }> {
    if (path === undefined || project === undefined) return { findings: [] };
    const severity = levelOf(config.rules.evidence, 'error');
    const field = document.frontMatter?.fields.get('evidence');
    const named = typeof field?.value === 'string' ? field.value.trim() : '';
    if (field && named !== '') {
      const file = await readRegister(paths.resolve(paths.dirname(path), named), project.root, inputs);
      if (file.ok) return { found: { path: file.path, register: file.register }, findings: [] };
      const failure = { named, path: file.path, failure: file.failure, ...(file.detail ? { detail: file.detail } : {}) };
      if (severity === undefined) return { findings: [], failure };
      return {
        failure,
        findings: [{ rule: 'evidence', severity, span: field.valueSpan, message: msg('register.named-unreadable', { named, reason: failureText(file.failure, file.detail) }) }],
      };
    }
    const configured = config.file.evidence;
    if (configured !== undefined) {
      const file = await readRegister(paths.resolve(project.root, configured), project.root, inputs);
      // A configured register that cannot be read is reported on the configuration file.
      return file.ok ? { found: { path: file.path, register: file.register }, findings: [] } : { findings: [] };
    }
    for (const name of REGISTER_NAMES) {
      const file = await readRegister(paths.join(paths.dirname(path), name), project.root, inputs);
      if (file.ok) return { found: { path: file.path, register: file.register }, findings: [] };
      if (file.failure === 'not-found' || file.failure === 'not-a-file') continue;
      const failure = { named: name, path: file.path, failure: file.failure, ...(file.detail ? { detail: file.detail } : {}) };
      if (severity === undefined) return { findings: [], failure };
      return { failure, findings: [{ rule: 'evidence', severity, span: { start: 0, end: 0 }, message: msg('register.beside-unreadable', { name, reason: failureText(file.failure, file.detail) }) }] };
    }
    return { findings: [] };
  }

  function parseWith(source: DocumentSource, language: Language): SynthesisDocument {
    if (source.transient) return parse(String(source.text), { language });
    let entry = parsers.get(source.key);
    if (entry && entry.version === source.version && entry.text === source.text && entry.language === language) return entry.document;
    if (!entry || entry.language !== language) {
      entry = { language, parser: new IncrementalParser({ language }), version: null, text: '', document: undefined as unknown as SynthesisDocument };
      parsers.set(source.key, entry);
    }
    const edits = entry.version !== null && source.version !== null ? source.editsSince?.(entry.version) : undefined;
    entry.document = entry.parser.parse(source.text, edits);
    entry.version = source.version;
    entry.text = source.text;
    return entry.document;
  }

  async function context(source: DocumentSource): Promise<DocumentContext> {
    const inputs: ServiceInput[] = [];
    const project = source.path === undefined ? undefined : await projectOf(paths.resolve(source.path), inputs);
    const config = effectiveConfig(project);
    if (!source.transient) languages.set(source.key, config.language);
    const document = parseWith(source, config.language);
    const register = await registerOf(source.path === undefined ? undefined : paths.resolve(source.path), document, project, config, inputs);
    if (project) {
      inputs.push(...project.inputs);
      // The configuration file's report says whether the register it names can be read.
      const configured = project.configFile?.config.evidence;
      if (configured !== undefined) inputs.push({ kind: 'file', path: paths.resolve(project.root, configured), within: project.root });
    }
    return {
      document,
      project,
      config,
      templates: project?.templates ?? builtinTemplates(),
      register: register.found,
      registerFindings: register.findings,
      registerFailure: register.failure,
      inputs,
    };
  }

  async function analyzeNow(source: DocumentSource): Promise<DocumentAnalysis> {
    const ctx = await context(source);
    const analysis = analyzeDocument(ctx.document, {
      templates: ctx.templates,
      defaultTemplate: ctx.config.defaultTemplate,
      severities: ctx.config.rules,
      coverageMinimum: ctx.config.coverageMinimum,
      ...(ctx.config.file.overclaimWords ? { overclaimWords: ctx.config.file.overclaimWords } : {}),
      ...(ctx.register ? { evidence: ctx.register.register } : {}),
    });
    const findings = ctx.registerFindings.length === 0 ? analysis.findings : sortFindings([...analysis.findings, ...ctx.registerFindings]);
    const related: FileReport[] = [];
    if (ctx.project) related.push(...projectFileReports(ctx.project));
    if (ctx.register) {
      const file = await registers.get(ctx.register.path);
      if (file) related.push(registerReport(file));
    }
    return {
      ...analysis,
      findings,
      key: source.key,
      path: source.path,
      version: source.version,
      projectRoot: ctx.project?.root,
      configPath: ctx.project?.configPath,
      config: ctx.config,
      templates: ctx.templates,
      register: ctx.register,
      language: ctx.document.language,
      related,
      inputs: ctx.inputs,
    };
  }

  function analyze(source: DocumentSource): Promise<DocumentAnalysis> {
    if (source.transient) return analyzeNow(source);
    const cached = analyses.get(source.key);
    if (cached && cached.version === source.version && cached.text === source.text && cached.generation === generation) return cached.analysis;
    const analysis = analyzeNow(source);
    analyses.set(source.key, { version: source.version, text: source.text, generation, analysis });
    // A failed analysis is not kept: the next request tries again.
    analysis.catch(() => {
      if (analyses.get(source.key)?.analysis === analysis) analyses.delete(source.key);
    });
    return analysis;
  }

  /** The severity of a tool check: its setting, else its default; undefined when off. */
  function levelOf(setting: SeveritySetting | undefined, fallback: Severity): Severity | undefined {
    if (setting === 'off') return undefined;
    return setting ?? fallback;
  }

  function projectFileReports(project: Project): FileReport[] {
    const config = effectiveConfig(project);
    const reports: FileReport[] = [];
    if (project.configPath) {
      const lines = new LineIndex(project.configText);
      const findings = [
        ...(project.configFile?.problems ?? []).map((p) => ({ span: p.span, message: p.message, severity: p.severity as Severity })),
        ...project.configFindings,
        ...configuredRegisterFindings(project),
      ]
        .sort((a, b) => a.span.start - b.span.start)
        .map((p) => ({ rule: 'config', severity: p.severity, message: p.message, range: rangeOf(lines, p.span) }));
      reports.push({ path: project.configPath, findings });
    }
    const setting = config.rules.template;
    for (const file of project.templateFiles) {
      const severity = levelOf(setting, file.usable ? 'warning' : 'error');
      const lines = new LineIndex(file.text);
      reports.push({
        path: file.path,
        findings: severity === undefined ? [] : file.problems.map((p) => ({ rule: 'template', severity, message: p.message, range: lineRange(lines, p.line, p.column) })),
      });
    }
    return reports;
  }

  /** A register the configuration names that cannot be read: a finding at its key. */
  function configuredRegisterFindings(project: Project): Array<{ span: Span; message: Message; severity: Severity }> {
    const named = project.configFile?.config.evidence;
    if (named === undefined) return [];
    const path = paths.resolve(project.root, named);
    const settled = settledRegisters.get(path);
    if (!settled || settled.ok) return [];
    return [{ span: project.configFile?.spans.evidence ?? { start: 0, end: 0 }, severity: 'error', message: msg('register.configured-unreadable', { named, reason: failureText(settled.failure, settled.detail) }) }];
  }


  function registerReport(file: RegisterFile): FileReport {
    if (!file.ok) return { path: file.path, findings: [] };
    const project = projectForRoot(file.root);
    const severity = levelOf(effectiveConfig(project).rules.evidence, 'error');
    const lines = new LineIndex(file.text);
    return {
      path: file.path,
      findings: severity === undefined ? [] : file.register.problems.map((p) => ({ rule: 'evidence', severity, message: p.message, range: lineRange(lines, p.line, p.column) })),
    };
  }

  function projectForRoot(root: string): Project | undefined {
    return projectsByRoot.get(root);
  }

  const service: LanguageService = {
    host,
    ceilingOf,
    setUserSettings(settings) {
      userSettings = settings;
      generation++;
      // Projects without a configuration file read the settings' template folders.
      projects.clear();
      projectsByRoot.clear();
    },
    setCeilings(list) {
      ceilings = normaliseCeilings(list);
      generation++;
      projects.clear();
      projectsByRoot.clear();
      hasSynthesisFolder.clear();
    },
    filesChanged(changed) {
      let stale = false;
      const loaded = [...projectsByRoot.values()];
      for (const raw of changed) {
        const path = paths.resolve(raw);
        const inSynthesisFolder = path.split(/[\\/]/).includes(CONFIG_FOLDER);
        const inTemplateFolder = /\.ya?ml$/i.test(path) && loaded.some((p) => p.templateFolders.includes(paths.dirname(path)));
        if (inSynthesisFolder || inTemplateFolder) {
          projects.clear();
          projectsByRoot.clear();
          hasSynthesisFolder.clear();
          stale = true;
        }
        if (registers.has(path) || REGISTER_NAMES.includes(paths.basename(path).toLowerCase())) {
          registers.clear();
          settledRegisters.clear();
          stale = true;
        }
      }
      if (stale) generation++;
      return stale;
    },
    forget(key) {
      parsers.delete(key);
      analyses.delete(key);
      languages.delete(key);
    },
    parse(source) {
      return parseWith(source, languages.get(source.key) ?? 'en');
    },
    context,
    analyze,
    async fixAll(source) {
      let current = source;
      let analysis = await analyze(source);
      let applied = 0;
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const next = applyFixes(String(current.text), analysis.findings);
        if (next.applied === 0 || next.text === String(current.text)) break;
        applied += next.applied;
        current = { ...current, text: next.text, version: current.version === null ? null : current.version + 1 };
        analysis = await analyze(current);
      }
      return { text: String(current.text), applied, analysis };
    },
    render(analysis, renderOptions = {}) {
      const options = {
        ...(renderOptions.showProblems === false ? { showProblems: false } : {}),
        ...(renderOptions.locale !== undefined ? { locale: renderOptions.locale } : {}),
      };
      // The preview and the exported page have the same summary matrix annex, made from the same analysis.
      const annex = renderOptions.annexes !== false ? { matrix: matrixFor(analysis) } : {};
      // The exported page also has the Word export's coverage annex (only with an evidence register).
      // Computed for the page only, not on every preview render.
      const coverage = renderOptions.annexes !== false && renderOptions.standalone === true ? { coverage: coverageAnnexFor(analysis) } : {};
      const rendered = renderOptions.standalone === true
        ? renderStandalonePageOf(analysis, { ...options, ...annex, ...coverage, ...(renderOptions.extraCss !== undefined ? { extraCss: renderOptions.extraCss } : {}) })
        : renderPreviewOf(analysis, { ...options, ...annex });
      return { html: rendered.html, title: rendered.title };
    },
    async coverage(sources, coverageOptions = {}) {
      const mapped: CoverageSource[] = [];
      const minimums = new Set<number>();
      for (const source of sources) {
        const ctx = await context(source);
        minimums.add(ctx.config.coverageMinimum);
        mapped.push({ file: coverageOptions.files?.(source) ?? source.key, document: ctx.document, ...(ctx.register ? { register: ctx.register.register } : {}) });
      }
      // Documents of projects with different minimums: the strictest one, so no target shows as
      // well supported that its own project would call weak.
      const minimum = coverageOptions.minimum ?? (minimums.size > 0 ? Math.max(...minimums) : effectiveConfig(undefined).coverageMinimum);
      const coverage = coverageMatrix(mapped, { minimum });
      return coverageOptions.criteria ? { ...coverage, criteria: { ...criteriaMatrix(mapped), words: criteriaWords(coverageOptions.criteria.language) } } : coverage;
    },
    async templates(path) {
      return path === undefined ? builtinTemplates() : (await projectOf(paths.resolve(path))).templates;
    },
    async skeleton(templateId, skeletonOptions = {}) {
      const registry = await service.templates(skeletonOptions.path);
      const template = registry.get(templateId);
      return template ? buildSkeleton(template, { snippet: skeletonOptions.snippet === true, ...(skeletonOptions.language ? { language: skeletonOptions.language } : {}) }) : undefined;
    },
    async projectReports(folder) {
      return projectFileReports(await projectOf(paths.join(paths.resolve(folder), 'untitled.synth.md')));
    },
    async fileReports() {
      const reports: FileReport[] = [];
      for (const project of await Promise.all(projects.values())) reports.push(...projectFileReports(project));
      for (const file of await Promise.all(registers.values())) if (file.ok) reports.push(registerReport(file));
      return reports;
    },
    findSyntheses: (root, walkOptions) => findSyntheses(host, paths.resolve(root), walkOptions),
    async readDocument(path, readOptions = {}) {
      const read = await host.readText(path, { ...(readOptions.within !== undefined ? { within: readOptions.within } : {}), maxBytes: MAX_DOCUMENT_BYTES });
      if (!read.ok) return { ok: false, failure: read.failure, message: failureText(read.failure, read.detail, MAX_DOCUMENT_BYTES) };
      return { ok: true, source: { key: path, path, text: read.text, version: null, transient: true } };
    },
  };

  return service;
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
}

/** The first problem of a template that cannot be used says so. */
function markUnused(problems: Array<{ line: number; column: number; message: Message }>): Array<{ line: number; column: number; message: Message }> {
  return problems.map((p, i) => (i === 0 ? { ...p, message: msg('template.not-used', { problem: p.message }) } : p));
}

function rangeOf(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(Math.max(span.start, span.end)) };
}

/** A problem given as a 1-based line and column: from there to the end of its line. */
export function lineRange(lines: LineIndex, line: number, column: number): Range {
  const l = Math.max(0, line - 1);
  const start = Math.min(lines.lineStart(l) + Math.max(0, column - 1), lines.lineEnd(l));
  const end = lines.lineEnd(l);
  return rangeOf(lines, { start, end: Math.max(start, end) });
}
