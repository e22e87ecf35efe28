/**
 * The text of a new synthesis from a template, in the language it will be written in: front matter
 * with the fields the template requires (and `language:` when it is not English), every section
 * heading at its level in that language with a short placeholder paragraph, one target section
 * under the section that holds them — its title left to the author, with the official text of the
 * target as the placeholder — and a sources block with the template's labels in that language. The
 * result analyses without problems, so a writer starts from a clean document and replaces the
 * placeholders one by one.
 *
 * Pure. With `snippet: true` the placeholders become snippet tab stops (`${1:Title of the
 * synthesis}`), for the editor's "insert snippet" and the generated snippets file.
 */
import { DOCUMENT_WORDS } from '../i18n/document.js';
import { format } from '../i18n/format.js';
import { getCatalogue } from '../sdg/catalogue.js';
import type { Language } from '../types.js';
import type { Template } from './template.js';

export interface SkeletonOptions {
  /** The language of the new document (default English). */
  language?: Language;
  /** Produce snippet syntax with tab stops instead of plain text. */
  snippet?: boolean;
}

/** The prefix of SDG tags in each language. */
const TAG_PREFIX: Readonly<Record<Language, string>> = { en: 'SDG', es: 'ODS', fr: 'ODD' };
/** Example counts for the sources lines, in order. */
const EXAMPLE_COUNTS = [12, 8, 5];

/** Escapes text for use inside snippet syntax. */
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

/** The text of a new synthesis following `template`, in `options.language`. */
export function buildSkeleton(template: Template, options: SkeletonOptions = {}): string {
  const language = options.language ?? 'en';
  const words = DOCUMENT_WORDS[language];
  const w = new Writer(options.snippet === true);

  w.line('---');
  for (const field of frontMatterFields(template)) writeField(w, field, template, language);
  w.line('---');

  const goal = template.goals[0] ?? 16;
  const labels = (template.labels[language].length > 0 ? template.labels[language] : words.labels).slice(0, EXAMPLE_COUNTS.length);
  const firstTarget = getCatalogue(language).targetsOf(goal)[0];

  for (const section of template.sections) {
    w.blank();
    w.line(`${'#'.repeat(clampLevel(section.level))} ${w.text(section.headings[language])}`);
    w.blank();
    w.line(w.placeholder(paragraphFor(section.descriptions?.[language], words.writeSection, words.describe)));
    if (section.targets) {
      w.blank();
      const id = firstTarget?.id ?? `${goal}.1`;
      w.line(`${'#'.repeat(clampLevel(section.level + 1))} ${TAG_PREFIX[language]} ${id} ${w.placeholder(oneLine(firstTarget?.title ?? words.findingTitle))}`);
      w.blank();
      w.line(w.placeholder(words.targetParagraph));
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

/** `title`, `template`, then each required field (the first of its alternatives), no repeats; `language` when not English. */
function frontMatterFields(template: Template): string[] {
  const fields = ['title', 'template'];
  for (const alternatives of template.requiredFields) {
    if (alternatives.some((name) => fields.includes(name))) continue;
    const first = alternatives[0];
    if (first) fields.push(first);
  }
  return fields;
}

function writeField(w: Writer, field: string, template: Template, language: Language): void {
  const words = DOCUMENT_WORDS[language];
  if (field === 'template') {
    w.line(`template: ${yamlScalar(w.text(template.id))}`);
    if (language !== 'en') w.line(`language: ${language}`);
  } else if (field === 'team') {
    w.line('team:');
    w.line(`  - ${w.placeholder(words.teamMember)}`);
  } else {
    const known: Record<string, string> = { title: words.title, country: words.country, scope: words.scope, period: words.period, report: words.report };
    w.line(`${field}: ${w.placeholder(known[field] ?? words.other)}`);
  }
}

/** Template ids are plain words and hyphens; quote anything else so YAML reads it as text. */
function yamlScalar(value: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value) ? value : JSON.stringify(value);
}

/** The section's description as one prose line, never a Markdown construct of its own. */
function paragraphFor(description: string | undefined, fallback: string, describe: string): string {
  const text = oneLine(description ?? '');
  if (text === '') return fallback;
  // A line starting with '#', '-', '>', a digit and '.', etc. would not be a plain paragraph.
  return /^(?:[#>*+=|`~<-]|\d+[.)])/.test(text) ? format(describe, { text }) : text;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function clampLevel(level: number): number {
  return Math.min(6, Math.max(1, Math.round(level)));
}

/** The snippet `text` with every placeholder replaced by its default: what a user gets by pressing Tab through it. */
export function expandSnippet(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && '\\$}'.includes(text[i + 1]!)) {
      out += text[i + 1];
      i++;
    } else if (c === '$' && text[i + 1] === '{') {
      // ${n:default} -> default (nested placeholders are not used here)
      i = text.indexOf(':', i);
    } else if (c === '$' && /\d/.test(text[i + 1] ?? '')) {
      while (/\d/.test(text[i + 1] ?? '')) i++;
    } else if (c !== '}') {
      out += c;
    }
  }
  return out;
}
