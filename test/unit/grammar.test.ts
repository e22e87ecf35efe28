/**
 * The TextMate grammar, run by the same engine VS Code uses (vscode-textmate + oniguruma). The
 * Markdown grammar from tm-grammars stands in for VS Code's built-in `text.html.markdown`, and its
 * YAML grammar for `source.yaml`.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import oniguruma from 'vscode-oniguruma';
import vsctm from 'vscode-textmate';
import { repoRoot } from '../helpers.js';

const require = createRequire(import.meta.url);
const GRAMMAR_FILES: Record<string, string> = {
  'text.html.markdown.synthesis': join(repoRoot, 'syntaxes', 'synthesis-markdown.tmLanguage.json'),
  'text.html.markdown': require.resolve('tm-grammars/grammars/markdown.json'),
  'source.yaml': require.resolve('tm-grammars/grammars/yaml.json'),
};

interface Token {
  text: string;
  scopes: string[];
}

let grammar: vsctm.IGrammar;

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      const file = GRAMMAR_FILES[scopeName];
      // Other embedded languages (python, js …) are simply not available here, as in a bare editor.
      return file ? vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
  });
  const loaded = await registry.loadGrammar('text.html.markdown.synthesis');
  assert.ok(loaded, 'the grammar loads');
  grammar = loaded;
});

/** Tokenizes a whole document; returns the tokens of every line. */
function tokenize(text: string): Token[][] {
  let state = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The scopes of the token(s) covering `needle` on a line; asserts that one token is exactly it. */
function scopesOf(line: Token[], needle: string): string[] {
  const token = line.find((t) => t.text === needle);
  assert.ok(token, `expected a token '${needle}' in ${JSON.stringify(line.map((t) => t.text))}`);
  return token.scopes;
}

function hasScope(scopes: string[], scope: string): boolean {
  return scopes.some((s) => s === scope || s.startsWith(`${scope}.`));
}

/** Every token on the line that carries `scope`, joined: what a theme would colour as one thing. */
function textWithScope(line: Token[], scope: string): string[] {
  const runs: string[] = [];
  let current = '';
  for (const t of line) {
    if (hasScope(t.scopes, scope)) current += t.text;
    else if (current) {
      runs.push(current);
      current = '';
    }
  }
  if (current) runs.push(current);
  return runs;
}

const TAG = 'constant.other.sdg-tag.synthesis';

describe('grammar: SDG tags', () => {
  test('a target tag in a paragraph', () => {
    const [line] = tokenize('Most projects supported SDG 16.3 through legal aid and SDG 16.a through training.');
    assert.deepEqual(textWithScope(line!, TAG), ['SDG 16.3', 'SDG 16.a']);
    assert.ok(hasScope(scopesOf(line!, 'SDG'), 'keyword.other.sdg-prefix.synthesis'));
    assert.ok(hasScope(scopesOf(line!, '16.3'), 'constant.numeric.sdg-ref.synthesis'));
    assert.ok(hasScope(scopesOf(line!, '16.3'), 'meta.paragraph.markdown'), 'still inside the Markdown paragraph');
  });

  test('a target tag in a heading keeps the heading scope', () => {
    const lines = tokenize('## Main findings\n\n### SDG 16.1 Reducing violence everywhere\n');
    const heading = lines[2]!;
    assert.deepEqual(textWithScope(heading, TAG), ['SDG 16.1']);
    const ref = scopesOf(heading, '16.1');
    assert.ok(hasScope(ref, 'markup.heading.markdown'), ref.join(' '));
    assert.ok(hasScope(ref, 'entity.name.section.markdown'), ref.join(' '));
  });

  test('a combined tag is one tag with a separator', () => {
    const [line] = tokenize('Access to information (SDG 16.6/16.a) improved.');
    assert.deepEqual(textWithScope(line!, TAG), ['SDG 16.6/16.a']);
    assert.ok(hasScope(scopesOf(line!, '/'), 'punctuation.separator.sdg-ref.synthesis'));
  });

  test('goals and indicators are tags too', () => {
    const [line] = tokenize('Under SDG 5 and indicator SDG 16.1.1, see also ODS 16.b.');
    assert.deepEqual(textWithScope(line!, TAG), ['SDG 5', 'SDG 16.1.1', 'ODS 16.b']);
  });

  test('"SDGs", bare numbers and look-alikes are not tags', () => {
    const [line] = tokenize('The SDGs matter; 16.1 alone, XSDG 16, SDG 16.123 and SDG16 are not tags.');
    assert.deepEqual(textWithScope(line!, TAG), []);
    // "SDG 16.and" is goal 16 followed by prose in the core; the grammar agrees.
    const [prose] = tokenize('SDG 16.and more');
    assert.deepEqual(textWithScope(prose!, TAG), ['SDG 16']);
  });

  test('no tags inside code, inline code or comments', () => {
    const lines = tokenize('Use `SDG 16.1` here.\n\n<!-- SDG 16.2 -->\n\n```python\nprint("SDG 16.4")\n```\n');
    assert.deepEqual(textWithScope(lines[0]!, TAG), []);
    assert.deepEqual(textWithScope(lines[2]!, TAG), []);
    assert.deepEqual(textWithScope(lines[5]!, TAG), []);
  });
});

describe('grammar: sources blocks', () => {
  const doc = ['## Sources of data reviewed', '', '```sources', 'evaluation reports: 21', '  country-level evaluations: 13', 'interview and focus group participants: 3,076', 'documents : 3 076', '```', '', 'After the block.'].join('\n');

  test('labels, separators and counts, including 3,076 and 3 076', () => {
    const lines = tokenize(doc);
    assert.ok(hasScope(scopesOf(lines[2]!, 'sources'), 'fenced_code.block.language.markdown'));
    assert.ok(hasScope(scopesOf(lines[3]!, 'evaluation reports'), 'entity.name.tag.sources-label.synthesis'));
    assert.ok(hasScope(scopesOf(lines[3]!, ':'), 'punctuation.separator.key-value.sources.synthesis'));
    assert.ok(hasScope(scopesOf(lines[3]!, '21'), 'constant.numeric.sources-count.synthesis'));
    assert.ok(hasScope(scopesOf(lines[4]!, 'country-level evaluations'), 'entity.name.tag.sources-label.synthesis'));
    assert.ok(hasScope(scopesOf(lines[4]!, '13'), 'constant.numeric.sources-count.synthesis'));
    assert.ok(hasScope(scopesOf(lines[5]!, 'interview and focus group participants'), 'entity.name.tag.sources-label.synthesis'));
    assert.ok(hasScope(scopesOf(lines[5]!, '3,076'), 'constant.numeric.sources-count.synthesis'));
    assert.ok(hasScope(scopesOf(lines[6]!, 'documents'), 'entity.name.tag.sources-label.synthesis'));
    assert.ok(hasScope(scopesOf(lines[6]!, '3 076'), 'constant.numeric.sources-count.synthesis'));
    for (const line of lines.slice(3, 7)) {
      for (const token of line) assert.ok(hasScope(token.scopes, 'meta.embedded.block.sources.synthesis'), `${token.text}: ${token.scopes.join(' ')}`);
    }
  });

  test('the block ends at its closing fence', () => {
    const lines = tokenize(doc);
    assert.ok(hasScope(scopesOf(lines[7]!, '```'), 'punctuation.definition.markdown'));
    const after = lines[9]!;
    assert.ok(after.every((t) => !hasScope(t.scopes, 'markup.fenced_code')), 'text after the block is prose');
    assert.ok(hasScope(after[0]!.scopes, 'meta.paragraph.markdown'));
  });

  test('a ```python block is ordinary fenced code, not a sources block', () => {
    const lines = tokenize('```python\nreports: 21\n```\n');
    const code = lines[1]!;
    assert.ok(code.every((t) => !hasScope(t.scopes, 'meta.embedded.block.sources.synthesis')), JSON.stringify(code));
    assert.ok(code.every((t) => !hasScope(t.scopes, 'constant.numeric.sources-count.synthesis')));
    assert.ok(hasScope(code[0]!.scopes, 'markup.fenced_code.block.markdown'));
  });

  test('a line that is not "label: count" gets no count scope', () => {
    const lines = tokenize('```sources\nreports: many\n```\n');
    assert.ok(lines[1]!.every((t) => !hasScope(t.scopes, 'constant.numeric.sources-count.synthesis')));
  });
});

describe('grammar: front matter', () => {
  const doc = ['---', 'title: Meta-synthesis of SDG 16 evaluations', 'template: unodc-meta-synthesis', 'team:', '  - A. Evaluator', '---', '', '## Background and context', '', 'Text about SDG 16.'].join('\n');

  test('keys are YAML keys inside the embedded front matter', () => {
    const lines = tokenize(doc);
    // The YAML grammar splits a key into several tokens; together they read 'template'.
    assert.deepEqual(textWithScope(lines[2]!, 'entity.name.tag.yaml'), ['template']);
    assert.ok(lines[2]!.every((t) => hasScope(t.scopes, 'meta.embedded.block.frontmatter')));
    assert.ok(hasScope(scopesOf(lines[0]!, '---'), 'punctuation.definition.begin.frontmatter'));
    assert.ok(hasScope(scopesOf(lines[5]!, '---'), 'punctuation.definition.end.frontmatter'));
  });

  test('an SDG mention in a front-matter value is not a tag; after the front matter, Markdown resumes', () => {
    const lines = tokenize(doc);
    assert.deepEqual(textWithScope(lines[1]!, TAG), []);
    assert.ok(hasScope(lines[7]![0]!.scopes, 'markup.heading.markdown'));
    assert.deepEqual(textWithScope(lines[9]!, TAG), ['SDG 16']);
  });
});
