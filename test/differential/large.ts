/**
 * A large report gets every check: the same index per copy of a section as a small one, counts in
 * the prose, tags in lists inside quotes, and the checks that need them (`count-mismatch` here).
 * `npm test` runs it on 1 MB (test/unit/pathological.test.ts), `npm run test:fuzz` on 10 MB.
 */
import assert from 'node:assert/strict';
import { analyze, parse } from '../../server/src/core/index.js';

const HEAD = `---
title: A synthesis
period: 2018-2023
---

`;

const BODY = `## Background and context

The review covers 21 evaluation reports and 3,076 documents (SDG 16.1, SDG 5.2). Support to municipal
crime observatories gave local authorities comparable homicide figures, and the prosecutors trained
under the programme reported fewer cases dismissed on procedural grounds [@COL-01; @GLO-01]. Even so,
follow-up data were scarce in the border provinces, and several evaluations questioned whether the
case management system would survive the end of donor funding.

## Main findings and considerations

### SDG 16.1 Reducing violence

> A quote with a list:
> - item one
> - item two

| Target | Evaluations |
|---|---|
| SDG 16.3 | 12 |

## Sources of data reviewed

\`\`\`sources
evaluation reports: 21
  country-level: 13
  regional: 8
documents: 3 076
\`\`\`

`;

/** Checks a report of about `bytes` characters; returns its length. */
export function checkLargeReport(bytes: number): number {
  const copies = Math.ceil(bytes / BODY.length);
  // The last copy says 22 where its sources block counts 21, and names a target in a list in a quote.
  const last = BODY.replace('21 evaluation reports', '22 evaluation reports').replace('> - item two', '> - item two, SDG 16.4');
  const text = HEAD + BODY.repeat(copies - 1) + last;
  const a = analyze(text);
  const one = parse(HEAD + BODY);
  assert.equal(a.document.headings.length, copies * one.headings.length);
  assert.equal(a.document.tags.length, copies * one.tags.length + 1);
  assert.equal(a.document.citations.length, copies * one.citations.length);
  assert.equal(a.document.proseCounts.length, copies * one.proseCounts.length);
  assert.equal(a.document.sourcesBlocks.length, copies);
  const mismatch = a.findings.filter((f) => f.rule === 'count-mismatch');
  assert.deepEqual(mismatch.map((f) => text.slice(f.span.start, f.span.end)), ['22']);
  assert.ok(mismatch[0]!.span.start > text.length - BODY.length, 'the mismatch is found in the last copy');
  const inQuote = a.document.tags.filter((t) => text.slice(t.span.start, t.span.end) === 'SDG 16.4');
  assert.equal(inQuote.length, 1, 'the tag in the list in the quote is found');
  assert.ok(!a.findings.some((f) => f.rule === 'document'), 'no finding says the document was checked less');
  return text.length;
}
