import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { readCriteria, type Criterion } from './findings/criteria.js';
import { readQuality, type QualityRating } from './findings/quality.js';
import { msg } from './i18n/message.js';
import { getCatalogue } from './sdg/catalogue.js';
import { repeatedKeys } from './yaml-keys.js';
import type { Message, Span } from './types.js';

/** One evaluation that a synthesis reviewed: a row of its evidence register. */
export interface EvidenceEntry {
  id: string;
  title: string;
  year: number | undefined;
  /** country, regional, global, thematic, … (lower case). */
  type: string;
  country: string;
  /** Number of projects the evaluation covered. */
  projects: number | undefined;
  /** SDG targets the evaluation speaks to, e.g. ["16.1", "16.a"]. */
  targets: string[];
  url: string;
  /** The report's quality rating (optional `quality` column; see findings/quality.ts). */
  quality?: QualityRating;
  /** The OECD-DAC criteria it informs (optional `criteria` column; see findings/criteria.ts). */
  criteria?: Criterion[];
  /** 1-based line of the row in the register file. */
  line: number;
}

export interface EvidenceProblem {
  /** 1-based line and column in the register file. */
  line: number;
  column: number;
  message: Message;
}

export interface EvidenceRegister {
  /** The register's file, as the host named it. */
  file: string;
  entries: EvidenceEntry[];
  byId: Map<string, EvidenceEntry>;
  problems: EvidenceProblem[];
}

/** A citation of one evaluation in prose: `[@EVAL-ID]`, or one id of `[@A; @B]`. */
export interface Citation {
  id: string;
  /** The `@ID` as written. */
  span: Span;
}

export const REGISTER_FIELDS = ['id', 'title', 'year', 'type', 'country', 'projects', 'targets', 'url', 'quality', 'criteria'] as const;
const ID = /^[A-Za-z0-9](?:[A-Za-z0-9_.:-]*[A-Za-z0-9])?$/;

/** Reads a register from CSV (a header row naming the fields) or YAML, by the file's name. */
export function parseEvidenceRegister(text: string, file: string): EvidenceRegister {
  return /\.ya?ml$/i.test(file) ? parseYamlRegister(text, file) : parseCsvRegister(text, file);
}

/**
 * One row of a register as read: field name → value and → column. Maps, not plain objects: the
 * names come from the file, and a column called `constructor` or `__proto__` must be just a name.
 */
interface Row {
  fields: Map<string, string>;
  columns: Map<string, number>;
  line: number;
}

function finish(file: string, rows: Row[], problems: EvidenceProblem[]): EvidenceRegister {
  const entries: EvidenceEntry[] = [];
  const byId = new Map<string, EvidenceEntry>();
  for (const { fields, line, columns } of rows) {
    const col = (f: string): number => columns.get(f) ?? 1;
    const field = (f: string): string => fields.get(f) ?? '';
    const id = field('id').trim();
    if (!id) {
      problems.push({ line, column: 1, message: msg('register.no-id') });
      continue;
    }
    if (!ID.test(id)) {
      problems.push({ line, column: col('id'), message: msg('register.bad-id', { id }) });
      continue;
    }
    if (byId.has(id)) {
      problems.push({ line, column: col('id'), message: msg('register.duplicate-id', { id, line: byId.get(id)!.line }) });
      continue;
    }
    const yearText = field('year').trim();
    const year = yearText === '' ? undefined : Number(yearText);
    if (yearText !== '' && !(Number.isInteger(year) && year! >= 1900 && year! <= 2100)) {
      problems.push({ line, column: col('year'), message: msg('register.bad-year', { found: yearText }) });
    }
    const projectsText = field('projects').trim();
    const projects = projectsText === '' ? undefined : Number(projectsText.replace(/[,\s]/g, ''));
    if (projectsText !== '' && !(Number.isInteger(projects) && projects! >= 0)) {
      problems.push({ line, column: col('projects'), message: msg('register.bad-projects', { found: projectsText }) });
    }
    const targets = field('targets')
      .split(/[;,\s]+/)
      .map((t) => t.replace(/^(?:SDG|ODS|ODD)\s*/i, '').trim().toLowerCase())
      .filter(Boolean);
    const catalogue = getCatalogue();
    for (const t of targets) {
      if (!/^\d{1,2}\.(?:\d{1,2}|[a-z])$/.test(t)) problems.push({ line, column: col('targets'), message: msg('register.bad-target', { found: t }) });
      else if (!catalogue.target(t)) problems.push({ line, column: col('targets'), message: msg('register.unknown-target', { target: t }) });
    }
    const url = field('url').trim();
    if (url && !/^https?:\/\/\S+$/i.test(url)) problems.push({ line, column: col('url'), message: msg('register.bad-url', { found: url }) });
    const quality = readQuality(fields.get('quality') ?? '');
    if (quality.problem) problems.push({ line, column: col('quality'), message: quality.problem });
    const criteria = readCriteria(fields.get('criteria') ?? '');
    for (const problem of criteria.problems) problems.push({ line, column: col('criteria'), message: problem });
    const entry: EvidenceEntry = {
      id,
      title: field('title').trim(),
      year: Number.isInteger(year) ? year : undefined,
      type: field('type').trim().toLowerCase(),
      country: field('country').trim(),
      projects: Number.isInteger(projects) ? projects : undefined,
      targets: targets.filter((t) => catalogue.target(t) !== undefined),
      url,
      ...(quality.rating ? { quality: quality.rating } : {}),
      ...(criteria.criteria.length > 0 ? { criteria: criteria.criteria } : {}),
      line,
    };
    entries.push(entry);
    byId.set(id, entry);
  }
  return { file, entries, byId, problems };
}

