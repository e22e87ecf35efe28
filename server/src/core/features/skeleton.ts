/** A new document's skeleton built from a template: front matter, then every section in order. */
import type { Template } from '../templates/template.js';
import type { Language } from '../types.js';
import { prefixesFor } from './common.js';

export function templateSkeleton(template: Template, language: Language = 'en'): string {
  const fields = ['title', ...template.requiredFields.map((alternatives) => alternatives[0]!).filter((f) => f !== 'title')];
  const out: string[] = ['---', ...fields.map((f) => `${f}: ""`), `template: ${template.id}`];
  if (language !== 'en') out.push(`language: ${language}`);
  out.push('---', '');
  const prefix = prefixesFor(language)[0]!;
  for (const section of template.sections) {
    out.push(`${'#'.repeat(section.level)} ${section.heading}`, '');
    if (section.description) out.push(`<!-- ${section.description.replace(/--+/g, '–')} -->`, '');
    if (section.targets) {
      const goal = template.goals[0] ?? 16;
      out.push(`${'#'.repeat(section.level + 1)} ${prefix} ${goal}.1 `, '');
    }
    if (section.sources) {
      const labels = template.sourceLabels.length > 0 ? template.sourceLabels.slice(0, 2) : ['documents'];
      out.push('```sources', ...labels.map((l) => `${l}: 0`), '```', '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
