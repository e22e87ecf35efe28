import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinTemplates, codebookFromTemplate, guidFor, toQdc, type QdcCode } from '../../server/src/core/index.js';
import { readCodebook } from '../qdc.js';

const template = builtinTemplates().get('unodc-meta-synthesis')!;
const GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-8[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/;

function allCodes(codes: readonly QdcCode[]): QdcCode[] {
  return codes.flatMap((c) => [c, ...allCodes(c.children)]);
}

describe('REFI-QDA codebook export', () => {
  it("codes the targets of the template's goals under their goal, with official texts and colours", () => {
    const codes = codebookFromTemplate(template);
    assert.deepEqual(codes.map((c) => c.name), ['SDG 16 Peace, justice and strong institutions']);
    const goal = codes[0]!;
    assert.equal(goal.color, '#00689D');
    assert.deepEqual(goal.children.map((c) => c.name), ['SDG 16.1', 'SDG 16.2', 'SDG 16.3', 'SDG 16.4', 'SDG 16.5', 'SDG 16.6', 'SDG 16.7', 'SDG 16.8', 'SDG 16.9', 'SDG 16.10', 'SDG 16.a', 'SDG 16.b']);
    assert.match(goal.children[0]!.description!, /^Significantly reduce all forms of violence/);
    assert.ok(allCodes(codes).every((c) => c.isCodable));
  });

  it("adds the template's thematic sections when asked, leaving out the findings and sources sections", () => {
    const codes = codebookFromTemplate(template, { sections: true });
    const themes = codes[1]!;
    assert.equal(themes.isCodable, false);
    assert.deepEqual(themes.children.map((c) => c.name), ['Background and context', 'Human rights, gender equality and inclusivity', 'Other cross-cutting themes', 'Conclusions']);
  });

  it('uses the SDG texts of the language asked for', () => {
    const codes = codebookFromTemplate(template, { language: 'es' });
    assert.match(codes[0]!.name, /^ODS 16 Paz, justicia/);
    assert.equal(codes[0]!.children[0]!.name, 'ODS 16.1');
    assert.equal(codebookFromTemplate(template, { language: 'fr' })[0]!.children[0]!.name, 'ODD 16.1');
    // The same codes in every language: the GUIDs do not depend on the names.
    assert.equal(codes[0]!.children[0]!.guid, codebookFromTemplate(template)[0]!.children[0]!.guid);
  });

  it('derives stable, distinct, UUID-shaped GUIDs from the code paths', () => {
    assert.equal(guidFor('sdg/16/16.1'), guidFor('sdg/16/16.1'));
    assert.notEqual(guidFor('sdg/16/16.1'), guidFor('sdg/16/16.10'));
    const guids = allCodes(codebookFromTemplate(template, { sections: true })).map((c) => c.guid);
    assert.ok(guids.every((g) => GUID.test(g)), guids.join(' '));
    assert.equal(new Set(guids).size, guids.length);
    assert.equal(toQdc(codebookFromTemplate(template)), toQdc(codebookFromTemplate(template)), 'the same export twice is the same file');
  });

  it('writes the Codebook Exchange XML', () => {
    const xml = toQdc(codebookFromTemplate(template), { origin: 'synthlint 1.0' });
    assert.match(xml, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1\.0" origin="synthlint 1\.0">\n {2}<Codes>\n/);
    assert.match(xml, /<Code guid="[0-9A-F-]{36}" name="SDG 16\.1" isCodable="true" color="#00689D">\n\s+<Description>Significantly reduce/);
    assert.match(xml, /<\/Codes>\n<\/CodeBook>\n$/);
  });
});

describe('REFI-QDA codebook, read back by an independent XML parser', () => {
  it('reads back exactly what was written', () => {
    const codes = codebookFromTemplate(template, { sections: true });
    assert.deepEqual(readCodebook(toQdc(codes)), codes);
  });

  it('round-trips awkward text: markup characters, quotes, line breaks', () => {
    const codes: QdcCode[] = [{ guid: guidFor('x'), name: 'A & B <"quoted"> \'single\'', isCodable: true, description: 'Line one\nline two & <three>\ttab', children: [] }];
    assert.deepEqual(readCodebook(toQdc(codes)), codes);
  });
});
