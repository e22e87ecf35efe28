/**
 * `synthlint render`: one synthesis as a self-contained HTML page, rendered by the core (which
 * sanitises it). This module only adapts the CLI's settings to the core's call.
 */
import type { TemplateRegistry } from '../core/index.js';

export function renderPage(_text: string, _templates: TemplateRegistry, _defaultTemplate: string | undefined): { html: string; title: string } {
  throw new Error('rendering is not available in this build yet');
}
