/** The words an export adds to a document (generated headings, captions, column headers), in its language. */
import type { Language } from '../types.js';

export interface ExportLabels {
  contents: string;
  evaluationsReviewed: string;
  evaluationsIntro: string;
  coverage: string;
  coverageIntro: (minimum: number) => string;
  table: string;
  sourcesCaption: string;
  flowCaption: string;
  evaluationsCaption: string;
  coverageCaption: string;
  id: string;
  title: string;
  year: string;
  type: string;
  country: string;
  target: string;
  evaluations: string;
  weak: string;
  notInRegister: string;
  image: string;
}

const EN: ExportLabels = {
  contents: 'Contents',
  evaluationsReviewed: 'Annex: Evaluations reviewed',
  evaluationsIntro: 'The evaluations this synthesis rests on, as its evidence register lists them. Citations in the text link here.',
  coverage: 'Annex: Evidence coverage',
  coverageIntro: (minimum) => `How many times each evaluation is cited in each target section. Target sections resting on fewer than ${minimum} evaluations are marked weak.`,
  table: 'Table',
  sourcesCaption: 'Sources of data',
  flowCaption: 'How the evaluations were selected',
  evaluationsCaption: 'Evaluations reviewed',
  coverageCaption: 'Evaluations cited in each target section',
  id: 'Code',
  title: 'Title',
  year: 'Year',
  type: 'Type',
  country: 'Country or region',
  target: 'Target',
  evaluations: 'Evaluations',
  weak: 'weak',
  notInRegister: 'not in the evidence register',
  image: 'Image',
};

const ES: ExportLabels = {
  contents: 'Índice',
  evaluationsReviewed: 'Anexo: Evaluaciones examinadas',
  evaluationsIntro: 'Las evaluaciones en que se basa esta síntesis, tal como las enumera su registro de evidencia. Las citas del texto remiten aquí.',
  coverage: 'Anexo: Cobertura de la evidencia',
  coverageIntro: (minimum) => `Cuántas veces se cita cada evaluación en cada sección de meta. Las secciones que se apoyan en menos de ${minimum} evaluaciones se marcan como débiles.`,
  table: 'Cuadro',
  sourcesCaption: 'Fuentes de datos',
  flowCaption: 'Cómo se seleccionaron las evaluaciones',
  evaluationsCaption: 'Evaluaciones examinadas',
  coverageCaption: 'Evaluaciones citadas en cada sección de meta',
  id: 'Código',
  title: 'Título',
  year: 'Año',
  type: 'Tipo',
  country: 'País o región',
  target: 'Meta',
  evaluations: 'Evaluaciones',
  weak: 'débil',
  notInRegister: 'no figura en el registro de evidencia',
  image: 'Imagen',
};

const FR: ExportLabels = {
  contents: 'Table des matières',
  evaluationsReviewed: 'Annexe : Évaluations examinées',
  evaluationsIntro: 'Les évaluations sur lesquelles repose cette synthèse, telles que son registre des données probantes les énumère. Les citations du texte renvoient ici.',
  coverage: 'Annexe : Couverture des données probantes',
  coverageIntro: (minimum) => `Combien de fois chaque évaluation est citée dans chaque section de cible. Les sections qui reposent sur moins de ${minimum} évaluations sont marquées comme faibles.`,
  table: 'Tableau',
  sourcesCaption: 'Sources de données',
  flowCaption: 'Comment les évaluations ont été retenues',
  evaluationsCaption: 'Évaluations examinées',
  coverageCaption: 'Évaluations citées dans chaque section de cible',
  id: 'Code',
  title: 'Titre',
  year: 'Année',
  type: 'Type',
  country: 'Pays ou région',
  target: 'Cible',
  evaluations: 'Évaluations',
  weak: 'faible',
  notInRegister: 'absente du registre des données probantes',
  image: 'Image',
};

export function exportLabels(language: Language): ExportLabels {
  return language === 'es' ? ES : language === 'fr' ? FR : EN;
}
