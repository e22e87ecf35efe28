/**
 * The custom requests the extension sends to the Synthesis Markdown language server, besides the
 * standard LSP ones. Shapes only: this file has no runtime imports, so the pure parts of the client
 * (the skeleton builder) can use its types in unit tests without VS Code.
 */

/** `synthesis/validateWorkspace`: check every `*.synth.md` in the workspace into the Problems panel. */
export const VALIDATE_WORKSPACE = 'synthesis/validateWorkspace';
export interface ValidateWorkspaceResult {
  files: number;
  errors: number;
  warnings: number;
}

/** `synthesis/templates`: the built-in and workspace templates. */
export const TEMPLATES = 'synthesis/templates';
export interface TemplateSectionInfo {
  id?: string;
  heading: string;
  level: number;
  required: boolean;
  /** Holds the SDG target sections, one level deeper. */
  targets: boolean;
  /** Needs a sources block. */
  sources: boolean;
  description?: string | null;
}
export interface TemplateInfo {
  id: string;
  title: string;
  description: string;
  /** 'builtin' or the file the template came from. */
  origin: string;
  sections: TemplateSectionInfo[];
  /** Required front-matter fields; each entry lists alternatives. Older servers may omit it. */
  requiredFields?: string[][];
  /** SDG goals in scope (ascending). */
  goals?: number[];
  /** Vocabulary of sources-block labels. */
  sourceLabels?: string[];
}

/** `synthesis/documentInfo`: the template of an open document and its problem counts. */
export const DOCUMENT_INFO = 'synthesis/documentInfo';
export interface DocumentInfoParams {
  uri: string;
}
export interface DocumentInfo {
  templateId: string;
  /** Null when the template id is unknown. */
  templateTitle: string | null;
  errors: number;
  warnings: number;
}

/**
 * `synthesis/render`: the document as HTML from the server's renderer. Without `standalone` the
 * answer is a body fragment for the preview (top-level blocks carry `data-line` attributes); with
 * `standalone: true` it is a complete, self-contained page (inline CSS) for export.
 */
export const RENDER = 'synthesis/render';
export interface RenderParams {
  uri: string;
  /** The current text, when the caller has it (saves the server a lookup). */
  text?: string;
  standalone?: boolean;
}
export interface RenderResult {
  html: string;
  title: string;
}
