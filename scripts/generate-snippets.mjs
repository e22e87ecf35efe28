// Writes snippets/synthesis.code-snippets: a target section, a sources block, and a full skeleton for
// each built-in template, built by the same code as the "Insert Template Skeleton" command
// (server/src/core/service/skeleton.ts) from the core's built-in templates. A unit test fails when the file is
// out of date with the templates: run `node scripts/generate-snippets.mjs` after changing one.
import { writeFileSync } from 'node:fs';
import { loadTs } from './load-ts.mjs';

const root = new URL('..', import.meta.url).pathname;
const { buildSkeleton, builtinTemplates } = await loadTs({
  'server/src/core/index.ts': ['buildSkeleton', 'builtinTemplates'],
});

const snippets = {
  'Target section': {
    prefix: ['sdg-target', 'target-section'],
    description: 'A findings section for one SDG target: the heading with the target, and a paragraph.',
    body: ['### SDG 16.${1:1} ${2:Title of the finding}', '', '${3:What the evaluations found for this target, and what could be considered next.}', '$0'],
  },
  'Sources block': {
    prefix: ['sources-block'],
    description: "A sources block: one 'label: count' per line; indented lines break down the line above and add up to it.",
    body: ['```sources', '${1:evaluation reports}: ${2:21}', '  ${3:country-level evaluations}: ${4:13}', '  ${5:regional evaluations}: ${6:8}', '${7:projects}: ${8:22}', '```', '$0'],
  },
};

for (const template of builtinTemplates().list()) {
  snippets[`Skeleton: ${template.title}`] = {
    prefix: [`skeleton-${template.id}`, 'skeleton'],
    description: `A new synthesis following the template '${template.id}' (${template.title}): front matter, every section, placeholders to replace.`,
    body: buildSkeleton(template, { snippet: true }).split('\n'),
  };
}

writeFileSync(`${root}snippets/synthesis.code-snippets`, `${JSON.stringify(snippets, null, 2)}\n`);
console.log(`Wrote snippets/synthesis.code-snippets (${Object.keys(snippets).length} snippets).`);
