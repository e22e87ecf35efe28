/**
 * The core's public entry: everything the language server, the CLI and the tests use. The core
 * is pure: it does no I/O and knows nothing of LSP or VS Code.
 */
export type { Finding, Fix, FileProblem, Language, Message, Report, Severity, SeveritySetting, Span, TextEdit } from './types.js';
export { LANGUAGES } from './types.js';
export { LineIndex, type Position } from './text.js';
export { PieceText, type Text } from './pieces.js';
export { parse, IncrementalParser, MAX_NESTING } from './parse.js';
export type { Heading, OffsetEdit, ParseOptions, ParseProblem, ProseCount, Section, Suppression, SynthesisDocument, TopLevelBlock } from './parse.js';
export type { FrontMatter, FrontMatterField } from './frontmatter.js';
export { normaliseLabel, parseCount, type SourcesBlock, type SourcesEntry } from './sources.js';
export { scanTags, type SdgRef, type SdgTag } from './sdg/tags.js';
export { getCatalogue, type SdgCatalogue, type SdgGoal, type SdgIndicator, type SdgTarget } from './sdg/catalogue.js';
export {
  builtinTemplates,
  matchSection,
  normaliseHeading,
  parseTemplate,
  TemplateRegistry,
  type Template,
  type TemplateProblem,
  type TemplateSection,
} from './templates/template.js';
export { buildSkeleton, escapeSnippetText, expandSnippet, type SkeletonOptions } from './templates/skeleton.js';
export { DOCUMENT_WORDS, type DocumentWords } from './i18n/document.js';
export { analyze, analyzeDocument, templateIdOf, DEFAULT_TEMPLATE, type Analysis, type AnalysisOptions } from './lint.js';
export { applyFixes } from './fix.js';
export { catalogue, formatNumber, LOCALES, localeFromEnvironment, resolveLocale, translator, type Locale, type MessageKey, type Translate } from './i18n/index.js';
export { isMessage, list, msg, number, wordFinding, wordFix, wordMessage, type MessageArg, type WordedFinding, type WordedFix } from './i18n/index.js';
export { parseEvidenceRegister, scanCitations, REGISTER_FIELDS, type Citation, type EvidenceEntry, type EvidenceProblem, type EvidenceRegister } from './evidence.js';
export { RULES, ruleById } from './rules/registry.js';
export { sarifRules, type SarifRule } from './rules/metadata.js';
export { defineRule, type Localised, type Rule, type RuleContext, type RuleSettings } from './rules/rule.js';
export { flowProblemMessage } from './rules/screening-flow.js';
export * from './features/index.js';
export * from './render/index.js';
export { citationAt, citationDefinition, citationHover, citationsOf, completeCitation, describeEntry, entryAtLine } from './features/evidence.js';
export { coverageMatrix, coverageToCsv, coverageToMarkdown, DEFAULT_COVERAGE_MINIMUM, type CoverageEvaluation, type CoverageMatrix, type CoverageOptions, type CoverageSection, type CoverageSource, type CoverageTarget } from './coverage.js';
export { codebookFromTemplate, guidFor, toQdc, QDC_NAMESPACE, type CodebookOptions, type QdcCode } from './qda.js';
export * from './service/index.js';
export * from './findings/index.js';
export { escapeLine, escapeLines, escapeText, unsafeCharacter } from './escape.js';
