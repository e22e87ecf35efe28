/**
 * The English messages: the reference every translation follows, key for key and placeholder for
 * placeholder (a unit test checks both). Rule messages follow the form "Expected X, found Y".
 * Keys start with the rule id or the feature that shows them.
 */
export const en = {
  // Shared words
  'sdg.goal': 'SDG {goal}',
  'sdg.range': '{first} to {last}',

  // The linter itself
  'lint.rule-failed': "The rule '{rule}' failed on this document and was skipped ({error})",
  'document.nesting': 'Nesting deeper than {max} levels is read as plain text',
  'document.unreadable': 'The document could not be read as Markdown ({error}); only a few checks ran',

  // front-matter
  'front-matter.none': "Expected front matter at the top of the document (between two '---' lines) with {fields}, found none",
  'front-matter.yaml.duplicate-key': 'Expected each field once in the front matter, found this one again',
  'front-matter.yaml.unexpected': "Expected a field as 'name: value', found text that does not fit here; check the brackets, quotes and indentation on this line and the one above",
  'server.more-problems': '{count} more problems in this document are not shown here; correct the ones above, or run synthlint on the file for the full list',
  'front-matter.yaml.unclosed-quote': 'Expected a closing quotation mark in the front matter, found none before its end',
  'front-matter.yaml.tab': 'Expected spaces to indent the front matter, found a tab',
  'front-matter.yaml.unclosed-list': "Expected a closing ']' for the list in the front matter, found none",
  'front-matter.yaml.unclosed-map': "Expected a closing '}' in the front matter, found none",
  'front-matter.yaml.one-per-line': "Expected one 'field: value' per line in the front matter; put text that contains ': ' in quotes",
  'front-matter.yaml.invalid': 'Invalid YAML in front matter: {detail}',
  'front-matter.yaml.not-fields': 'Expected the front matter to be a list of `key: value` fields',
  'front-matter.yaml.unreadable': 'Could not read the front matter: {detail}',
  'front-matter.no-value': "Expected a value for '{field}', found none",
  'front-matter.required': "Expected {fields} in the front matter, as the template '{template}' requires",
  'front-matter.kind.text': 'text',
  'front-matter.kind.number': 'a number',
  'front-matter.kind.literal': "'{value}'",
  'front-matter.kind.list': 'a list',
  'front-matter.kind.date': 'a date',
  'front-matter.kind.group': 'a group of fields',
  'front-matter.kind.empty-entry': 'an empty entry',
  'front-matter.quoted': "'{value}'",
  'front-matter.not-text': "Expected '{field}' to be text, found {kind}",
  'front-matter.not-text-quote': "Expected '{field}' to be text, found {kind} (put it in quotes to make it text)",
  'front-matter.team-entry': "Expected every entry of 'team' to be a name, found {kind}",
  'front-matter.team-list': "Expected 'team' to be a list of names, such as [Ana Ruiz, Ben Okafor], found {kind}",
  'front-matter.team-fix': "Make 'team' a list",
  'front-matter.report': "Expected 'report' to be a web address starting with http:// or https://, found {found}",
  'front-matter.report-fix': 'Keep only the address {url}',
  'front-matter.language': "Expected 'language' to be en, es or fr, found {found}",
  'front-matter.language-fix': "Write '{code}'",

  // unknown-template
  'unknown-template.available': 'the available templates are {list}',
  'unknown-template.none-available': 'no templates are available',
  'unknown-template.default': "Unknown default template '{id}' in the settings, {available}",
  'unknown-template.suggest': "Unknown template '{id}', did you mean '{closest}'? ({available})",
  'unknown-template.unknown': "Unknown template '{id}', {available}",
  'unknown-template.fix': "Use the template '{id}'",

  // missing-section
  'missing-section.level': "Expected {heading} as a level-{level} heading ('{marks}'), found a level-{found} heading",
  'missing-section.level-fix': "Make it a '{marks}' heading",
  'missing-section.before': "Expected a section {heading} before {before}, as the template '{template}' requires",
  'missing-section.end': "Expected a section {heading} at the end of the document, as the template '{template}' requires",
  'missing-section.fix': 'Insert the section {heading}',

  // section-order
  'section-order.message': "Expected the section {heading} {where}, as in the template '{template}'",
  'section-order.after': 'after {heading}',
  'section-order.before': 'before {heading}',
  'section-order.between': 'after {after} and before {before}',

  // empty-section
  'empty-section.message': 'Expected some text in the section {heading}, found none',

  // unknown-target
  'unknown-target.goal': 'Unknown SDG {id}: there is no goal {goal} (the goals are 1 to {count})',
  'unknown-target.target': 'Unknown SDG target {target}: goal {goal} has the targets {targets}',
  'unknown-target.indicator': 'Unknown SDG indicator {id}: target {target} has the indicators {indicators}',
  'unknown-target.no-indicators': 'Unknown SDG indicator {id}: target {target} has no indicators',
  'unknown-target.suggest': '{problem}; did you mean {suggestion}?',
  'unknown-target.fix': 'Replace with {suggestion}',

  // target-outside-scope
  'target-outside-scope.one': "Expected a target of {covered} (the template '{template}' covers only that goal), found SDG {id}",
  'target-outside-scope.many': "Expected a target of {covered} (the template '{template}' covers only those goals), found SDG {id}",

  // duplicate-target
  'duplicate-target.message': 'Expected one section for SDG {id}, found a second one (the first is on line {line}); merge them',

  // target-order
  'target-order.message': 'Expected the section for SDG {id} {where}, in the official order of targets',
  'target-order.after': 'after SDG {id}',
  'target-order.before': 'before SDG {id}',
  'target-order.between': 'after SDG {after} and before SDG {before}',

  // sources-syntax (the problems the sources reader finds)
  'sources-syntax.tab': 'Unexpected tab in the indentation of a sources line, use two spaces per level',
  'sources-syntax.line': "Expected a sources line as 'label: count', found '{found}'",
  'sources-syntax.not-number': "Expected a whole number after '{label}:', found '{found}' (write 3076, 3,076 or 3 076)",
  'sources-syntax.no-count': "Expected a count after '{label}:'",
  'sources-syntax.indent-even': 'Unexpected indentation, indent a breakdown by exactly two spaces more than its parent',
  'sources-syntax.indent-deep': 'Unexpected indentation, a breakdown can only be two spaces deeper than the line above',

  // missing-sources
  'missing-sources.message': "Expected a sources block in the section {heading} (a fenced block opened with ```sources, one 'label: count' per line), found none",

  // duplicate-source
  'duplicate-source.message': "Expected each label once at this level, found '{label}' again (first on line {line})",

  // sources-sum
  'sources-sum.one': 'Expected {label} ({count}) to equal its breakdown, {sum}',
  'sources-sum.many': 'Expected {label} ({count}) to equal the sum of its breakdown, {parts} = {sum}',
  'sources-sum.fix': 'Set {label} to {value}',

  // count-mismatch
  'count-mismatch.message': 'Expected {figures} {label} as in {where}, found {written}',
  'count-mismatch.where-line': 'the sources block (line {lines})',
  'count-mismatch.where-lines': 'the sources block (lines {lines})',
  'count-mismatch.where-blocks': 'the sources blocks (lines {lines})',
  'count-mismatch.fix': 'Change {written} to {value}',

  // unknown-evidence
  'unknown-evidence.message': "Unknown evaluation '{id}': it is not in the evidence register ({file})",
  'unknown-evidence.suggest': "Unknown evaluation '{id}': it is not in the evidence register ({file}); did you mean {closest}?",
  'unknown-evidence.fix': 'Cite {id}',

  // uncited-evidence
  'uncited-evidence.message': 'The evaluation {id} is in the evidence register ({file}, line {line}) but never cited; cite it as [@{id}] or remove it from the register',
  'uncited-evidence.titled': "The evaluation {id} ('{title}') is in the evidence register ({file}, line {line}) but never cited; cite it as [@{id}] or remove it from the register",

  // register-mismatch
  'register-mismatch.message': 'Expected {expected} {label} as the evidence register lists {what}, found {written}',
  'register-mismatch.evaluations-one': '{count} evaluation in {file}',
  'register-mismatch.evaluations': '{count} evaluations in {file}',
  'register-mismatch.of-type': "{count} of type '{type}'",
  'register-mismatch.projects': '{count} projects across its evaluations',
  'register-mismatch.fix': 'Set {label} to {value}',

  // Quick fixes that turn a rule off
  'disable.line': 'Disable {rule} for this line',
  'disable.block': 'Disable {rule} for this block',
  'disable.table': 'Disable {rule} for this table',
  'disable.paragraph': 'Disable {rule} for this paragraph',

  // Hover
  'hover.goal-unknown': 'SDG {id} is not one of the 17 Sustainable Development Goals.',
  'hover.target-unknown': '{id} is not an SDG target.',
  'hover.target-suggest': '{id} is not an SDG target. Did you mean {closest}?',
  'hover.indicator-unknown': '{id} is not an SDG indicator.',
  'hover.count-unreadable': '**{label}**: the count could not be read.',
  'hover.part-of': '**{part} of {whole} {label}**{share}',
  'hover.of-top': '{part} of the {total} sources counted at the top of this block{share}',
  'hover.breakdown': 'Breakdown: {parts} = {sum}',
  'hover.breakdown-agrees': 'Breakdown: {parts} = {sum} ✓',
  'hover.breakdown-disagrees': 'Breakdown: {parts} = {sum} — not {count}',
  'hover.section': '**{heading}** — section of the template *{template}*',
  'hover.required': 'Required by the template.',
  'hover.optional': 'Optional in the template.',
  'hover.level': 'The template puts it at level {level} (`{marks}`).',
  'hover.targets': 'Holds the SDG target sections, as level-{level} headings such as `{example}`.',
  'hover.sources': 'Needs a `sources` block that counts the sources of data.',

  // Completion details
  'completion.field-required': 'required by the template',
  'completion.field-optional': 'optional',
  'completion.section-required': 'required',
  'completion.section-optional': 'optional',
  'completion.section-missing': 'missing',
  'completion.section-present': 'already in the document',
  'completion.target-section': 'target section',
  'completion.target-section-used': 'target section (already in the document)',
  'completion.label-template': 'label from the template',
  'completion.label-document': 'used in this document',
  'completion.label-workspace': 'used in the workspace',
  'completion.field.title': 'The title of the synthesis.',
  'completion.field.template': 'The template the document follows (its sections and required fields).',
  'completion.field.country': 'The country the synthesis covers.',
  'completion.field.scope': 'The theme, region or portfolio the synthesis covers, when it is not one country.',
  'completion.field.period': 'The years the evaluations cover, e.g. 2015–2023.',
  'completion.field.team': 'Who wrote the synthesis.',
  'completion.field.report': 'A link to the published report.',
  'completion.field.language': 'The language of the document: en, es or fr. SDG texts follow it.',
} as const;

export type MessageKey = keyof typeof en;
/** A translation: every key of the English messages. */
export type MessageCatalogue = { readonly [K in MessageKey]: string };
