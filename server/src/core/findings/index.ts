/**
 * From findings to considerations: considerations in the text, the summary matrix, the strength of
 * the evidence and the confidence in each finding, the evaluation criteria, and the screening flow.
 * Pure functions over a parsed document and its register; docs/findings.md describes them for users.
 */
export { fold, compilePhrases, type PhraseMatcher } from './fold.js';
export { proseParagraphs, type ProseParagraph } from './blocks.js';
export { LABEL_TEXT, LABEL_WORDS, readLabel, type ConsiderationKind, type LabelMatch } from './labels.js';
export { targetFindings, type Consideration, type FindingParagraph, type TargetSection } from './targets.js';
export { QUALITY_RATINGS, QUALITY_WORDS, readQuality, type QualityRating } from './quality.js';
export { CRITERIA, CRITERION_NAMES, CRITERION_WORDS, criterionOf, readCriteria, scanCriterionTags, type Criterion, type CriterionTag } from './criteria.js';
export { criteriaMatrix, criteriaToCsv, criteriaToMarkdown, criteriaWords, type CriteriaMatrix, type CriteriaWords, type CriteriaRow, type CriteriaSource } from './criteria-view.js';
export { evidenceBase, kindOfType, EVALUATION_KINDS, type EvaluationKind, type EvidenceBase } from './evidence-base.js';
export { CONFIDENCE_LEVELS, rateConfidence, type Concern, type Confidence, type ConfidenceContext, type ConfidenceLevel } from './confidence.js';
export { sentences } from './sentences.js';
export { recogniseConsideration, type RecognisedConsideration } from './recognise.js';
export { completeConsiderationLabel, considerationSymbols, evidenceHover, type ConsiderationSymbol, type LabelCompletion } from './editor.js';
export { addFlowDiagrams, ANNEX_CLASSES, CONSIDERATION_CLASSES, markConsiderations, matrixAnnex, plainText } from './html.js';
export { STRONG_WORDING, strongWording } from './wording.js';
export {
  DEFAULT_MINIMUM,
  findMissingConsiderations,
  findOverclaims,
  findThinEvidence,
  type CheckOptions,
  type MissingConsideration,
  type Overclaim,
  type ThinEvidence,
} from './checks.js';
export {
  describeConfidence,
  describeEvidence,
  matrixToCsv,
  matrixToJson,
  matrixFor,
  matrixToMarkdown,
  summaryMatrix,
  type MatrixConsideration,
  type MatrixFinding,
  type MatrixOptions,
  type MatrixRow,
  type SummaryMatrix,
} from './matrix.js';
export {
  checkFlow,
  FLOW_CLASSES,
  flowCount,
  flowDiagram,
  flowFigures,
  flowRows,
  flowToPrismaCsv,
  isFlowBlock,
  POOL_STAGES,
  readFlow,
  screeningFlows,
  stageOf,
  type FlowBox,
  type FlowFigures,
  type FlowProblem,
  type FlowRow,
  type FlowStage,
  type ScreeningFlow,
  type StageKind,
} from './flow.js';
