// The four rules that weigh the evidence, through the language service as the editor and synthlint
// run them: nothing new for a synthesis without an evidence register, each rule with one, and the
// project's coverage.minimum and overclaim.words taken from .synthesis/config.yaml.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLanguageService, createMemoryHost, wordMessage } from '../../server/src/core/index.js';

const NEW_RULES = ['missing-consideration', 'overclaim', 'screening-flow', 'thin-evidence'];
const REGISTER = 'id,title,year,type\nA-01,Courts,2018,country\nA-02,Legal aid,2019,country\nR-01,Regional,2020,regional\n';
const TEXT = [
  '## Main findings and considerations',
  '',
  '### SDG 16.3 Rule of law',
  '',
  'Courts consistently adopted case management [@A-01].',
  '',
  '### SDG 16.6 Institutions',
  '',
  'Officials firmly kept the new routines [@A-02]. Training reached the districts [@R-01].',
  '',
  '**Consideration:** Accredit the courses.',
  '',
  '## Methodology',
  '',
  '```sources flow',
  'evaluations identified: 9',
  'duplicates removed: 1',
  'evaluations screened: 7',
  'excluded at screening: 4',
  'evaluations included: 3',
  '```',
  '',
].join('\n');

async function findings(files: Record<string, string>, locale: 'en' | 'es' = 'en'): Promise<string[]> {
  const host = createMemoryHost({ ...files, '/p/brief.synth.md': TEXT });
  const service = createLanguageService(host, { ceilings: ['/p'] });
  const analysis = await service.analyze({ key: '/p/brief.synth.md', path: '/p/brief.synth.md', text: TEXT, version: 1 });
  return analysis.findings.filter((f) => NEW_RULES.includes(f.rule)).map((f) => `${analysis.document.lines.positionAt(f.span.start).line + 1} ${f.rule} ${f.severity}: ${wordMessage(f.message, locale)}`);
}

describe('the rules that weigh the evidence', () => {
  test('a synthesis without an evidence register sees none of them', async () => {
    assert.deepEqual(await findings({}), []);
  });

  test('with a register beside it, each reports, as a warning', async () => {
    assert.deepEqual(await findings({ '/p/evidence.csv': REGISTER }), [
      "3 missing-consideration warning: Expected a consideration in the target section 'SDG 16.3 Rule of law', as the template 'unodc-meta-synthesis' asks for one in each; add a paragraph that opens with **Consideration:**",
      "3 thin-evidence warning: Expected the target section 'SDG 16.3 Rule of law' to cite at least 2 evaluations, found 1 (A-01); cite the others behind it, or say why the evidence is thin",
      "5 overclaim warning: Expected several evaluations cited in the sentence that says 'consistently', found one (A-01); cite the others, or say what this evaluation found",
      '18 screening-flow warning: Expected evaluations screened to be 8 (9 evaluations identified − 1 duplicates removed), found 7',
    ]);
  });

  test("the project's coverage.minimum and overclaim.words apply, and levels can be set", async () => {
    const config = 'coverage:\n  minimum: 3\noverclaim:\n  words: [firmly]\nrules:\n  missing-consideration: off\n  screening-flow: error\n';
    const found = await findings({ '/p/evidence.csv': REGISTER, '/p/.synthesis/config.yaml': config });
    assert.deepEqual(
      found.map((f) => f.split(':')[0]),
      ['3 thin-evidence warning', '5 overclaim warning', '7 thin-evidence warning', '9 overclaim warning', '18 screening-flow error'],
    );
    assert.ok(found.some((f) => f.includes("cite at least 3 evaluations, found 2 (A-02, R-01)")));
  });

  test("messages in the user's language", async () => {
    const found = await findings({ '/p/evidence.csv': REGISTER }, 'es');
    assert.ok(found.includes('5 overclaim warning: Se esperaban varias evaluaciones citadas en la frase que dice «consistently» y solo cita una (A-01); cite las demás o diga lo que halló esta evaluación'), found.join('\n'));
  });
});
