/**
 * From findings to considerations: considerations in the text, the summary matrix, the strength of
 * the evidence and the confidence in each finding, the evaluation criteria, and the screening flow.
 * Pure functions over a parsed document and its register; docs/findings.md describes them for users.
 */
export { fold, compilePhrases, type PhraseMatcher } from './fold.js';
export { proseParagraphs, type ProseParagraph } from './blocks.js';
export { LABEL_TEXT, LABEL_WORDS, readLabel, type ConsiderationKind, type LabelMatch } from './labels.js';
export { targetFindings, type Consideration, type FindingParagraph, type TargetSection } from './targets.js';
