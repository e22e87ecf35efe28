import { defineRule } from './rule.js';

/** Each line of a sources block is `label: count`, a breakdown indented two spaces under its parent. */
export const sourcesSyntax = defineRule({
  id: 'sources-syntax',
  description: {
    en: "A line of a sources block that is not 'label: count', or is indented wrongly",
    es: "Una línea de un bloque de fuentes que no tiene la forma 'etiqueta: cifra' o que tiene una sangría incorrecta",
    fr: "Une ligne d'un bloc de sources qui n'a pas la forme 'libellé: nombre' ou dont l'indentation est incorrecte",
  },
  defaultSeverity: 'error',
  tags: ['sources'],
  messages: {
    en: {

    },
    es: {

    },
    fr: {

    },
  },
  check: function checkSourcesSyntax({ document, report }) {
    for (const block of document.sourcesBlocks) {
      for (const problem of block.problems) report({ message: problem.message, span: problem.span });
    }
  },
});
