/** The language service: one way, for every adapter, to find and check syntheses. */
export { createLanguageService, lineRange, MAX_FIX_PASSES } from './service.js';
export type {
  DocumentAnalysis,
  ServiceInput,
  DocumentContext,
  DocumentSource,
  EffectiveConfig,
  FileFinding,
  FileReport,
  FixResult,
  LanguageService,
  LanguageServiceOptions,
  Overrides,
  Project,
  Range,
  RegisterFailure,
  UserSettings,
} from './service.js';
export { isInside, type FileFailure, type FileStamp, type FolderEntry, type HostPaths, type ListResult, type ReadResult, type ServiceHost, type TextEncodingName } from './host.js';
export { createMemoryHost, posixPaths, type MemoryHost } from './memory-host.js';
export { CONFIG_FILE, CONFIG_FOLDER, CONFIG_KEYS, parseConfig, type ConfigFile, type ConfigProblem, type ProjectConfig } from './config.js';
export { TOOL_CHECKS, settableRuleIds, type ToolCheck } from './checks.js';
export { failureText, MAX_DOCUMENT_BYTES, MAX_SIDE_FILE_BYTES } from './failures.js';
export { findSyntheses, isSkippedFolder, SKIPPED_FOLDERS, SYNTHESIS_SUFFIX, type WalkOptions } from './walker.js';
