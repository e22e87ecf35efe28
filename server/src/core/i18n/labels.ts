/**
 * Labels of sources blocks in English, Spanish and French: how they compare, and which of them the
 * evidence register can count.
 *
 * Two labels are the same label when their keys are equal. A key is the label in lower case,
 * without accents, with hyphens and apostrophes read as spaces, and with every word made singular
 * by the rules of the document's language — and, in Spanish and French, made masculine, so that an
 * adjective agrees whichever noun it follows. "Evaluation Reports" and "evaluation report",
 * "informes de evaluación" and "Informe de evaluacion", "évaluations régionales" and "évaluation
 * régional" each give one key. Keys are only for comparing: what a user reads is the label as they
 * wrote it.
 *
 * The register counts two things — evaluations and the projects they cover — and evaluations of
 * each type (country, regional, global…). `LABELS` lists the wordings each language uses for them
 * (docs/labels.md shows the table, generated from this one). A breakdown line under an evaluations
 * line names a type with its qualifier, with or without the noun: "country-level", "country-level
 * evaluations", "evaluaciones de programas de país", "évaluations régionales", "nacionales". Every
 * language is tried, whatever the document's language, so a Spanish synthesis may keep an English
 * label and still be checked.
 */
import type { Language } from '../types.js';

// ---------------------------------------------------------------------------------------------
// Keys

