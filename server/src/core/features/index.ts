/**
 * Editor features over the core's index: completion, hover, outline, folding, links, code actions
 * and template skeletons. Pure and offset-based; the language server converts to LSP.
 */
export { complete, FRONT_MATTER_FIELDS, type Completion, type CompletionKind, type CompletionOptions } from './completion/index.js';
export { hover, type HoverInfo } from './hover.js';
export { documentSymbols, targetSections, type OutlineKind, type OutlineSymbol, type TargetSectionSymbol } from './symbols.js';
export { foldingRanges, type FoldingRegion } from './folding.js';
export { documentLinks, type DocumentLink } from './links.js';
export { disableRuleFix } from './actions.js';
export { resolveTemplate, type FeatureOptions } from './common.js';
