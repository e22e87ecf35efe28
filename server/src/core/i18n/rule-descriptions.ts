/**
 * What each rule finds, in Spanish and French (the English text is each rule's `description`). The
 * editor's settings show these; `scripts/generate-rule-settings.mjs` writes them into
 * package.nls.es.json and package.nls.fr.json. A unit test checks that every rule has both.
 */
import type { Locale } from './index.js';

export const RULE_DESCRIPTIONS: Readonly<Record<Exclude<Locale, 'en'>, Readonly<Record<string, string>>>> = {
  es: {
    'front-matter': 'Metadatos iniciales que no son YAML válido, a los que les falta un campo que exige la plantilla o que dan a un campo un valor de tipo equivocado',
    'unknown-template': 'Un identificador de plantilla, en los metadatos iniciales o en la configuración, que no corresponde a ninguna plantilla conocida',
    'missing-section': 'Falta en el documento una sección que exige la plantilla',
    'section-order': 'Secciones de la plantilla que no siguen el orden que ella indica',
    'empty-section': 'Una sección obligatoria o una sección de meta sin texto',
    'unknown-target': 'Una etiqueta ODS que nombra un objetivo, una meta o un indicador que no existe',
    'target-outside-scope': 'Una sección de meta de un objetivo de los ODS que la plantilla no abarca',
    'duplicate-target': 'La misma meta encabeza dos secciones de meta bajo una misma sección',
    'target-order': 'Secciones de meta que no siguen el orden oficial de sus metas',
    'sources-syntax': "Una línea de un bloque de fuentes que no tiene la forma 'etiqueta: cifra' o que tiene una sangría incorrecta",
    'missing-sources': 'Una sección que, según la plantilla, cuenta sus fuentes no tiene bloque de fuentes',
    'duplicate-source': 'La misma etiqueta dos veces en un mismo nivel de un bloque de fuentes',
    'sources-sum': 'Un desglose de un bloque de fuentes cuyas cifras no suman la de la línea que desglosa',
    'count-mismatch': 'Una cifra del texto que no coincide con el bloque de fuentes',
    'unknown-evidence': 'Una cita de una evaluación que no está en el registro de evaluaciones',
    'uncited-evidence': 'Una evaluación del registro de evaluaciones que la síntesis nunca cita',
    'register-mismatch': 'Una cifra de un bloque de fuentes que no coincide con el registro de evaluaciones',
  },
  fr: {
    'front-matter': "Des métadonnées initiales qui ne sont pas du YAML valide, qui n'ont pas un champ exigé par le modèle ou qui donnent à un champ une valeur du mauvais type",
    'unknown-template': 'Un identifiant de modèle, dans les métadonnées initiales ou les paramètres, qui ne correspond à aucun modèle connu',
    'missing-section': 'Une section exigée par le modèle ne figure pas dans le document',
    'section-order': "Des sections du modèle qui ne suivent pas l'ordre qu'il indique",
    'empty-section': 'Une section obligatoire ou une section de cible sans texte',
    'unknown-target': "Une étiquette ODD qui désigne un objectif, une cible ou un indicateur qui n'existe pas",
    'target-outside-scope': 'Une section de cible pour un objectif des ODD que le modèle ne couvre pas',
    'duplicate-target': 'La même cible en tête de deux sections de cible sous une même section',
    'target-order': "Des sections de cible qui ne suivent pas l'ordre officiel de leurs cibles",
    'sources-syntax': "Une ligne d'un bloc de sources qui n'a pas la forme 'libellé: nombre' ou dont l'indentation est incorrecte",
    'missing-sources': "Une section qui, d'après le modèle, compte ses sources n'a pas de bloc de sources",
    'duplicate-source': "Le même libellé deux fois à un même niveau d'un bloc de sources",
    'sources-sum': "Une ventilation d'un bloc de sources dont les nombres ne donnent pas le total de la ligne qu'elle détaille",
    'count-mismatch': 'Un nombre du texte qui ne concorde pas avec le bloc de sources',
    'unknown-evidence': "Une citation d'une évaluation qui ne figure pas dans le registre des évaluations",
    'uncited-evidence': "Une évaluation du registre des évaluations que la synthèse ne cite jamais",
    'register-mismatch': "Un nombre d'un bloc de sources qui ne concorde pas avec le registre des évaluations",
  },
};

/** How the settings name a rule's default severity, per language. */
export const SEVERITY_NAMES: Readonly<Record<Locale, Readonly<Record<'error' | 'warning' | 'info', string>>>> = {
  en: { error: 'error', warning: 'warning', info: 'info' },
  es: { error: 'error', warning: 'advertencia', info: 'información' },
  fr: { error: 'erreur', warning: 'avertissement', info: 'information' },
};
