// core/escape.ts: text from a repository made safe for a terminal or a CI log (issue 13, class 3).
// Phase 2 wires it into every text output; here, what it does to each kind of hostile text.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { escapeLine, escapeText, unsafeCharacter } from '../../server/src/core/index.js';

/** Nothing a terminal or a CI runner acts on is left. */
function assertInert(text: string): void {
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  assert.doesNotMatch(text, /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/, JSON.stringify(text));
  assert.ok((text as unknown as { isWellFormed(): boolean }).isWellFormed(), 'no unpaired surrogate');
}

describe('escapeText', () => {
  const cases: Array<[string, string, string]> = [
    ['a newline in a file name (a forged CI annotation)', 'brief\n::error file=a.md,line=1::forged.synth.md', 'brief\\n::error file=a.md,line=1::forged.synth.md'],
    ['CR and CRLF', 'a\rb\r\nc', 'a\\rb\\r\\nc'],
    ['a tab', 'a\tb', 'a\\tb'],
    ['a colour and a screen clear (ESC sequences)', 'Title\u001b[31m red \u001b[2J', 'Title\\u{1B}[31m red \\u{1B}[2J'],
    ['a window title change (OSC, ended by BEL)', '\u001b]0;owned\u0007', '\\u{1B}]0;owned\\u{07}'],
    ['C1 controls: CSI, NEL', 'a\u009b31mb\u0085c', 'a\\u{9B}31mb\\u{85}c'],
    ['DEL and NUL', 'a\u007fb\u0000c', 'a\\u{7F}b\\u{00}c'],
    ['the Unicode line and paragraph separators', 'a\u2028b\u2029c', 'a\\u{2028}b\\u{2029}c'],
    ['bidirectional overrides and isolates (Trojan source)', 'id\u202e\u2066cod\u2069\u200f', 'id\\u{202E}\\u{2066}cod\\u{2069}\\u{200F}'],
    ['unpaired surrogates', 'a\ud800b\udc00', 'a\\u{D800}b\\u{DC00}'],
  ];
  for (const [name, input, expected] of cases) {
    test(name, () => {
      const out = escapeText(input);
      assert.equal(out, expected);
      assertInert(out);
    });
  }

  test('ordinary text is unchanged: accents, other scripts, emoji, backslashes, zero-width joiners', () => {
    for (const text of ['Síntesis — évaluation', 'المعرفة', '👩‍👩‍👧 🌍', 'C:\\reports\\brief.synth.md', '[@COL-01; @GLO-01]']) assert.equal(escapeText(text), text);
  });
});

describe('escapeLine', () => {
  test('a line that would start a GitHub Actions or Azure Pipelines command does not', () => {
    assert.equal(escapeLine('::error file=x::forged.synth.md:1:1: error rule message'), '\\u{3A}:error file=x::forged.synth.md:1:1: error rule message');
    assert.equal(escapeLine('##vso[task.logissue type=error]forged'), '\\u{23}#vso[task.logissue type=error]forged');
    assert.equal(escapeLine('brief.synth.md:1:1: error rule ::x'), 'brief.synth.md:1:1: error rule ::x');
  });
});

describe('unsafeCharacter', () => {
  test('names the kind and code of the first unsafe character', () => {
    assert.deepEqual(unsafeCharacter('ab\ncd'), { index: 2, character: '\n', kind: 'line-break', code: 'U+000A' });
    assert.deepEqual(unsafeCharacter('a\u001b'), { index: 1, character: '\u001b', kind: 'control', code: 'U+001B' });
    assert.equal(unsafeCharacter('a\u202e')?.kind, 'direction');
    assert.equal(unsafeCharacter('Plain text, é'), undefined);
  });

  test('with lineBreaks, LF is allowed and nothing else', () => {
    assert.equal(unsafeCharacter('one\ntwo', { lineBreaks: true }), undefined);
    assert.equal(unsafeCharacter('one\ntwo\u001b', { lineBreaks: true })?.index, 7);
  });
});
