// The Peru brief the findings tests share: two target sections with citations, a consideration
// paragraph and an announced list of recommendations, in English, Spanish or French, and the
// evidence register it cites (with a quality rating per evaluation).
import { createLanguageService, createMemoryHost, type DocumentAnalysis } from '../../server/src/core/index.js';

export const PERU_REGISTER = ['id,title,year,type,quality', 'PER-01,Legal aid,2017,country,very good', 'PER-02,Justice houses,2019,country,good', 'REG-01,Andean cooperation,2021,regional,good', 'PER-03,Case management,2020,country,fair'].join('\n');

export type BriefLanguage = 'en' | 'es' | 'fr';

const WORDS = {
  en: { sdg: 'SDG', label: 'Consideration:', list: 'Recommendations:' },
  es: { sdg: 'ODS', label: 'Consideración:', list: 'Recomendaciones:' },
  fr: { sdg: 'ODD', label: 'Considération :', list: 'Recommandations :' },
} as const;

/** The brief under a `##` heading of `heading`; with `flow`, a sources flow block ends it. */
export function peruBrief(language: BriefLanguage, heading: string, flow = false): string {
  const w = WORDS[language];
  return [
    '---',
    'title: Peru',
    `language: ${language}`,
    'country: Peru',
    '---',
    '',
    `## ${heading}`,
    '',
    `### ${w.sdg} 16.3 Rule of law`,
    '',
    'Mobile legal aid reached *remote* provinces [@PER-01; @PER-02; @REG-01].',
    '',
    `**${w.label}** Courts could fund legal aid in stages.`,
    '',
    `### ${w.sdg} 16.6 Institutions`,
    '',
    'Courts adopted case management [@PER-03].',
    '',
    `**${w.list}**`,
    '',
    '- Train the trainers.',
    '- Accredit the courses.',
    '',
    ...(flow ? ['```sources flow', 'evaluations identified: 10', 'duplicates removed: 2', 'evaluations screened: 8', 'excluded at screening: 4', 'evaluations included: 4', '```', ''] : []),
  ].join('\n');
}

/** `text` as /p/brief.synth.md analysed by the language service over an in-memory host holding `files`. */
export async function analysedInMemory(text: string, files: Record<string, string> = { '/p/evidence.csv': PERU_REGISTER }): Promise<{ service: ReturnType<typeof createLanguageService>; analysis: DocumentAnalysis }> {
  const host = createMemoryHost({ ...files, '/p/brief.synth.md': text });
  const service = createLanguageService(host, { ceilings: ['/p'] });
  const analysis = await service.analyze({ key: '/p/brief.synth.md', path: '/p/brief.synth.md', text, version: 1 });
  return { service, analysis };
}
