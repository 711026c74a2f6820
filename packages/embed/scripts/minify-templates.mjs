// A Rolldown plugin that minifies the text inside Lit's css`…` and html`…` templates, which the
// minifier leaves alone (it is string content to it): comments go, runs of spaces and line breaks
// become one space, and in CSS the spaces around { } ; , > and after : go. Nothing else changes.
//
// Safe by construction:
// - only tagged templates whose tag is the plain identifier `css`, `html` or `svg`;
// - the text of each part is changed, never the `${…}` parts between them, and a space next to one
//   stays a space (`border: ${width} solid` keeps both spaces);
// - html templates holding <pre> or <textarea> are left as written (their white space shows), and
//   so is a css template with a quoted string around a `${…}`; quoted CSS strings are kept;
// - a file whose parts cannot be found exactly where the parser says is left as written.
import { parseAst } from 'rolldown/parseAst';

const TAGS = new Set(['css', 'html', 'svg']);

/**
 * CSS text of one template part, smaller. `first`/`last`: whether the part starts/ends the
 * template (only there may a leading/trailing space go). Quoted strings are kept as written.
 */
export function minifyCss(text, first = true, last = true) {
  const pieces = text.split(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/);
  let out = pieces
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece
            .replace(/\/\*[\s\S]*?\*\//g, ' ')
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,>]) ?/g, '$1')
            .replace(/: /g, ':'),
    )
    .join('');
  if (first) out = out.replace(/^ /, '');
  if (last) out = out.replace(/ $/, '');
  return out;
}

/**
 * HTML text of one template part, smaller: comments go and runs of white space holding a line
 * break become one space (the browser shows either as one space). Never trimmed to nothing: a
 * space at the edge of a template can be what separates it from its neighbour.
 */
export function minifyHtml(text) {
  return text.replace(/<!--[\s\S]*?-->/g, '').replace(/[ \t]*\n\s*/g, ' ');
}

/** Quotes not closed within one CSS part (a string around a `${…}`): leave that template alone. */
const openQuote = (text) => text.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '').search(/["']/) !== -1;

function walk(node, visit) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
    return;
  }
  if (typeof node.type === 'string') visit(node);
  for (const key in node) if (key !== 'parent') walk(node[key], visit);
}

/** `code` with its css/html/svg template parts minified (or unchanged when unsure). */
export function minifyTemplates(code, lang = 'ts') {
  if (!/\b(css|html|svg)`/.test(code)) return code;
  const edits = [];
  walk(parseAst(code, { lang }), (node) => {
    if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier' || !TAGS.has(node.tag.name)) return;
    const quasis = node.quasi.quasis;
    const isCss = node.tag.name === 'css';
    if (!isCss && quasis.some((q) => /<(pre|textarea)\b/i.test(q.value.raw))) return;
    if (isCss && quasis.some((q) => openQuote(q.value.raw.replace(/\/\*[\s\S]*?\*\//g, '')))) return;
    quasis.forEach((q, i) => {
      const raw = q.value.raw;
      // The part's span includes its delimiters (` or } before, ${ or ` after).
      const start = q.start + 1;
      if (code.slice(start, start + raw.length) !== raw) throw new Error('template part not where expected');
      const first = i === 0;
      const last = i === quasis.length - 1;
      const small = isCss ? minifyCss(raw, first, last) : minifyHtml(raw);
      if (small !== raw) edits.push([start, start + raw.length, small]);
    });
  });
  let out = code;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

export const minifyTemplatesPlugin = {
  name: 'minify-lit-templates',
  transform(code, id) {
    if (!/[\\/]packages[\\/][^\\/]+[\\/]src[\\/].*\.ts$/.test(id) || id.includes('node_modules')) return null;
    try {
      const out = minifyTemplates(code);
      return out === code ? null : { code: out, map: null };
    } catch {
      return null;
    }
  },
};
