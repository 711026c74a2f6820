import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define.js';
import type { CarerStatementHeatmap } from './carer-statement-heatmap.js';
import { heatmapSample } from '../fixtures.js';
import { HEAT_BANDS } from '../chart/palette.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function render(lang = 'en-GB', dir = 'ltr') {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang} dir=${dir}><carer-statement-heatmap .data=${heatmapSample}></carer-statement-heatmap></div>`,
  );
  const el = wrapper.querySelector('carer-statement-heatmap')!;
  await el.updateComplete;
  return el;
}
const cell = (el: CarerStatementHeatmap, row: number, column: number) =>
  el.shadowRoot!.querySelectorAll('tbody tr')[row]!.querySelectorAll('td')[column]!;

describe('<carer-statement-heatmap>', () => {
  it('is a table of organisations by statements, each cell saying its share in words and colour', async () => {
    const el = await render();
    const table = el.shadowRoot!.querySelector('table')!;
    expect(el.shadowRoot!.querySelector('canvas')).to.be.null;
    expect([...table.querySelectorAll('thead th')].map(text)).to.deep.equal([
      'Organisation',
      ...heatmapSample.statements.map((s) => s.text),
    ]);
    expect([...table.querySelectorAll('tbody th[scope=row]')].map(text)).to.deep.equal(heatmapSample.rows.map((r) => r.label));
    // Millbrook Carers Hub, "recognised": 40 of 50 on the scale = 80% met, the darkest band.
    const hub = cell(el, 0, 0);
    expect(text(hub.querySelector('.pct'))).to.equal('80% met');
    expect(hub.classList.contains('band-4')).to.be.true;
    expect(getComputedStyle(hub).backgroundColor).to.equal('rgb(8, 48, 107)');
    expect(text(hub.querySelector('.counts'))).to.equal('met: 40, partly met: 10, not yet: 0, does not apply: 0');
    // Council, "recognised": "does not apply" is left out of the share: 25 of 55 = 45%.
    expect(text(cell(el, 2, 0).querySelector('.pct'))).to.equal('45% met');
    expect(HEAT_BANDS).to.have.length(5);
  });

  it('never shows a hidden rating as 0', async () => {
    const el = await render();
    expect(text(cell(el, 1, 1))).to.equal('Too few ratings (fewer than 8)');
    const partly = cell(el, 1, 2);
    expect(text(partly.querySelector('.pct'))).to.equal('hidden');
    expect(text(partly.querySelector('.counts'))).to.equal('met: 15, partly met: hidden, not yet: hidden, does not apply: 0');
    expect(text(el.shadowRoot!.querySelector('.note'))).to.contain('fewer than 8 people gave that answer');
  });

  it('sums up the highest and lowest share in one sentence', async () => {
    const el = await render();
    expect(text(el.shadowRoot!.querySelector('.summary'))).to.equal(
      'The highest share rated “met” was Millbrook Carers Hub on “I am recognised as a carer” (80%); the lowest was Millbrook Council on “I can get a break when I need one” (18%).',
    );
  });

  it('shows the numbers in each cell with the keyboard, and is accessible in every state', async function () {
    this.timeout(30000);
    const el = await render();
    await expect(el).to.be.accessible();
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!;
    const counts = cell(el, 0, 0).querySelector('.counts')!;
    expect(counts.classList.contains('visually-hidden')).to.be.true;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(counts.classList.contains('visually-hidden')).to.be.false;
    await expect(el).to.be.accessible();
    const rtl = await render('ur', 'rtl');
    await expect(rtl).to.be.accessible();
  });
});