/** RFC 4180 CSV: commas, double-quoted fields with "" escapes, CRLF or LF. */
function parseCsvRegister(text: string, file: string): EvidenceRegister {
  const problems: EvidenceProblem[] = [];
  const records = readCsv(text.replace(/^\uFEFF/, ''), problems);
  const header = records.shift();
  if (!header) return { file, entries: [], byId: new Map(), problems: [{ line: 1, column: 1, message: msg('register.no-header') }] };
  const names = header.cells.map((c) => c.value.trim().toLowerCase());
  names.forEach((n, i) => {
    if (n && !(REGISTER_FIELDS as readonly string[]).includes(n)) {
      problems.push({ line: header.line, column: header.cells[i]!.column, message: msg('register.unknown-column', { name: n, columns: REGISTER_FIELDS.join(', ') }) });
    }
  });
  const named = new Set<string>();
  names.forEach((n, i) => {
    if (n && named.has(n)) problems.push({ line: header.line, column: header.cells[i]!.column, message: msg('register.duplicate-column', { name: n }) });
    named.add(n);
  });
  if (!named.has('id')) problems.push({ line: header.line, column: 1, message: msg('register.no-id-column') });
  const rows = records
    .filter((r) => r.cells.some((c) => c.value.trim() !== ''))
    .map((r) => {
      if (r.cells.length > names.length) problems.push({ line: r.line, column: r.cells[names.length]!.column, message: msg('register.too-many-cells', { expected: names.length, found: r.cells.length }) });
      const fields = new Map<string, string>();
      const columns = new Map<string, number>();
      names.forEach((n, i) => {
        // The first column of a name counts (a repeated column is reported above).
        if (fields.has(n)) return;
        fields.set(n, r.cells[i]?.value ?? '');
        columns.set(n, r.cells[i]?.column ?? 1);
      });
      return { fields, line: r.line, columns };
    });
  return finish(file, rows, problems);
}

interface CsvRecord {
  line: number;
  cells: Array<{ value: string; column: number }>;
}

