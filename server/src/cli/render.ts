/**
 * `synthlint render`: one synthesis as a self-contained HTML page, rendered by the core (which
 * sanitises it). This module only adapts the CLI's settings to the core's call.
 */
import { renderStandalonePage, type TemplateRegistry } from '../core/index.js';

export function renderPage(text: string, templates: TemplateRegistry, defaultTemplate: string | undefined): { html: string; title: string } {
  return renderStandalonePage(text, { templates, defaultTemplate });
}
