import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinTemplates, complete, parse, parseTemplate, type Completion } from '../../server/src/core/index.js';

/** Completions at the `$$CURSOR$$` marker, and the text with the first one applied. */
function at(textWithCursor: string, options: Parameters<typeof complete>[2] = {}): { items: Completion[]; apply: (item: Completion) => string } {
  const offset = textWithCursor.indexOf('$$CURSOR$$');
  assert.ok(offset >= 0);
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + '$$CURSOR$$'.length);
  const items = complete(parse(text), offset, options).sort((a, b) => a.sortText.localeCompare(b.sortText));
  return { items, apply: (item) => text.slice(0, item.replace.start) + item.insertText + text.slice(item.replace.end) };
}

describe('completion', () => {
  it('offers the 17 goals after "SDG "', () => {
    const { items, apply } = at('Work towards SDG $$CURSOR$$');
    assert.equal(items.length, 17);
    const peace = items.find((i) => i.label === '16')!;
    assert.equal(peace.detail, 'Peace, justice and strong institutions');
    assert.match(peace.documentation!, /Promote peaceful and inclusive societies/);
    assert.equal(apply(peace), 'Work towards SDG 16');
  });

  it('offers the targets of a goal, with their official text, replacing what was typed', () => {
    const { items, apply } = at('### SDG 16.$$CURSOR$$\n');
    assert.deepEqual(items.map((i) => i.label), ['16.1', '16.2', '16.3', '16.4', '16.5', '16.6', '16.7', '16.8', '16.9', '16.10', '16.a', '16.b']);
    assert.match(items[0]!.documentation!, /Significantly reduce all forms of violence/);
    assert.equal(apply(items[2]!), '### SDG 16.3\n');
    // Also while a code is being typed, and after '/' in a multi-target tag.
    assert.equal(at('SDG 16.1$$CURSOR$$').items.length, 12);
    assert.equal(at('SDG 16.6/16.$$CURSOR$$').items[0]!.label, '16.1');
  });

  it('offers the indicators of a target', () => {
    const { items, apply } = at('See SDG 16.1.$$CURSOR$$ for the data.');
    assert.deepEqual(items.map((i) => i.label), ['16.1.1', '16.1.2', '16.1.3', '16.1.4']);
    assert.equal(apply(items[0]!), 'See SDG 16.1.1 for the data.');
  });

  it('speaks the document language: ODS in Spanish, with Spanish texts', () => {
    const { items } = at('---\nlanguage: es\n---\n\nContribuye al ODS 16.$$CURSOR$$\n');
    assert.match(items[0]!.documentation!, /Reducir significativamente todas las formas de violencia/);
    assert.equal(at('---\nlanguage: fr\n---\n\nODD $$CURSOR$$\n').items.length, 17);
    // ODS means nothing in an English document.
    assert.deepEqual(at('ODS $$CURSOR$$').items.filter((i) => i.kind === 'goal'), []);
  });

  it('offers the template sections at a heading start, missing ones first, with their level', () => {
    const doc = '---\ntitle: T\n---\n\n## Background and context\n\nText.\n\n#$$CURSOR$$\n';
    const { items, apply } = at(doc);
    const sections = items.filter((i) => i.kind === 'section');
    assert.equal(sections[0]!.label, 'Main findings and considerations');
    assert.equal(apply(sections[0]!), doc.replace('$$CURSOR$$', '').replace('\n#\n', '\n## Main findings and considerations\n'));
    assert.equal(sections[sections.length - 1]!.label, 'Background and context');
    assert.match(sections[sections.length - 1]!.detail!, /already in the document/);
  });

  it('offers target-section headings first when a level-3 heading is typed', () => {
    const { items } = at('## Main findings and considerations\n\n### $$CURSOR$$\n');
    assert.equal(items[0]!.kind, 'target-section');
    assert.equal(items[0]!.insertText, '### SDG 16.1 ');
  });

  it('offers front-matter keys not yet used, required ones first, and template and language values', () => {
    const keys = at('---\ntitle: A synthesis\n$$CURSOR$$\n---\n').items;
    assert.ok(!keys.some((i) => i.label === 'title'));
    assert.deepEqual(keys.slice(0, 4).map((i) => i.label).sort(), ['country', 'period', 'scope', 'team']);
    assert.equal(keys.find((i) => i.label === 'language')!.insertText, 'language: ');
    const templates = at('---\ntemplate: $$CURSOR$$\n---\n').items;
    assert.ok(templates.some((i) => i.label === 'evidence-gap-map'));
    assert.deepEqual(at('---\nlanguage: e$$CURSOR$$').items.map((i) => i.label), ['en', 'es', 'fr']);
  });

  it('offers sources labels: the template vocabulary, then the document and workspace labels', () => {
    const text = '## Sources of data reviewed\n\n```sources\nevaluation reports: 21\n$$CURSOR$$\n```\n\n```sources\nfield notes: 3\n```\n';
    const { items, apply } = at(text, { workspaceLabels: ['site visits', 'Evaluation report'] });
    const labels = items.map((i) => i.label);
    assert.ok(!labels.includes('evaluation reports'), 'a label already in the block is not offered');
    assert.ok(!labels.includes('Evaluation report'), 'the same label in another form is not offered twice');
    assert.equal(labels[0], 'projects');
    assert.ok(labels.indexOf('field notes') < labels.indexOf('site visits'));
    assert.ok(apply(items[0]!).includes('\nprojects: \n'));
    // Not after the colon.
    assert.deepEqual(at('```sources\nprojects: $$CURSOR$$\n```\n').items, []);
  });

  it('uses workspace templates given as a registry', () => {
    const { template } = parseTemplate('id: note\ntitle: Note\ndescription: d\nsections:\n  - id: notes\n    heading: Notes\n', 'test');
    const templates = builtinTemplates().with([template!]);
    const { items } = at('---\ntemplate: note\n---\n\n#$$CURSOR$$', { templates });
    assert.deepEqual(items.map((i) => i.insertText), ['## Notes']);
  });

  it('offers nothing in plain prose and clamps offsets', () => {
    assert.deepEqual(at('Just some prose$$CURSOR$$').items, []);
    assert.deepEqual(complete(parse('SDG '), 999).length, 17);
  });
});
