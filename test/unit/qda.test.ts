import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinTemplates, codebookFromTemplate, guidFor, parseQdc, QDC_NAMESPACE, toQdc, type QdcCode } from '../../server/src/core/index.js';

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

describe('REFI-QDA codebook import', () => {
  it('reads back exactly what was written', () => {
    const codes = codebookFromTemplate(template, { sections: true });
    const read = parseQdc(toQdc(codes));
    assert.deepEqual(read.problems, []);
    assert.deepEqual(read.codes, codes);
  });

  it('round-trips awkward text: markup characters, quotes, line breaks', () => {
    const codes: QdcCode[] = [{ guid: guidFor('x'), name: 'A & B <"quoted"> \'single\'', isCodable: true, description: 'Line one\nline two & <three>\ttab', children: [] }];
    assert.deepEqual(parseQdc(toQdc(codes)).codes, codes);
  });

  it("reads another tool's codebook: prefixes, comments, CDATA, self-closing codes, character references", () => {
    const xml = [
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>',
      '<!-- exported by another tool -->',
      `<qdc:CodeBook xmlns:qdc="${QDC_NAMESPACE}" origin="Other">`,
      '  <qdc:Codes>',
      "    <qdc:Code guid='11111111-1111-1111-1111-111111111111' name='Violence &amp; crime' isCodable='false'>",
      '      <qdc:Description><![CDATA[Cases <of> violence]]></qdc:Description>',
      '      <qdc:NoteRef targetGUID="22222222-2222-2222-2222-222222222222"/>',
      '      <qdc:Code guid="{33333333-3333-3333-3333-333333333333}" name="Homicide &#x2014; data" isCodable="true" color="#FF0000"/>',
      '    </qdc:Code>',
      '  </qdc:Codes>',
      '</qdc:CodeBook>',
    ].join('\r\n');
    const read = parseQdc(xml);
    assert.deepEqual(read.problems, []);
    assert.deepEqual(read.codes, [
      {
        guid: '11111111-1111-1111-1111-111111111111',
        name: 'Violence & crime',
        isCodable: false,
        description: 'Cases <of> violence',
        children: [{ guid: '{33333333-3333-3333-3333-333333333333}', name: 'Homicide — data', isCodable: true, color: '#FF0000', children: [] }],
      },
    ]);
  });

  it('reads the codebook inside a REFI-QDA project file', () => {
    const xml = '<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes><Code guid="A" name="One" isCodable="true"/></Codes></CodeBook></Project>';
    assert.deepEqual(parseQdc(xml).codes, [{ guid: 'A', name: 'One', isCodable: true, children: [] }]);
  });

  it('refuses a DOCTYPE and expands no entities but the five of XML', () => {
    const bomb = '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">]>\n<CodeBook><Codes><Code guid="A" name="&lol;" isCodable="true"/></Codes></CodeBook>';
    const read = parseQdc(bomb);
    assert.deepEqual(read.codes, []);
    assert.deepEqual(read.problems, [{ line: 2, message: 'A DOCTYPE or other declaration is not allowed in a codebook; remove it' }]);
    const unknown = parseQdc('<CodeBook><Codes><Code guid="A" name="x&lol;y" isCodable="true"/></Codes></CodeBook>');
    assert.equal(unknown.codes[0]!.name, 'xy');
    assert.match(unknown.problems[0]!.message, /Unknown entity &lol;/);
  });

  it('reports malformed codebooks at their line, never throwing', () => {
    assert.deepEqual(parseQdc('').problems, [{ line: 1, message: 'Expected a REFI-QDA codebook (<CodeBook>), found no XML element' }]);
    assert.match(parseQdc('<Project/>').problems[0]!.message, /found <Project>/);
    assert.match(parseQdc('<CodeBook>\n<Codes>\n<Code guid="A" name="x" isCodable="true">\n</Codes></CodeBook>').problems[0]!.message, /Expected <\/Code>, found <\/Codes>/);
    assert.deepEqual(parseQdc('<CodeBook><Codes>\n<Code name="x"/></Codes></CodeBook>').problems, [{ line: 2, message: 'Expected a guid on this <Code>' }]);
    assert.match(parseQdc('<CodeBook><Codes><Code guid="A" name="x" isCodable="maybe"/></Codes></CodeBook>').problems[0]!.message, /isCodable/);
    assert.match(parseQdc('<CodeBook><Codes><Code guid="A" name="x"/><Code guid="A" name="y"/></Codes></CodeBook>').problems[0]!.message, /used by another code/);
    assert.match(parseQdc('<CodeBook><Codes>').problems[0]!.message, /never closed/);
    const deep = `<CodeBook><Codes>${'<Code guid="g" name="n">'.repeat(500)}</Codes></CodeBook>`;
    assert.match(parseQdc(deep).problems.map((p) => p.message).join('\n'), /nested more than 200 levels/);
  });
});
