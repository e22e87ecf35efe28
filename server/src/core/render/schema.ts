/**
 * What may appear in rendered HTML: GitHub's sanitizing rules (hast-util-sanitize's default
 * schema), extended by exactly the classes and data attributes the renderer itself adds, and
 * narrowed where GitHub is more permissive than a preview needs.
 *
 * Everything still goes through the sanitizer, the renderer's own nodes included, so a mistake in
 * a transform cannot open a hole: a class or attribute not listed here is removed.
 */
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

type Definition = NonNullable<Schema['attributes']>[string][number];

const PROBLEM_CLASSES = /^synthesis-problem(?:-(?:error|warning|info))?$/;
const GOAL_CLASS = /^sdg-goal-(?:[1-9]|1[0-7])$/;

function build(): Schema {
  const schema: Schema = structuredClone(defaultSchema);
  const attributes = (schema.attributes ??= {});

  /** Adds allowed values to a tag's `className` definition, keeping the values it had. */
  const allowClasses = (tag: string, ...values: Array<string | RegExp>): void => {
    const list = (attributes[tag] ??= []);
    const at = list.findIndex((d) => Array.isArray(d) && d[0] === 'className');
    if (at >= 0) {
      const existing = list[at] as [string, ...Array<string | RegExp>];
      list[at] = [...existing, ...values] as Definition;
    } else {
      list.push(['className', ...values] as Definition);
    }
  };
  const allow = (tag: string, ...definitions: Definition[]): void => {
    (attributes[tag] ??= []).push(...definitions);
  };

  // Source line for scroll sync, and problem marks, on any block.
  allow('*', ['dataLine', /^\d{1,9}$/]);
  allowClasses('*', PROBLEM_CLASSES);
  // Tags that have a className definition of their own need the problem classes there too: the
  // sanitizer consults a tag's own definition before the `*` one.
  for (const tag of ['h2', 'ol', 'ul', 'section']) allowClasses(tag, PROBLEM_CLASSES);

  // Title block.
  allowClasses('div', 'synthesis-title-block', 'sources-tiles', 'sources-tile', 'synthesis-notice', PROBLEM_CLASSES);
  allowClasses('h1', 'synthesis-title', PROBLEM_CLASSES);
  allowClasses('dl', 'synthesis-meta');
  // SDG badges and sources tiles.
  allowClasses('span', 'sdg-badge', 'sdg-unknown', GOAL_CLASS, 'sources-count', 'sources-label');
  allow('span', ['dataSdg', /^[0-9a-z./]{1,60}$/]);
  allowClasses('ul', 'sources-breakdown');
  // The screening flow diagram (findings/flow.ts).
  allowClasses('table', 'synthesis-flow');
  allowClasses('th', 'synthesis-flow-phase');
  allowClasses('td', 'synthesis-flow-box', 'synthesis-flow-side', 'synthesis-flow-arrow', 'synthesis-flow-derived');

  // Considerations (findings/html.ts) and the summary matrix annex of the exported page.
  allowClasses('p', 'synthesis-consideration', 'synthesis-matrix-note', PROBLEM_CLASSES);
  allowClasses('strong', 'synthesis-consideration-label');
  allowClasses('li', 'synthesis-consideration-item', PROBLEM_CLASSES);
  allowClasses('section', 'synthesis-annex', 'synthesis-coverage');
  allowClasses('table', 'synthesis-matrix', PROBLEM_CLASSES);

  // Links: the web and e-mail only (GitHub also allows irc, ircs and xmpp).
  // Images: https and inline `data:` images. A remote image is a request made by whoever views the
  // page; the webview's Content-Security-Policy decides whether the preview loads it.
  schema.protocols = { ...schema.protocols, href: ['http', 'https', 'mailto'], src: ['https', 'data'], cite: ['http', 'https'], longDesc: ['https'] };

  // Never: these are stripped with their content whatever else changes above.
  schema.strip = ['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'svg', 'math'];
  schema.allowComments = false;
  schema.allowDoctypes = false;
  return schema;
}

export const SANITIZE_SCHEMA: Readonly<Schema> = build();
