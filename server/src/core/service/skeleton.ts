/**
 * The template skeleton ("Synthesis: Insert Template Skeleton", the template snippets): the text of
 * a new synthesis built from a template: front matter with the fields the template
 * requires, every section heading at its level with a short placeholder paragraph, one target
 * section under the section that holds them, and a consistent sources block where one is needed.
 * The result analyses without problems, so a writer starts from a clean document and replaces the
 * placeholders one by one.
 *
 * Pure: no VS Code, no I/O. With `snippet: true` the placeholders become snippet tab stops
 * (`${1:Title of the synthesis}`), for `insertSnippet` and the generated snippets file.
 */
/** What the skeleton needs of a template (a core `Template` has it). */
export interface SkeletonTemplate {
  id: string;
  sections: ReadonlyArray<{ heading: string; level: number; targets: boolean; sources: boolean; description?: string | null | undefined }>;
  /** Required front-matter fields; each entry lists alternatives. */
  requiredFields?: ReadonlyArray<readonly string[]>;
  /** SDG goals in scope (ascending). */
  goals?: readonly number[];
  /** Vocabulary of sources-block labels. */
  sourceLabels?: readonly string[];
}

export interface SkeletonOptions {
  /** Produce VS Code snippet syntax with tab stops instead of plain text. */
  snippet?: boolean;
}

/** Placeholder values for the front-matter fields we know; other fields get a generic text. */
const FIELD_PLACEHOLDERS: Record<string, string> = {
  title: 'Title of the synthesis',
  country: 'Country',
  scope: 'What the synthesis covers',
  period: '2020-2024',
  report: 'https://example.org/full-report',
  language: 'en',
};

/** Used when the template does not say which fields it requires. */
const DEFAULT_FIELDS: readonly (readonly string[])[] = [['title'], ['country', 'scope'], ['period'], ['team']];
const DEFAULT_LABELS = ['evaluation reports', 'documents'];
/** Example counts for the sources lines, in order. */
const EXAMPLE_COUNTS = [12, 8, 5];

/** Escapes text for use inside VS Code snippet syntax. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

class Writer {
  private readonly lines: string[] = [];
  private stop = 0;

  constructor(private readonly snippet: boolean) {}

  /** Literal text (escaped in snippet mode). */
  text(value: string): string {
    return this.snippet ? escapeSnippetText(value) : value;
  }

  /** A placeholder: a tab stop with a default in snippet mode, the default itself otherwise. */
  placeholder(value: string): string {
    if (!this.snippet) return value;
    this.stop += 1;
    return `\${${this.stop}:${escapeSnippetText(value)}}`;
  }

  line(value = ''): void {
    this.lines.push(value);
  }

  /** Separates blocks with exactly one blank line. */
  blank(): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }

  result(): string {
    while (this.lines.length > 0 && this.lines[this.lines.length - 1] === '') this.lines.pop();
    const body = this.lines.join('\n');
    // The final tab stop ($0) at the end, after the last placeholder.
    return this.snippet ? `${body}\n$0` : `${body}\n`;
  }
}

/** The text of a new synthesis following `template`. */
export function buildSkeleton(template: SkeletonTemplate, options: SkeletonOptions = {}): string {
  const w = new Writer(options.snippet === true);

  w.line('---');
  for (const field of frontMatterFields(template)) writeField(w, field, template);
  w.line('---');

  const goal = template.goals?.[0] ?? 16;
  const labels = (template.sourceLabels?.length ? template.sourceLabels : DEFAULT_LABELS).slice(0, EXAMPLE_COUNTS.length);

  for (const section of template.sections) {
    w.blank();
    w.line(`${'#'.repeat(clampLevel(section.level))} ${w.text(section.heading)}`);
    w.blank();
    w.line(w.placeholder(paragraphFor(section.description, 'Write this section.')));
    if (section.targets) {
      w.blank();
      w.line(`${'#'.repeat(clampLevel(section.level + 1))} SDG ${goal}.1 ${w.placeholder('Title of the first finding')}`);
      w.blank();
      w.line(w.placeholder(`What the evaluations found for this target, and what could be considered next.`));
    }
    if (section.sources) {
      w.blank();
      w.line('```sources');
      labels.forEach((label, i) => w.line(`${w.text(label)}: ${w.placeholder(String(EXAMPLE_COUNTS[i]))}`));
      w.line('```');
    }
  }
  return w.result();
}

/** `template`, `title`, then each required field (the first of its alternatives), no repeats. */
function frontMatterFields(template: SkeletonTemplate): string[] {
  const fields = ['title', 'template'];
  for (const alternatives of template.requiredFields ?? DEFAULT_FIELDS) {
    if (alternatives.some((name) => fields.includes(name))) continue;
    const first = alternatives[0];
    if (first) fields.push(first);
  }
  return fields;
}

function writeField(w: Writer, field: string, template: SkeletonTemplate): void {
  if (field === 'template') {
    w.line(`template: ${yamlScalar(w.text(template.id))}`);
  } else if (field === 'team') {
    w.line('team:');
    w.line(`  - ${w.placeholder('Name of a team member')}`);
  } else {
    w.line(`${field}: ${w.placeholder(FIELD_PLACEHOLDERS[field] ?? 'To be completed')}`);
  }
}

/** Template ids are plain words and hyphens; quote anything else so YAML reads it as text. */
function yamlScalar(value: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value) ? value : JSON.stringify(value);
}

/** The section's description as one prose line, never a Markdown construct of its own. */
function paragraphFor(description: string | null | undefined, fallback: string): string {
  const text = (description ?? '').replace(/\s+/g, ' ').trim();
  if (text === '') return fallback;
  // A line starting with '#', '-', '>', a digit and '.', etc. would not be a plain paragraph.
  return /^(?:[#>*+=|`~<-]|\d+[.)])/.test(text) ? `Describe: ${text}` : text;
}

function clampLevel(level: number): number {
  return Math.min(6, Math.max(1, Math.round(level)));
}

/** The snippet body of `text` with every placeholder replaced by its default: what a user gets by pressing Tab through it. */
export function expandSnippet(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && '\\$}'.includes(text[i + 1]!)) {
      out += text[i + 1];
      i++;
    } else if (c === '$' && text[i + 1] === '{') {
      // ${n:default} -> default (nested placeholders are not used here)
      const colon = text.indexOf(':', i);
      i = colon;
    } else if (c === '$' && /\d/.test(text[i + 1] ?? '')) {
      while (/\d/.test(text[i + 1] ?? '')) i++;
    } else if (c === '}') {
      // end of a placeholder
    } else {
      out += c;
    }
  }
  return out;
}
