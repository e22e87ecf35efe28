import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
const p = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify);
for (const n of [500, 1000, 2000, 5000]) {
  for (const [name, t] of [['bq', '>'.repeat(n) + ' x\n'], ['list', Array.from({length:n}, (_, i) => ' '.repeat(i*2) + '- x').join('\n')], ['emph', '*'.repeat(n)+'x'+'*'.repeat(n)], ['link', '['.repeat(n)+'x'+']'.repeat(n)]]) {
    const t0 = Date.now();
    try { const out = String(p.processSync(t)); console.log(name, n, Date.now()-t0, 'ms', out.length); } catch (e) { console.log(name, n, Date.now()-t0, 'ms ERR', String(e).slice(0,80)); }
  }
}
