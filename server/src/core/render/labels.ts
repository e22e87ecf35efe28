import type { Language } from '../types.js';

/** The few words the renderer adds to a document, in the document's language. */
export interface RenderLabels {
  country: string;
  scope: string;
  period: string;
  team: string;
  report: string;
  goal: string;
  target: string;
  indicator: string;
  notGoal: (id: string) => string;
  notTarget: (id: string) => string;
  notIndicator: (id: string) => string;
  /** Shown instead of the document when it cannot be rendered. */
  failed: string;
  tooLarge: (size: string, limit: string) => string;
  tooDeep: (levels: number) => string;
  /** Shown in the preview instead of an image from the web (`alt` and `address` may be empty). */
  remoteImage: (alt: string, address: string) => string;
}

/** "<words>: <alt> (<address>)", leaving out what is empty. */
function imageLine(words: string, colon: string, alt: string, address: string): string {
  return `${words}${alt ? `${colon} ${alt}` : ''}${address ? ` (${address})` : ''}`;
}

const EN: RenderLabels = {
  country: 'Country',
  scope: 'Scope',
  period: 'Period',
  team: 'Synthesis team',
  report: 'Full report',
  goal: 'Goal',
  target: 'Target',
  indicator: 'Indicator',
  notGoal: (id) => `${id} is not an SDG goal (the goals are numbered 1 to 17)`,
  notTarget: (id) => `${id} is not an SDG target`,
  notIndicator: (id) => `${id} is not an SDG indicator`,
  failed: 'The preview could not be shown for this document. The problems list may say why.',
  tooLarge: (size, limit) => `This document is too large to preview: it has ${size} characters and the preview shows documents of up to ${limit}. The checks still run.`,
  tooDeep: (levels) => `This document nests quotes or lists more than ${levels} levels deep, so the preview shows its text as it is.`,
  remoteImage: (alt, address) => imageLine('Remote image not shown', ':', alt, address),
};

const ES: RenderLabels = {
  country: 'País',
  scope: 'Alcance',
  period: 'Periodo',
  team: 'Equipo de síntesis',
  report: 'Informe completo',
  goal: 'Objetivo',
  target: 'Meta',
  indicator: 'Indicador',
  notGoal: (id) => `${id} no es un Objetivo de Desarrollo Sostenible (los objetivos van del 1 al 17)`,
  notTarget: (id) => `${id} no es una meta de los ODS`,
  notIndicator: (id) => `${id} no es un indicador de los ODS`,
  failed: 'No se pudo mostrar la vista previa de este documento. La lista de problemas puede indicar por qué.',
  tooLarge: (size, limit) => `Este documento es demasiado grande para la vista previa: tiene ${size} caracteres y la vista previa muestra documentos de hasta ${limit}. Las comprobaciones se siguen haciendo.`,
  tooDeep: (levels) => `Este documento anida citas o listas a más de ${levels} niveles, así que la vista previa muestra su texto tal cual.`,
  remoteImage: (alt, address) => imageLine('Imagen remota no mostrada', ':', alt, address),
};

const FR: RenderLabels = {
  country: 'Pays',
  scope: 'Portée',
  period: 'Période',
  team: 'Équipe de synthèse',
  report: 'Rapport complet',
  goal: 'Objectif',
  target: 'Cible',
  indicator: 'Indicateur',
  notGoal: (id) => `${id} n’est pas un objectif de développement durable (les objectifs vont de 1 à 17)`,
  notTarget: (id) => `${id} n’est pas une cible des ODD`,
  notIndicator: (id) => `${id} n’est pas un indicateur des ODD`,
  failed: 'L’aperçu de ce document n’a pas pu être affiché. La liste des problèmes peut en donner la raison.',
  tooLarge: (size, limit) => `Ce document est trop volumineux pour l’aperçu : il compte ${size} caractères et l’aperçu affiche les documents d’au plus ${limit}. Les vérifications sont toujours faites.`,
  tooDeep: (levels) => `Ce document imbrique des citations ou des listes sur plus de ${levels} niveaux ; l’aperçu affiche donc son texte tel quel.`,
  remoteImage: (alt, address) => imageLine('Image distante non affichée', ' :', alt, address),
};

export function labelsFor(language: Language): RenderLabels {
  return language === 'es' ? ES : language === 'fr' ? FR : EN;
}
