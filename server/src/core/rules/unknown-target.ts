import { list, msg, type Message, type MessageArg } from '../i18n/message.js';
import type { SdgCatalogue } from '../sdg/catalogue.js';
import type { SdgRef } from '../sdg/tags.js';
import type { Fix } from '../types.js';
import { defineRule } from './rule.js';

/** Every SDG tag, in headings and prose, must name a goal, target or indicator that exists. */
export const unknownTarget = defineRule({
  id: 'unknown-target',
  description: {
    en: 'An SDG tag naming a goal, target or indicator that does not exist',
    es: 'Una etiqueta ODS que nombra un objetivo, una meta o un indicador que no existe',
    fr: "Une étiquette ODD qui désigne un objectif, une cible ou un indicateur qui n'existe pas",
  },
  defaultSeverity: 'error',
  tags: ['sdg'],
  messages: {
    en: {
      goal: 'Unknown SDG {id}: there is no goal {goal} (the goals are 1 to {count})',
      target: 'Unknown SDG target {target}: goal {goal} has the targets {targets}',
      indicator: 'Unknown SDG indicator {id}: target {target} has the indicators {indicators}',
      'no-indicators': 'Unknown SDG indicator {id}: target {target} has no indicators',
      suggest: '{problem}; did you mean {suggestion}?',
      fix: 'Replace with {suggestion}',
    },
    es: {
      goal: 'ODS {id} no existe: no hay un objetivo {goal} (los objetivos van del 1 al {count})',
      target: 'La meta {target} de los ODS no existe: las metas del objetivo {goal} son {targets}',
      indicator: 'El indicador {id} de los ODS no existe: los indicadores de la meta {target} son {indicators}',
      'no-indicators': 'El indicador {id} de los ODS no existe: la meta {target} no tiene indicadores',
      suggest: '{problem}; ¿quiso decir {suggestion}?',
      fix: 'Reemplazar por {suggestion}',
    },
    fr: {
      goal: "ODD {id} n'existe pas : il n'y a pas d'objectif {goal} (les objectifs vont de 1 à {count})",
      target: "La cible {target} des ODD n'existe pas : les cibles de l'objectif {goal} sont {targets}",
      indicator: "L'indicateur {id} des ODD n'existe pas : les indicateurs de la cible {target} sont {indicators}",
      'no-indicators': "L'indicateur {id} des ODD n'existe pas : la cible {target} n'a pas d'indicateurs",
      suggest: '{problem} ; vouliez-vous dire {suggestion} ?',
      fix: 'Remplacer par {suggestion}',
    },
  },
  check: function checkUnknownTarget({ document, catalogue, report, message }) {
    // A long report holds thousands of tags but few distinct ones: each is looked up once. A
    // block whose tags all name something is remembered as such (by its text's identity, which an
    // edit elsewhere does not change), so a keystroke reads only the tags of the blocks it changed.
    let seen = verdicts.get(catalogue);
    if (!seen || seen.size > MAX_VERDICTS) verdicts.set(catalogue, (seen = new Map()));
    let clean = cleanBlocks.get(catalogue);
    if (!clean) cleanBlocks.set(catalogue, (clean = new WeakSet()));
    for (const block of document.blocks) {
      if (block.tags.length === 0 || clean.has(block.identity)) continue;
      let found = false;
      for (const tag of block.tags) {
        for (const ref of tag.refs) {
          // Ids of different kinds differ in form (16, 16.1, 16.1.1): the id alone is the key.
          let verdict = seen.get(ref.id);
          if (verdict === undefined) {
            const problem = describeUnknown(catalogue, ref, message as Say);
            verdict = problem ? { problem, suggestion: ref.kind === 'target' ? catalogue.closestTarget(ref.id) : undefined } : null;
            seen.set(ref.id, verdict);
          }
          if (!verdict) continue;
          found = true;
          const { problem, suggestion } = verdict;
          const fixes: Fix[] = suggestion ? [{ title: message('fix', { suggestion }), edits: [{ span: ref.span, newText: suggestion }], suggestion: true }] : [];
          report({
            message: suggestion ? message('suggest', { problem, suggestion }) : problem,
            span: ref.span,
            ...(fixes.length ? { fixes } : {}),
          });
        }
      }
      if (!found) clean.add(block.identity);
    }
  },
});

/** What the rule says about each reference (by its id), per catalogue; null when it exists. */
const verdicts = new WeakMap<SdgCatalogue, Map<string, { problem: Message; suggestion: string | undefined } | null>>();
const MAX_VERDICTS = 10_000;
/** The blocks (by identity) whose tags all name a goal, target or indicator, per catalogue. */
const cleanBlocks = new WeakMap<SdgCatalogue, WeakSet<object>>();

/** Why a reference names nothing, or undefined when it exists. */
type Say = (key: string, args: Readonly<Record<string, MessageArg>>) => Message;

function describeUnknown(catalogue: SdgCatalogue, ref: SdgRef, say: Say): Message | undefined {
  const goal = catalogue.goal(ref.goal);
  if (!goal) {
    return say('goal', { id: ref.id, goal: ref.goal, count: catalogue.goals.length });
  }
  if (ref.kind === 'goal') return undefined;
  const targetId = ref.kind === 'target' ? ref.id : ref.id.slice(0, ref.id.lastIndexOf('.'));
  if (!catalogue.target(targetId)) {
    return say('target', { target: targetId, goal: goal.number, targets: targetRange(catalogue, goal.number) });
  }
  if (ref.kind === 'target' || catalogue.indicator(ref.id)) return undefined;
  const indicators = catalogue.indicatorsOf(targetId).map((i) => i.id);
  return indicators.length
    ? say('indicator', { id: ref.id, target: targetId, indicators: list(indicators) })
    : say('no-indicators', { id: ref.id, target: targetId });
}

/** "16.1 to 16.10, 16.a and 16.b" */
function targetRange(catalogue: SdgCatalogue, goal: number): MessageArg {
  const targets = catalogue.targetsOf(goal);
  const numeric = targets.filter((x) => /^\d+$/.test(x.code));
  const letters = targets.filter((x) => !/^\d+$/.test(x.code)).map((x) => x.id);
  const parts: MessageArg[] = numeric.length > 2 ? [msg('sdg.range', { first: numeric[0]!.id, last: numeric[numeric.length - 1]!.id })] : numeric.map((n) => n.id);
  return list([...parts, ...letters]);
}
