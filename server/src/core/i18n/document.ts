/**
 * The words Synthesis Markdown writes INTO a document — placeholders of the template skeleton and
 * of snippets, and the headings of the coverage annex — in the document's language (its front
 * matter's `language`), never the user's: a Spanish brief gets Spanish text whoever writes it.
 */
import type { Localised } from '../types.js';

export interface DocumentWords {
  /** Front-matter placeholders. */
  title: string;
  country: string;
  scope: string;
  period: string;
  report: string;
  teamMember: string;
  other: string;
  /** A section's placeholder when the template does not describe it. */
  writeSection: string;
  /** Prefix of a description that would not read as a plain paragraph. */
  describe: string;
  /** The paragraph placeholder of a target section. */
  targetParagraph: string;
  /** The title placeholder of a target section, when no official text is at hand. */
  findingTitle: string;
  /** The sources block's labels when the template suggests none. */
  labels: readonly string[];
  /** The coverage annex (`synthlint coverage`). */
  coverage: {
    title: string;
    none: string;
    /** `{minimum}` evaluations, when the minimum is one and otherwise. */
    introOne: string;
    intro: string;
    target: string;
    titleColumn: string;
    evaluations: string;
    weak: string;
    allStrongOne: string;
    allStrong: string;
    evaluationsHeading: string;
    supports: string;
    notCited: string;
    notRegistered: string;
  };
}

export const DOCUMENT_WORDS: Localised<DocumentWords> = {
  en: {
    title: 'Title of the synthesis',
    country: 'Country',
    scope: 'What the synthesis covers',
    period: '2020-2024',
    report: 'https://example.org/full-report',
    teamMember: 'Name of a team member',
    other: 'To be completed',
    writeSection: 'Write this section.',
    describe: 'Describe: {text}',
    targetParagraph: 'What the evaluations found for this target, and what could be considered next.',
    findingTitle: 'Title of the finding',
    labels: ['evaluation reports', 'documents'],
    coverage: {
      title: 'Evidence coverage',
      none: 'No target sections (headings such as `### SDG 16.1 …`) were found, so there is nothing to map.',
      introOne: 'Which evaluations support each SDG target section. Target sections resting on fewer than 1 evaluation are marked ⚠.',
      intro: 'Which evaluations support each SDG target section. Target sections resting on fewer than {minimum} evaluations are marked ⚠.',
      target: 'Target',
      titleColumn: 'Title',
      evaluations: 'Evaluations',
      weak: 'Weak: {targets}.',
      allStrongOne: 'Every target section rests on at least 1 evaluation.',
      allStrong: 'Every target section rests on at least {minimum} evaluations.',
      evaluationsHeading: 'Evaluations',
      supports: 'supports {targets}',
      notCited: 'not cited in any target section',
      notRegistered: 'not in the evidence register',
    },
  },
  es: {
    title: 'Título de la síntesis',
    country: 'País',
    scope: 'Lo que abarca la síntesis',
    period: '2020-2024',
    report: 'https://example.org/informe-completo',
    teamMember: 'Nombre de una persona del equipo',
    other: 'Por completar',
    writeSection: 'Escriba esta sección.',
    describe: 'Describa: {text}',
    targetParagraph: 'Lo que las evaluaciones encontraron sobre esta meta y lo que podría considerarse a continuación.',
    findingTitle: 'Título del hallazgo',
    labels: ['informes de evaluación', 'documentos'],
    coverage: {
      title: 'Cobertura de la evidencia',
      none: 'No se encontraron secciones de meta (títulos como `### ODS 16.1 …`), así que no hay nada que representar.',
      introOne: 'Qué evaluaciones respaldan cada sección de meta de los ODS. Las secciones de meta que no se apoyan en ninguna evaluación se marcan con ⚠.',
      intro: 'Qué evaluaciones respaldan cada sección de meta de los ODS. Las secciones de meta que se apoyan en menos de {minimum} evaluaciones se marcan con ⚠.',
      target: 'Meta',
      titleColumn: 'Título',
      evaluations: 'Evaluaciones',
      weak: 'Débiles: {targets}.',
      allStrongOne: 'Cada sección de meta se apoya en al menos una evaluación.',
      allStrong: 'Cada sección de meta se apoya en al menos {minimum} evaluaciones.',
      evaluationsHeading: 'Evaluaciones',
      supports: 'respalda {targets}',
      notCited: 'no se cita en ninguna sección de meta',
      notRegistered: 'no está en el registro de evaluaciones',
    },
  },
  fr: {
    title: 'Titre de la synthèse',
    country: 'Pays',
    scope: 'Ce que couvre la synthèse',
    period: '2020-2024',
    report: 'https://example.org/rapport-complet',
    teamMember: "Nom d'un membre de l'équipe",
    other: 'À compléter',
    writeSection: 'Rédigez cette section.',
    describe: 'Décrivez : {text}',
    targetParagraph: 'Ce que les évaluations ont constaté pour cette cible, et ce qui pourrait être envisagé ensuite.',
    findingTitle: 'Titre de la constatation',
    labels: ["rapports d'évaluation", 'documents'],
    coverage: {
      title: 'Couverture des données probantes',
      none: 'Aucune section de cible (titres comme `### ODD 16.1 …`) n’a été trouvée : il n’y a rien à cartographier.',
      introOne: 'Les évaluations sur lesquelles s’appuie chaque section de cible des ODD. Les sections de cible qui ne reposent sur aucune évaluation sont marquées ⚠.',
      intro: 'Les évaluations sur lesquelles s’appuie chaque section de cible des ODD. Les sections de cible qui reposent sur moins de {minimum} évaluations sont marquées ⚠.',
      target: 'Cible',
      titleColumn: 'Titre',
      evaluations: 'Évaluations',
      weak: 'Fragiles : {targets}.',
      allStrongOne: 'Chaque section de cible repose sur au moins une évaluation.',
      allStrong: 'Chaque section de cible repose sur au moins {minimum} évaluations.',
      evaluationsHeading: 'Évaluations',
      supports: 'appuie {targets}',
      notCited: 'citée dans aucune section de cible',
      notRegistered: 'absente du registre des évaluations',
    },
  },
};
