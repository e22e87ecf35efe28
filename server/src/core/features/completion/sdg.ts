/**
 * SDG ids after a tag prefix: goals after `SDG `, a goal's targets after `SDG 16.`, a target's
 * indicators after `SDG 16.1.`. Also after `/` in a multi-target tag (`SDG 16.6/16.`).
 */
import { clip, prefixesFor } from '../common.js';
import type { Completion, CompletionContext } from './types.js';
import { sortKey } from './types.js';

const patterns = new Map<string, RegExp>();

function tagBeforeCursor(prefixes: readonly string[]): RegExp {
  const key = prefixes.join('|');
  let re = patterns.get(key);
  if (!re) {
    // The prefix, spaces, earlier references joined by '/', then the id being typed.
    re = new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${key})[ \t\u00a0]{1,4}(?:\d{1,2}(?:\.[0-9a-zA-Z]{1,2}){0,2}\/)*(\d{0,2}(?:\.[0-9a-zA-Z]{0,2}(?:\.\d{0,2})?)?)$`, 'u');
    patterns.set(key, re);
  }
  return re;
}

export function completeSdg(context: CompletionContext): Completion[] | undefined {
  const { catalogue, linePrefix, offset } = context;
  const m = tagBeforeCursor(prefixesFor(context.document.language)).exec(linePrefix);
  if (!m) return undefined;
  const typed = m[1]!;
  const replace = { start: offset - typed.length, end: offset };
  const parts = typed.split('.');
  if (parts.length === 1) {
    return catalogue.goals.map((goal, i) => ({
      label: goal.id,
      kind: 'goal',
      detail: goal.short,
      documentation: `**${goal.id}. ${goal.short}**\n\n${goal.title}`,
      insertText: goal.id,
      replace,
      sortText: sortKey(0, i),
    }));
  }
  if (parts.length === 2) {
    return catalogue.targetsOf(parts[0]!).map((target, i) => {
      const indicators = catalogue.indicatorsOf(target.id);
      const list = indicators.length > 0 ? `\n\n${indicators.map((ind) => `- ${ind.id} ${ind.title}`).join('\n')}` : '';
      return {
        label: target.id,
        kind: 'target',
        detail: clip(target.title, 70),
        documentation: `**${target.id}** ${target.title}${list}`,
        insertText: target.id,
        replace,
        sortText: sortKey(0, i),
      };
    });
  }
  return catalogue.indicatorsOf(`${parts[0]}.${parts[1]}`).map((indicator, i) => ({
    label: indicator.id,
    kind: 'indicator',
    detail: clip(indicator.title, 70),
    documentation: `**${indicator.id}** ${indicator.title}`,
    insertText: indicator.id,
    replace,
    sortText: sortKey(0, i),
  }));
}
