// Writes snippets/synthesis.code-snippets, in each language a synthesis may be written in (English,
// Spanish, French): a target section, one per target of SDG 16 with the official text of the target
// as the title's placeholder, a consideration, a sources block, and a full skeleton for each built-in template —
// built by the core's skeleton (server/src/core/templates/skeleton.ts) from the built-in templates.
// A unit test fails when the file is out of date: run `node scripts/generate-snippets.mjs` after
// changing a template or the skeleton.
import { writeFileSync } from 'node:fs';
import { loadTs } from './load-ts.mjs';

const root = new URL('..', import.meta.url).pathname;
const { buildSkeleton, builtinTemplates, escapeSnippetText, getCatalogue, DOCUMENT_WORDS } = await loadTs({
  'server/src/core/index.ts': ['buildSkeleton', 'builtinTemplates', 'escapeSnippetText', 'getCatalogue', 'DOCUMENT_WORDS'],
});

/** What each language calls its snippets, and the prefixes that bring them up. */
const NAMES = {
  en: {
    tag: 'SDG',
    target: ['Target section', ['sdg-target', 'target-section'], 'A findings section for one SDG target: the heading with the target, and a paragraph.'],
    targetOf: ['Target section', 'sdg-', 'A findings section for SDG target {id}, its official text as the title to rewrite.'],
    consideration: ['Consideration', ['consideration', 'recommendation'], 'A consideration of a target section: a paragraph that opens with a bold label.', ['Consideration:', 'Recommendation:'], 'What could be done next, and by whom.'],
    sources: ['Sources block', ['sources-block'], "A sources block: one 'label: count' per line; indented lines break down the line above and add up to it."],
    skeleton: ['Skeleton', 'skeleton', "A new synthesis following the template '{id}' ({title}): front matter, every section, placeholders to replace."],
  },
  es: {
    tag: 'ODS',
    target: ['Sección de meta', ['ods-meta', 'seccion-meta'], 'Una sección de hallazgos para una meta de los ODS: el título con la meta y un párrafo.'],
    targetOf: ['Sección de meta', 'ods-', 'Una sección de hallazgos para la meta {id} de los ODS, con su texto oficial como título que reescribir.'],
    consideration: ['Consideración', ['consideracion', 'recomendacion'], 'Una consideración de una sección de meta: un párrafo que empieza con una etiqueta en negrita.', ['Consideración:', 'Recomendación:'], 'Qué podría hacerse a continuación, y quién.'],
    sources: ['Bloque de fuentes', ['bloque-fuentes'], "Un bloque de fuentes: una línea 'etiqueta: cifra' por fuente; las líneas con sangría desglosan la línea anterior y suman su cifra."],
    skeleton: ['Esqueleto', 'esqueleto', "Una síntesis nueva según la plantilla '{id}' ({title}): metadatos iniciales, todas las secciones y textos que reemplazar."],
  },
  fr: {
    tag: 'ODD',
    target: ['Section de cible', ['odd-cible', 'section-cible'], 'Une section de constatations pour une cible des ODD : le titre avec la cible, et un paragraphe.'],
    targetOf: ['Section de cible', 'odd-', 'Une section de constatations pour la cible {id} des ODD, avec son texte officiel comme titre à réécrire.'],
    consideration: ['Considération', ['consideration', 'recommandation'], 'Une considération d’une section de cible : un paragraphe qui commence par une étiquette en gras.', ['Considération :', 'Recommandation :'], 'Ce qui pourrait être fait ensuite, et par qui.'],
    sources: ['Bloc de sources', ['bloc-sources'], "Un bloc de sources : une ligne 'libellé: nombre' par source ; les lignes indentées ventilent la ligne précédente et en font le total."],
    skeleton: ['Squelette', 'squelette', "Une nouvelle synthèse suivant le modèle '{id}' ({title}) : métadonnées initiales, toutes les sections, textes à remplacer."],
  },
};
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => values[k] ?? m);

const unodc = builtinTemplates().get('unodc-meta-synthesis');
const snippets = {};
for (const [language, names] of Object.entries(NAMES)) {
  const words = DOCUMENT_WORDS[language];
  const [targetName, targetPrefixes, targetDescription] = names.target;
  snippets[`${targetName} (${language})`] = {
    prefix: targetPrefixes,
    description: targetDescription,
    body: [`### ${names.tag} 16.\${1:1} \${2:${escapeSnippetText(words.findingTitle)}}`, '', `\${3:${escapeSnippetText(words.targetParagraph)}}`, '$0'],
  };
  const [ofName, ofPrefix, ofDescription] = names.targetOf;
  for (const target of getCatalogue(language).targetsOf(16)) {
    snippets[`${ofName} ${target.id} (${language})`] = {
      prefix: [`${ofPrefix}${target.id}`],
      description: fill(ofDescription, { id: target.id }),
      body: [`### ${names.tag} ${target.id} \${1:${escapeSnippetText(target.title)}}`, '', `\${2:${escapeSnippetText(words.targetParagraph)}}`, '$0'],
    };
  }
  const [considerationName, considerationPrefixes, considerationDescription, labels, placeholder] = names.consideration;
  snippets[`${considerationName} (${language})`] = {
    prefix: considerationPrefixes,
    description: considerationDescription,
    body: [`**\${1|${labels.join(',')}|}** \${2:${escapeSnippetText(placeholder)}}`, '$0'],
  };
  const [sourcesName, sourcesPrefixes, sourcesDescription] = names.sources;
  const [reports, projects, country, regional] = unodc.labels[language];
  snippets[`${sourcesName} (${language})`] = {
    prefix: sourcesPrefixes,
    description: sourcesDescription,
    body: ['```sources', `\${1:${reports}}: \${2:21}`, `  \${3:${country}}: \${4:13}`, `  \${5:${regional}}: \${6:8}`, `\${7:${projects}}: \${8:22}`, '```', '$0'],
  };
  const [skeletonName, skeletonPrefix, skeletonDescription] = names.skeleton;
  for (const template of builtinTemplates().list()) {
    snippets[`${skeletonName}: ${template.titles[language]} (${language})`] = {
      prefix: [`${skeletonPrefix}-${template.id}`, skeletonPrefix],
      description: fill(skeletonDescription, { id: template.id, title: template.titles[language] }),
      body: buildSkeleton(template, { language, snippet: true }).split('\n'),
    };
  }
}

writeFileSync(`${root}snippets/synthesis.code-snippets`, `${JSON.stringify(snippets, null, 2)}\n`);
console.log(`Wrote snippets/synthesis.code-snippets (${Object.keys(snippets).length} snippets).`);
