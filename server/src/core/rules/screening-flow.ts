import { checkFlow, screeningFlows, type FlowProblem } from '../findings/flow.js';
import { message as messageOf, type Message } from '../i18n/message.js';
import { defineRule } from './rule.js';

/**
 * The arithmetic and order of a `sources flow` block (how the evaluations were selected, in the
 * manner of a PRISMA 2020 flow): see findings/flow.ts and docs/findings.md. Only where the
 * document has an evidence register.
 */
export const screeningFlow = defineRule({
  id: 'screening-flow',
  description: {
    en: 'A screening flow whose stages are unknown, out of order or do not add up',
    es: 'Un flujo de selección con etapas desconocidas, desordenadas o que no cuadran',
    fr: 'Un flux de sélection dont les étapes sont inconnues, dans le désordre ou ne concordent pas',
  },
  defaultSeverity: 'warning',
  tags: ['evidence', 'sources', 'numbers'],
  messages: {
    en: {
      'unknown-stage': "Expected a stage of the flow (identified, removed, screened, excluded, sought, not retrieved, assessed, included), found '{label}'",
      'missing-identified': 'Expected a line for the evaluations identified in the flow, found none',
      'missing-included': 'Expected a line for the evaluations included in the flow, found none',
      order: "Expected '{label}' before '{after}', as it is an earlier stage of the flow",
      'nothing-before': "Expected a stage that holds evaluations before '{label}', found none",
      'nothing-after': "Expected a stage that holds the evaluations left after '{label}', found none",
      arithmetic: 'Expected {label} to be {expected} ({sum}), found {found}',
      register: 'Expected {label} to be {registered}, the evaluations in the evidence register, found {included}',
    },
    es: {
      'unknown-stage': "Se esperaba una etapa del flujo (identificadas, eliminadas, cribadas, excluidas, solicitadas, no obtenidas, evaluadas, incluidas) y se encontró «{label}»",
      'missing-identified': 'Se esperaba una línea para las evaluaciones identificadas en el flujo y no hay ninguna',
      'missing-included': 'Se esperaba una línea para las evaluaciones incluidas en el flujo y no hay ninguna',
      order: 'Se esperaba «{label}» antes de «{after}», porque es una etapa anterior del flujo',
      'nothing-before': 'Se esperaba una etapa con evaluaciones antes de «{label}» y no hay ninguna',
      'nothing-after': 'Se esperaba una etapa con las evaluaciones que quedan después de «{label}» y no hay ninguna',
      arithmetic: 'Se esperaba que {label} fuera {expected} ({sum}) y es {found}',
      register: 'Se esperaba que {label} fuera {registered}, las evaluaciones del registro, y es {included}',
    },
    fr: {
      'unknown-stage': 'Une étape du flux est attendue (identifiées, supprimées, présélectionnées, exclues, demandées, non obtenues, évaluées, incluses), mais c’est « {label} »',
      'missing-identified': 'Une ligne pour les évaluations identifiées est attendue dans le flux, mais il n’y en a pas',
      'missing-included': 'Une ligne pour les évaluations incluses est attendue dans le flux, mais il n’y en a pas',
      order: '« {label} » devrait venir avant « {after} », car c’est une étape antérieure du flux',
      'nothing-before': 'Une étape qui contient des évaluations est attendue avant « {label} », mais il n’y en a pas',
      'nothing-after': 'Une étape qui contient les évaluations restantes est attendue après « {label} », mais il n’y en a pas',
      arithmetic: '{label} devrait valoir {expected} ({sum}), mais c’est {found}',
      register: '{label} devrait valoir {registered}, les évaluations du registre, mais c’est {included}',
    },
  },
  check: function checkScreeningFlow({ document, evidence, report }) {
    if (!evidence) return;
    for (const flow of screeningFlows(document)) {
      for (const problem of checkFlow(flow, evidence)) report({ message: flowProblemMessage(problem), span: problem.span });
    }
  },
});

/** A flow problem as one of the rule's messages (also what `synthlint matrix --format prisma` prints). */
export function flowProblemMessage(p: FlowProblem): Message {
  const key = (k: string): string => `screening-flow.${k}`;
  switch (p.kind) {
    case 'unknown-stage':
      return messageOf(key('unknown-stage'), { label: p.label });
    case 'missing-stage':
      return messageOf(key(p.stage === 'identified' ? 'missing-identified' : 'missing-included'));
    case 'order':
      return messageOf(key('order'), { label: p.label, after: p.after });
    case 'nothing-before':
      return messageOf(key('nothing-before'), { label: p.label });
    case 'nothing-after':
      return messageOf(key('nothing-after'), { label: p.label });
    case 'arithmetic':
      return messageOf(key('arithmetic'), { label: p.label, expected: p.expected, found: p.found, sum: [`${p.from.count} ${p.from.label}`, ...p.minus.map((m) => `${m.count} ${m.label}`)].join(' − ') });
    case 'register':
      return messageOf(key('register'), { label: p.label, registered: p.registered, included: p.included });
  }
}