function readCsv(text: string, problems: EvidenceProblem[]): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  let column = 1;
  let i = 0;
  let record: CsvRecord = { line, cells: [] };
  let cell = { value: '', column };
  let quoted = false;
  let quoteLine = 0;
  const endCell = (): void => {
    record.cells.push(cell);
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell.value += '"';
          i += 2;
          column += 2;
          continue;
        }
        quoted = false;
      } else {
        cell.value += c;
        if (c === '\n') {
          line++;
          column = 0;
        }
      }
      i++;
      column++;
      continue;
    }
    if (c === '"' && cell.value.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell.value = '';
    } else if (c === ',') {
      endCell();
      cell = { value: '', column: column + 1 };
    } else if (c === '\n' || c === '\r') {
      endCell();
      records.push(record);
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      column = 0;
      record = { line, cells: [] };
      cell = { value: '', column: 1 };
    } else {
      cell.value += c;
    }
    i++;
    column++;
  }
  if (quoted) problems.push({ line: quoteLine, column: 1, message: msg('register.unclosed-quote') });
  if (cell.value !== '' || record.cells.length > 0) {
    endCell();
    records.push(record);
  }
  return records.filter((r) => !(r.cells.length === 1 && r.cells[0]!.value === ''));
}

/** YAML: a list of evaluations, or a mapping with an `evaluations` list. */
function parseYamlRegister(text: string, file: string): EvidenceRegister {
  const problems: EvidenceProblem[] = [];
  const counter = new LineCounter();
  // Repeated keys are found by `repeatedKeys`, in linear time (the library's check is quadratic).
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
  const where = (offset: number): { line: number; column: number } => {
    const p = counter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  for (const e of doc.errors) problems.push({ ...where(e.pos[0]), message: e.code === 'TAB_AS_INDENT' ? msg('register.yaml-tab') : msg('register.yaml') });
  if (doc.errors.length > 0) return { file, entries: [], byId: new Map(), problems };
  // A repeated field is reported where it repeats; the first one is read.
  for (const key of repeatedKeys(doc)) problems.push({ ...where(key.range?.[0] ?? 0), message: msg('register.repeated-field', { name: String(key.value) }) });
  let list: YamlNode | null = doc.contents as YamlNode | null;
  if (isMap(list)) list = (list.get('evaluations', true) as YamlNode | undefined) ?? null;
  if (!isSeq(list)) {
    problems.push({ line: 1, column: 1, message: msg('register.not-list') });
    return { file, entries: [], byId: new Map(), problems };
  }
  const rows: Row[] = [];
  for (const item of list.items) {
    const at = where((item as YamlNode).range?.[0] ?? 0);
    if (!isMap(item)) {
      problems.push({ ...at, message: msg('register.entry-not-map') });
      continue;
    }
    const fields = new Map<string, string>();
    const columns = new Map<string, number>();
    for (const pair of item.items) {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? '');
      if (fields.has(key)) continue;
      const keyAt = where((pair.key as YamlNode | null)?.range?.[0] ?? 0);
      if (!(REGISTER_FIELDS as readonly string[]).includes(key)) {
        problems.push({ ...keyAt, message: msg('register.unknown-field', { name: key, fields: REGISTER_FIELDS.join(', ') }) });
        continue;
      }
      const value = (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? '';
      fields.set(key, Array.isArray(value) ? value.map(String).join('; ') : String(value ?? ''));
      columns.set(key, where((pair.value as YamlNode | null)?.range?.[0] ?? 0).column);
    }
    rows.push({ fields, line: at.line, columns });
  }
  return finish(file, rows, problems);
}

const CITATION_GROUP = /\[([^[\]\r\n]{1,500})\]/g;
const CITATION_ID = /(?<![\p{L}\p{N}_@])@([A-Za-z0-9](?:[A-Za-z0-9_.:-]*[A-Za-z0-9])?)/gu;

/** Finds citations in a piece of prose; `base` is its offset in the document. */
export function scanCitations(text: string, base: number): Citation[] {
  if (!text.includes('[') || !text.includes('@')) return [];
  const out: Citation[] = [];
  CITATION_GROUP.lastIndex = 0;
  for (let g = CITATION_GROUP.exec(text); g; g = CITATION_GROUP.exec(text)) {
    const inner = g[1]!;
    const start = g.index + 1;
    CITATION_ID.lastIndex = 0;
    for (let m = CITATION_ID.exec(inner); m; m = CITATION_ID.exec(inner)) {
      out.push({ id: m[1]!, span: { start: base + start + m.index, end: base + start + m.index + m[0].length } });
    }
  }
  return out;
}
