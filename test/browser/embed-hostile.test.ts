/**
 * A hostile partner page (test/embed/hostile.css: root font-size 62.5%, `* { all: unset }`,
 * `!important` grey Comic Sans everywhere, a sticky header) on a 320 px wide phone: each widget
 * loaded by the drop-in stays readable (text at least 16 px, our colours), fits the width, works
 * from the keyboard and passes axe.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '../../packages/embed/test/commands.js';
import { deepAll, openHost, readableText, until, type Host } from './embed-helpers.js';

type Axe = { run: (el: Element, opts?: object) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> };

const widgets = ['carer-survey', 'carer-quiz', 'carer-poll', 'carer-priority-check', 'carer-results'] as const;

/** Inside a box that scrolls sideways on its own (a wide data table may; the page must not). */
function inScroller(node: Element, widget: Element): boolean {
  for (let n: Element | null = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null); n && n !== widget; n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host ?? null)) {
    if (/auto|scroll/.test(getComputedStyle(n).overflowX)) return true;
  }
  return false;
}

async function ready(host: Host, tag: string): Promise<Element> {
  const el = host.doc.querySelector(tag)!;
  await until(() => host.win.customElements.get(tag), `<${tag}> to be defined`);
  if (tag === 'carer-results') {
    const { annualResults } = await import('../../packages/charts/src/fixtures.js');
    (el as HTMLElement & { results?: unknown }).results = host.win.structuredClone(annualResults);
  }
  await until(() => deepAll(el, tag === 'carer-results' ? 'table, canvas' : 'input, textarea').length > 0, `<${tag}> to render`);
  return el;
}

describe('drop-in on a hostile host page at 320 px', function () {
  this.timeout(60000);
  let host: Host;
  before(async () => {
    host = await openHost('/test/embed/hostile.html', { width: 320, height: 640 });
    for (const tag of widgets) await ready(host, tag);
  });
  after(() => host?.close());

  it('the host page really is hostile (62.5% root, grey !important text outside the widgets)', () => {
    const style = host.win.getComputedStyle(host.doc.querySelector('p')!);
    expect(style.color).to.equal('rgb(119, 119, 119)');
    expect(host.win.getComputedStyle(host.doc.documentElement).fontSize).to.equal('10px');
  });

  for (const tag of widgets) {
    it(`<${tag}>: text stays at least 16 px, in the widget's colours, within 320 px`, () => {
      const el = host.doc.querySelector(tag)!;
      const texts = readableText(el);
      expect(texts.length, 'visible text').to.be.greaterThan(2);
      const small = texts
        .map((t) => ({ t, style: host.win.getComputedStyle(t) }))
        .filter(({ style }) => parseFloat(style.fontSize) < 16 || style.color === 'rgb(119, 119, 119)' || style.fontFamily.includes('Comic'))
        .map(({ t, style }) => `${t.localName}.${t.className} "${t.textContent!.trim().slice(0, 30)}" ${style.fontSize} ${style.color} ${style.fontFamily.slice(0, 20)}`);
      expect(small, small.join('\n')).to.deep.equal([]);
      const box = el.getBoundingClientRect();
      expect(box.width).to.be.at.most(320);
      const wide = deepAll(el, '*').filter((n) => n.getBoundingClientRect().right > 321 && !inScroller(n, el)).map((n) => `${n.localName}.${n.className} ${Math.round(n.getBoundingClientRect().right)}`);
      expect(wide, 'no sideways scrolling').to.deep.equal([]);
    });
  }

  it('passes axe inside every widget', async () => {
    const win = host.win as unknown as { axe?: Axe };
    if (!win.axe) {
      const script = host.doc.createElement('script');
      script.src = '/node_modules/axe-core/axe.min.js';
      const loaded = new Promise((r) => script.addEventListener('load', r));
      host.doc.head.append(script);
      await loaded;
    }
    for (const tag of widgets) {
      const result = await win.axe!.run(host.doc.querySelector(tag)!);
      const summary = result.violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
      expect(summary, `${tag}\n${summary.join('\n')}`).to.deep.equal([]);
    }
  });

  it('the survey works from the keyboard: Space picks an answer, Tab moves on, Enter sends', async () => {
    const survey = host.doc.querySelector('carer-survey')!;
    const radios = deepAll(survey, 'input[type=radio]') as HTMLInputElement[];
    host.frame.focus();
    radios[0]!.focus();
    await sendKeys({ press: 'Space' });
    expect(radios[0]!.checked).to.equal(true);
    // A radio group is one tab stop (native radios): the next Tab reaches the text box.
    await sendKeys({ press: 'Tab' });
    const active = deepAll(survey, 'input[type=text], textarea').find((i) => i.matches(':focus'));
    expect(active, 'focus reached the text box').to.not.equal(undefined);
    await sendKeys({ type: 'Short breaks' });
    // On to "Send my answers" (the text box lives in a nested shadow root, so Enter in it does not
    // submit the widget's form; the button does).
    await sendKeys({ press: 'Tab' });
    const button = deepAll(survey, 'button').find((b) => b.matches(':focus'));
    expect(button?.textContent).to.match(/Send my answers/);
    await sendKeys({ press: 'Enter' });
    await until(() => host.win.__host.events.find((e) => e.type === 'carer-submit' && e.tag === 'carer-survey'), 'carer-submit');
  });
});
