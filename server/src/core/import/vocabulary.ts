/**
 * The words the importer looks for, in English, Spanish and French: the labels of a brief's title
 * block, the labels of counted sources, the kinds of evaluation a breakdown names, and a few common
 * words that tell the languages apart. Data only.
 */
import type { Language } from '../types.js';

/** A front-matter field and the labels that introduce it in a brief ("Country:", "País:"…). */
export interface FieldLabel {
  field: 'title' | 'country' | 'scope' | 'period' | 'team' | 'report';
  labels: string[];
}

export const FIELD_LABELS: readonly FieldLabel[] = [
  { field: 'title', labels: ['title', 'título', 'titre'] },
  { field: 'country', labels: ['country', 'countries', 'país', 'países', 'pays'] },
  {
    field: 'period',
    labels: [
      'duration/scope', 'duration / scope', 'duration', 'period', 'evaluation period', 'time period', 'period covered',
      'duración/alcance', 'duración / alcance', 'duración', 'periodo', 'período', 'periodo de evaluación',
      'durée/portée', 'durée / portée', 'durée', 'période', 'période couverte',
    ],
  },
  { field: 'scope', labels: ['scope', 'region', 'alcance', 'región', 'portée', 'région'] },
  {
    field: 'team',
    labels: ['synthesis team', 'team', 'review team', 'evaluation team', 'equipo de síntesis', 'equipo', 'equipo de evaluación', 'équipe de synthèse', 'équipe', "équipe d'évaluation", 'équipe d’évaluation'],
  },
  { field: 'report', labels: ['full report', 'report', 'informe completo', 'informe', 'rapport complet', 'rapport'] },
];

/**
 * Labels of counted sources a methodology states in its sentences ("21 evaluation reports"), with
 * the label the sources block gets. Longest first, so "secondary documents" wins over "documents".
 */
export const COUNT_LABELS: readonly string[] = [
  'evaluation reports', 'evaluations reports', 'evaluation report', 'secondary documents', 'secondary document',
  'projects', 'project', 'documents', 'document', 'surveys', 'survey', 'interviews', 'interview',
  'informes de evaluación', 'informe de evaluación', 'documentos secundarios', 'documento secundario', 'proyectos', 'proyecto',
  'documentos', 'encuestas', 'entrevistas',
  "rapports d'évaluation", 'rapports d’évaluation', "rapport d'évaluation", 'rapport d’évaluation', 'documents secondaires',
  'document secondaire', 'projets', 'projet', 'enquêtes', 'entretiens',
].slice().sort((a, b) => b.length - a.length);

/**
 * The kinds of evaluation a breakdown names, as the label of its line: "13 evaluations of
 * country-level programmes" is a `country-level` line. These match the `type` column of a register.
 */
export const BREAKDOWN_KINDS: ReadonlyArray<{ label: string; words: string[] }> = [
  { label: 'country-level', words: ['country-level', 'country level', 'country', 'national', 'de país', 'nacionales', 'nacional', 'de pays', 'nationales', 'nationale', 'pays'] },
  { label: 'regional', words: ['regional', 'regionales', 'régionales', 'régionale', 'régional', 'régionaux'] },
  { label: 'global', words: ['global', 'globales', 'globale', 'globaux', 'mundiales', 'mundial', 'mondiales', 'mondiale', 'mondial', 'mondiaux'] },
  { label: 'thematic', words: ['thematic', 'temáticas', 'temática', 'temáticos', 'temático', 'thématiques', 'thématique'] },
  { label: 'cluster', words: ['cluster', 'clúster', 'groupées'] },
];

/** Frequent words that are nearly unique to each language, to guess an untagged document's language. */
export const LANGUAGE_MARKERS: Readonly<Record<Language, readonly string[]>> = {
  en: ['the', 'and', 'of', 'to', 'with', 'were', 'was', 'this', 'that', 'for'],
  es: ['el', 'los', 'las', 'del', 'y', 'con', 'para', 'una', 'por', 'que', 'se'],
  fr: ['le', 'les', 'des', 'et', 'du', 'une', 'pour', 'avec', 'dans', 'que', 'au'],
};

/** Words joining the names of a team: "A, B and C", "A, B y C", "A, B et C" (the names are trimmed after splitting). */
export const NAME_JOINERS = /;|(?<!\d),|,(?!\d)|(?<![\p{L}\p{N}])(?:and|y|et)(?![\p{L}\p{N}])|&/u;