/** The words of a label: lower case, composed accents, hyphens and apostrophes read as spaces. */
function words(label: string): string[] {
  return label
    .normalize('NFC')
    .toLowerCase()
    .replace(/[-‐‑–'’`´]/g, ' ')
    .split(/[\s\u00a0\u202f]+/)
    .filter((w) => w !== '');
}

/** A word without its accents (after the plural rules, which need them: "país" is singular). */
function unaccented(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** English plurals: countries → country, boxes → box, reports → report (not "ss", "us", "is"). */
function singularEn(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:ss|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * Spanish plurals and gender: evaluaciones → evaluación, nacionales → nacional, países → país,
 * informes → informe, temáticas → temático. A plural in -es drops it after a consonant that can end
 * a Spanish word (l, n, r, d, j, z, s, y); otherwise a final -s goes, unless it follows a stressed
 * vowel (país, interés are singular). The feminine -a becomes -o.
 */
function singularEs(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ces')) w = `${w.slice(0, -3)}z`;
  else if (w.length > 3 && /[lnrdjzsy]es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:s|[áéíóú])s$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('a')) w = `${w.slice(0, -1)}o`;
  return w;
}

/**
 * French plurals and gender: nationaux → national, rapports → rapport, régionales → regional,
 * institutionnelles → institutionnel, pays → pay (both forms alike). The feminine endings -elle,
 * -enne, -ive, -ère and a final -e become the masculine.
 */
function singularFr(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('eaux')) w = w.slice(0, -1);
  else if (w.length > 4 && w.endsWith('aux')) w = `${w.slice(0, -3)}al`;
  else if (w.length > 3 && /[sx]$/.test(w) && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 4 && /(?:ell|enn)e$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('ive')) w = `${w.slice(0, -3)}if`;
  else if (w.length > 4 && w.endsWith('ere')) w = `${w.slice(0, -3)}er`;
  else if (w.length > 3 && w.endsWith('e') && !w.endsWith('ee')) w = w.slice(0, -1);
  return w;
}

const SINGULAR: Readonly<Record<Language, (word: string) => string>> = { en: singularEn, es: singularEs, fr: singularFr };

/** The key two labels are compared by, in the document's language (see the module comment). */
export function labelKey(label: string, language: Language = 'en'): string {
  const singular = SINGULAR[language];
  return words(label)
    .map((w) => (language === 'es' ? unaccented(singular(w)) : singular(unaccented(w))))
    .join(' ');
}

// ---------------------------------------------------------------------------------------------
// What the register counts

/** The types of evaluation a register's `type` column may give, by their English name. */
export const REGISTER_TYPES = ['country', 'regional', 'global', 'thematic', 'corporate', 'project', 'cluster'] as const;
export type RegisterType = (typeof REGISTER_TYPES)[number];

interface Wordings {
  /** Labels of the line that counts the register's evaluations. */
  evaluations: readonly string[];
  /** Labels of the line that counts the projects the evaluations cover. */
  projects: readonly string[];
  /** How each type is written in the register's `type` column. */
  typeNames: Readonly<Record<RegisterType, readonly string[]>>;
  /** How a breakdown line names a type, before or after the noun (or alone). */
  qualifiers: Readonly<Record<RegisterType, readonly string[]>>;
  /** The noun a breakdown line may carry besides its qualifier. */
  nouns: readonly string[];
}

/** The accepted wordings, per language. docs/labels.md is generated from this table. */
export const LABELS: Readonly<Record<Language, Wordings>> = {
  en: {
    evaluations: ['evaluation reports', 'evaluations', 'evaluations reviewed', 'evaluation reports reviewed', 'reports reviewed'],
    projects: ['projects', 'projects evaluated', 'projects covered'],
    typeNames: {
      country: ['country', 'country-level', 'national'],
      regional: ['regional', 'regional-level'],
      global: ['global', 'global-level'],
      thematic: ['thematic'],
      corporate: ['corporate', 'institutional'],
      project: ['project', 'project-level', 'independent project'],
      cluster: ['cluster'],
    },
    qualifiers: {
      country: ['country', 'country-level', 'country programme', 'country program', 'national'],
      regional: ['regional', 'regional-level', 'regional programme', 'regional program'],
      global: ['global', 'global-level', 'global programme', 'global program'],
      thematic: ['thematic'],
      corporate: ['corporate', 'institutional'],
      project: ['project', 'project-level', 'independent project'],
      cluster: ['cluster'],
    },
    nouns: ['evaluations', 'evaluation reports', 'reports'],
  },
  es: {
    evaluations: ['informes de evaluación', 'evaluaciones', 'evaluaciones examinadas', 'informes de evaluación examinados', 'evaluaciones revisadas'],
    projects: ['proyectos', 'proyectos evaluados', 'proyectos cubiertos'],
    typeNames: {
      country: ['país', 'de país', 'nacional'],
      regional: ['regional'],
      global: ['global', 'mundial'],
      thematic: ['temática', 'temático'],
      corporate: ['institucional'],
      project: ['proyecto', 'de proyecto'],
      cluster: ['conglomerado', 'grupo'],
    },
    qualifiers: {
      country: ['de país', 'de países', 'nacionales', 'a nivel de país', 'de programas de país', 'de programa de país', 'de los programas de país'],
      regional: ['regionales', 'a nivel regional', 'de programas regionales', 'de programa regional'],
      global: ['globales', 'mundiales', 'a nivel mundial', 'de programas globales', 'de programas mundiales'],
      thematic: ['temáticas'],
      corporate: ['institucionales'],
      project: ['de proyectos', 'de proyecto', 'de proyectos independientes'],
      cluster: ['de conglomerados', 'por conglomerados', 'de grupos de proyectos'],
    },
    nouns: ['evaluaciones', 'informes de evaluación', 'informes'],
  },
  fr: {
    evaluations: ["rapports d'évaluation", 'évaluations', 'évaluations examinées', "rapports d'évaluation examinés", 'évaluations passées en revue'],
    projects: ['projets', 'projets évalués', 'projets couverts'],
    typeNames: {
      country: ['pays', 'de pays', 'national', 'nationale'],
      regional: ['régional', 'régionale'],
      global: ['global', 'globale', 'mondial', 'mondiale'],
      thematic: ['thématique'],
      corporate: ['institutionnel', 'institutionnelle'],
      project: ['projet', 'de projet'],
      cluster: ['groupe', 'groupée', 'grappe'],
    },
    qualifiers: {
      country: ['de pays', 'nationales', 'au niveau des pays', 'de programmes de pays', 'de programme de pays', 'des programmes de pays'],
      regional: ['régionales', 'au niveau régional', 'de programmes régionaux', 'de programme régional'],
      global: ['globales', 'mondiales', 'au niveau mondial', 'de programmes mondiaux', 'de programmes globaux'],
      thematic: ['thématiques'],
      corporate: ['institutionnelles'],
      project: ['de projets', 'de projet', 'de projets indépendants'],
      cluster: ['groupées', 'de grappes', 'de groupes de projets'],
    },
    nouns: ['évaluations', "rapports d'évaluation", 'rapports'],
  },
};

const LANGUAGE_ORDER: readonly Language[] = ['en', 'es', 'fr'];

/** The keys of a list of wordings in one language. */
function keys(words: readonly string[], language: Language): Set<string> {
  return new Set(words.map((w) => labelKey(w, language)));
}

interface Compiled {
  evaluations: Set<string>;
  projects: Set<string>;
  typeNames: Map<string, RegisterType>;
  qualifiers: Map<string, RegisterType>;
  nouns: string[][];
}

let compiled: Readonly<Record<Language, Compiled>> | undefined;

function table(language: Language): Compiled {
  compiled ??= Object.fromEntries(
    LANGUAGE_ORDER.map((lang) => {
      const w = LABELS[lang];
      const byType = (field: 'typeNames' | 'qualifiers'): Map<string, RegisterType> => {
        const map = new Map<string, RegisterType>();
        for (const type of REGISTER_TYPES) for (const key of keys(w[field][type], lang)) if (!map.has(key)) map.set(key, type);
        return map;
      };
      const entry: Compiled = {
        evaluations: keys(w.evaluations, lang),
        projects: keys(w.projects, lang),
        typeNames: byType('typeNames'),
        qualifiers: byType('qualifiers'),
        // Longest nouns first: "evaluation reports" before "reports".
        nouns: [...keys(w.nouns, lang)].map((k) => k.split(' ')).sort((a, b) => b.length - a.length),
      };
      return [lang, entry];
    }),
  ) as Record<Language, Compiled>;
  return compiled[language];
}

/** The languages to read a label in: the document's first, then the others. */
function languagesFor(language: Language): Language[] {
  return [language, ...LANGUAGE_ORDER.filter((l) => l !== language)];
}

/** What a top-level sources line counts that the register can count too, if anything. */
export function countedBy(label: string, language: Language = 'en'): 'evaluations' | 'projects' | undefined {
  for (const lang of languagesFor(language)) {
    const key = labelKey(label, lang);
    if (table(lang).evaluations.has(key)) return 'evaluations';
    if (table(lang).projects.has(key)) return 'projects';
  }
  return undefined;
}

/**
 * The type a breakdown line of an evaluations line names: its qualifier, alone or with the noun
 * before it (Spanish, French) or after it (English). Undefined when it names none.
 */
export function breakdownType(label: string, language: Language = 'en'): RegisterType | undefined {
  for (const lang of languagesFor(language)) {
    const t = table(lang);
    const words = labelKey(label, lang).split(' ');
    const candidates = [words];
    for (const noun of t.nouns) {
      if (startsWith(words, noun) && words.length > noun.length) candidates.push(words.slice(noun.length));
      if (endsWith(words, noun) && words.length > noun.length) candidates.push(words.slice(0, words.length - noun.length));
    }
    for (const c of candidates) {
      const type = t.qualifiers.get(c.join(' ')) ?? t.typeNames.get(c.join(' '));
      if (type) return type;
    }
  }
  return undefined;
}

/**
 * The type a register row gives in its `type` column, in any of the three languages: "country",
 * "country-level", "país", "nacional", "pays", "régionale"… A value that names none of the types is
 * kept (in key form), so a register's own types still group alike rows.
 */
export function registerType(value: string): string {
  if (value.trim() === '') return '';
  for (const lang of LANGUAGE_ORDER) {
    const type = table(lang).typeNames.get(labelKey(value, lang));
    if (type) return type;
  }
  return labelKey(value, 'en');
}

function startsWith(words: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((w, i) => words[i] === w);
}

function endsWith(words: readonly string[], suffix: readonly string[]): boolean {
  const offset = words.length - suffix.length;
  return offset >= 0 && suffix.every((w, i) => words[offset + i] === w);
}
