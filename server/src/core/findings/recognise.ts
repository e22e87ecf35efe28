/**
 * Considerations in a brief written without our dialect (a Word, PDF or text brief being imported):
 * a paragraph that opens with a label in plain text ("Recommendation 2: …"), or a sentence of a
 * target section's paragraph that opens the way considerations do in evaluation briefs
 * ("Consideration could be given to …", "Se recomienda …", "Il conviendrait de …"). The importer
 * marks them as considerations; these functions only find them, in the text a reader sees.
 */
import type { Language } from '../types.js';
import { fold } from './fold.js';
import { LABEL_TEXT, readLabel, type ConsiderationKind } from './labels.js';

/**
 * How sentences that are considerations open, folded (lower case, no accents). Kept to openings
 * that say what should or could be done: "Future efforts should …" but not "Projects should …",
 * which often report what a project was meant to do.
 */
const OPENINGS: Readonly<Record<ConsiderationKind, readonly string[]>> = {
  consideration: [
    'consideration could be given',
    'consideration should be given',
    'consideration may be given',
    'consideration might be given',
    'future efforts should',
    'future efforts could',
    'future work should',
    'future work could',
    'podria considerarse',
    'se podria considerar',
    'cabria considerar',
    'convendria considerar',
    'los esfuerzos futuros deberian',
    'il pourrait etre envisage',
    'on pourrait envisager',
    'il conviendrait d',
    'il faudrait envisager',
    'les efforts futurs devraient',
  ],
  recommendation: ['it is recommended', 'we recommend', 'the team recommends', 'se recomienda', 'recomendamos', 'il est recommande', 'nous recommandons'],
};

export interface RecognisedConsideration {
  kind: ConsiderationKind;
  /** Where the consideration starts in the paragraph's text (0 for a whole paragraph). */
  start: number;
  /** For a plain label ("Recommendation 2:"): where the label ends, punctuation and spaces included. */
  labelEnd?: number;
  /** The label to write in bold: the plain label as written, or the document language's word. */
  label: string;
}

/**
 * The consideration a paragraph's text holds, if any: its plain label, or the first sentence after
 * the first that opens as a consideration does (it and the sentences after it are the consideration).
 */
export function recogniseConsideration(text: string, language: Language): RecognisedConsideration | undefined {
  const plain = /^[ \t]*([\p{L}]+(?:[ \t]+(?:\d{1,3}[a-z]?|[a-z]))?)[ \t\u00a0\u202f]*:[ \t]*/u.exec(text.slice(0, 40));
  if (plain) {
    const match = readLabel(plain[1]!, ':');
    if (match && plain[0].length < text.trim().length) return { kind: match.kind, start: 0, labelEnd: plain[0].length, label: `${plain[1]!}${language === 'fr' ? '\u00a0:' : ':'}` };
  }
  const folded = fold(text);
  const opening = (start: number): RecognisedConsideration | undefined => {
    for (const kind of ['consideration', 'recommendation'] as const) {
      if (OPENINGS[kind].some((o) => folded.startsWith(o, start))) return { kind, start, label: LABEL_TEXT[language][kind] };
    }
    return undefined;
  };
  const first = opening(text.length - text.trimStart().length);
  if (first) return first;
  // Sentence starts: a full stop, then spaces, then a capital letter.
  const boundary = /[.!?]["”»)]?[ \t\u00a0]+(?=\p{Lu})/gu;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const found = opening(m.index + m[0].length);
    if (found) return found;
  }
  return undefined;
}
