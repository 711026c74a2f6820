// The build's minifier for the text inside Lit's css`` and html`` templates: smaller, and never a
// change a carer could see.
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: a plain .mjs build script, no type declarations
import { minifyCss, minifyHtml, minifyTemplates } from '../scripts/minify-templates.mjs';

test('CSS loses comments and layout spaces, keeps quoted strings and the spaces that separate', () => {
  assert.equal(
    minifyCss(`\n  /* a note */\n  :host { display: block; }\n  .a  >  .b, .c :focus { content: '› '; margin: 0 auto; }\n`),
    ":host{display:block;}.a>.b,.c :focus{content:'› ';margin:0 auto;}",
  );
  assert.equal(minifyCss(`a { font: 1em/1.5 "Open  Sans", sans-serif }`), 'a{font:1em/1.5 "Open  Sans",sans-serif}');
});

test('the spaces beside a ${…} part stay', () => {
  const out = minifyTemplates('const s = css`\n  .a { border: ${width}  solid ${colour}; }\n`;');
  assert.equal(out, 'const s = css`.a{border:${width} solid ${colour};}`;');
});

test('HTML: line breaks and indents become one space, comments go, edges are never trimmed away', () => {
  assert.equal(minifyHtml('\n  <p>\n    Hello ${n}\n  </p>\n  <!-- note -->\n'), ' <p> Hello ${n} </p> ');
  assert.equal(minifyHtml('<span>a</span> <span>b</span>'), '<span>a</span> <span>b</span>', 'single spaces between inline elements stay');
});

test('templates whose white space shows, or whose strings span a ${…}, are left as written', () => {
  const textarea = 'const t = html`<textarea>\n  ${v}</textarea>`;';
  assert.equal(minifyTemplates(textarea), textarea);
  const pre = 'const t = html`<pre>\n  a\n</pre>`;';
  assert.equal(minifyTemplates(pre), pre);
  const split = "const s = css`.a::before { content: '${mark}  '; }`;";
  assert.equal(minifyTemplates(split), split);
});

test('only css, html and svg tags are touched; other template strings and code are not', () => {
  const code = 'const a = `\n  keep  me\n`; const b = other`\n  and  me\n`; const c = msg(`x  y`);';
  assert.equal(minifyTemplates(code), code);
});
