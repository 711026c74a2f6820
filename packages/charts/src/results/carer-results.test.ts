import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { Chart } from 'chart.js';
import type { ResultsModel } from '@carers-voice/core/aggregate';
import '../define.js';
import type { CarerResults } from './carer-results.js';
import {
  annualResults,
  groupedResults,
  likertQuestion,
  multipleQuestion,
  selectQuestion,
  smallResults,
  suppressedResults,
} from '../fixtures.js';

const root = (el: CarerResults) => el.shadowRoot!;
const figure = (el: CarerResults, title: string) =>
  [...root(el).querySelectorAll<HTMLElement>('section.figure')].find((s) => s.querySelector('.heading')?.textContent?.trim() === title)!;
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** A table's body as [row header, ...cells] text. */
const bodyRows = (section: Element | ShadowRoot) =>
  [...section.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => text(c)));
const en = new Intl.NumberFormat('en-GB');
/** What a hidden count reads as, by its reason. */
const hiddenWords = (reason: string | undefined) => (reason === 'primary' ? 'fewer than 8' : reason === 'secondary' ? 'hidden to protect a small group' : 'hidden');

async function render(results: ResultsModel | typeof suppressedResults, attrs: { question?: string; level?: number } = {}) {
  const el = await fixture<CarerResults>(
    html`<carer-results .results=${results} question=${attrs.question ?? ''} heading-level=${attrs.level ?? 2}></carer-results>`,
  );
  await el.updateComplete;
  return el;
}

async function openAllTables(el: CarerResults) {
  for (const button of root(el).querySelectorAll<HTMLButtonElement>('button.toggle')) button.click();
  await el.updateComplete;
}

afterEach(async () => {
  await emulateMedia({ reducedMotion: 'no-preference', media: 'screen', forcedColors: 'none' } as never);
});

describe('<carer-results>', () => {
  it('draws the right chart for each kind of question, and a table for each', async () => {
    const el = await render(annualResults);
    const kinds = [...root(el).querySelectorAll<HTMLElement>('section.figure')].map((s) => s.dataset['kind']);
    expect(kinds).to.deep.equal(['diverging', 'bar', 'bar', 'column', 'mean', 'mean', 'table', 'table', 'bar', 'line']);
    for (const section of root(el).querySelectorAll('section.figure')) {
      expect(section.querySelector('table caption'), 'every figure has a captioned table').to.exist;
      const canvas = section.querySelector('canvas');
      if (!canvas) continue;
      const chart = Chart.getChart(canvas)!;
      expect(chart, 'a chart is drawn on the canvas').to.exist;
      expect(canvas.getAttribute('role')).to.equal('img');
      const summary = root(el).getElementById(canvas.getAttribute('aria-describedby')!);
      expect(summary?.classList.contains('summary'), 'the canvas points at the summary').to.be.true;
      expect(canvas.getAttribute('aria-label')).to.contain(text(section.querySelector('.heading')));
    }
    const diverging = Chart.getChart(figure(el, likertQuestion.label).querySelector('canvas')!)!;
    expect((diverging.config as { type: string }).type).to.equal('bar');
    // Negative answers are drawn left of zero, positive right, neutral split in half.
    const byLabel = Object.fromEntries(diverging.data.datasets.filter((_, i) => i !== 1).map((d) => [d.label, d.data[0]]));
    expect(byLabel['Very difficult']).to.equal(-5);
    expect(byLabel['Difficult']).to.equal(-9);
    expect(byLabel['Easy']).to.equal(39);
    expect(byLabel['Very easy']).to.equal(23);
    expect(diverging.data.datasets[0]!.data[0]).to.equal(-10.5);
    expect(diverging.data.datasets[1]!.data[0]).to.equal(10.5);
    expect(Object.keys(byLabel)).not.to.include('Does not apply to me');
    expect(text(figure(el, likertQuestion.label).querySelector('.aside'))).to.equal('Does not apply to me: 3%');

    const trend = Chart.getChart(figure(el, 'Indicators year on year').querySelector('canvas')!)!;
    expect((trend.config as { type: string }).type).to.equal('line');
    expect(trend.data.labels).to.deep.equal(['2023', '2024', '2025']);
    expect(trend.data.datasets[1]!.data).to.deep.equal([44, null, 48]);
  });

  it('is accessible by default', async function () {
    this.timeout(30000);
    const el = await render(annualResults);
    await expect(el).to.be.accessible();
  });

  it('is accessible with every table shown', async function () {
    this.timeout(30000);
    const el = await render(annualResults);
    await openAllTables(el);
    await expect(el).to.be.accessible();
  });

  it('is accessible in forced-colours mode, with groups and hidden numbers', async function () {
    this.timeout(30000);
    await emulateMedia({ forcedColors: 'active' } as never);
    const forced = await render(groupedResults);
    await openAllTables(forced);
    await expect(forced).to.be.accessible();
    const small = await render(smallResults);
    await openAllTables(small);
    await expect(small).to.be.accessible();
  });

  it('is accessible right to left, with bars growing from the right', async function () {
    this.timeout(30000);
    const wrapper = await fixture<HTMLElement>(html`<div dir="rtl" lang="ur"><carer-results .results=${annualResults}></carer-results></div>`);
    const rtl = wrapper.querySelector('carer-results')!;
    await rtl.updateComplete;
    const bar = Chart.getChart(figure(rtl, multipleQuestion.label).querySelector('canvas')!)!;
    expect((bar.options.scales!['x'] as { reverse?: boolean }).reverse, 'bars grow from the right').to.be.true;
    await openAllTables(rtl);
    await expect(rtl).to.be.accessible();
  });

  it('shows the same numbers in the table as the model', async () => {
    const el = await render(annualResults);
    for (const q of [likertQuestion, multipleQuestion, selectQuestion]) {
      const rows = bodyRows(figure(el, q.label));
      expect(rows).to.deep.equal(
        q.options!.map((o) => [o.label, o.count === null ? hiddenWords(o.hidden?.count) : en.format(o.count), o.percent === null ? 'hidden' : `${o.percent}%`]),
      );
      expect(text(figure(el, q.label).querySelector('tfoot td'))).to.equal(en.format(q.answered!));
    }
    expect(bodyRows(figure(el, 'Indicators year on year'))).to.deep.equal([
      ['2023', '980', '55%', '44%'],
      ['2024', '1,105', '58%', 'hidden'],
      ['2025', '1,240', '62%', '48%'],
    ]);
    expect(bodyRows(figure(el, 'Put these in order: what would help you most?'))[0]).to.deep.equal(['Regular breaks', '1.8', '1,100']);
  });

  it('never shows a hidden count as 0: a small one reads "fewer than 8", one hidden to protect it says so', async () => {
    const el = await render(annualResults);
    const hours = figure(el, selectQuestion.label);
    const hidden = bodyRows(hours).filter((r) => r[0] === 'Not sure' || r[0] === 'Prefer not to say');
    expect(hidden).to.deep.equal([
      ['Not sure', 'fewer than 8', 'hidden'],
      ['Prefer not to say', 'hidden to protect a small group', 'hidden'],
    ]);
    const note = text(hours.querySelector('.note'));
    expect(note).to.contain('“fewer than 8” means at least one person but fewer than 8 gave that answer');
    expect(note).to.contain('“Hidden to protect a small group” means the number itself may not be small');
    expect(note, 'no vague "hidden" explanation when every hidden count says why').not.to.contain('“Hidden” means');
    expect(text(hours.querySelector('.summary'))).to.contain(
      '“Not sure” was chosen by fewer than 8 people, so its number is hidden. The number for “Prefer not to say” is hidden to protect a small group.',
    );
    // Results without reasons (an older collector) still say "hidden", explained either way.
    const grouped = await render(groupedResults);
    await openAllTables(grouped);
    expect(text(root(grouped).querySelector('.note'))).to.contain('“Hidden” means fewer than 8 people gave that answer, or');
    const chart = Chart.getChart(hours.querySelector('canvas')!)!;
    expect(chart.data.datasets[0]!.data.slice(3), 'hidden bars are not drawn, not drawn as zero').to.deep.equal([null, null]);

    const small = await render(smallResults);
    expect(text(figure(small, 'Tell us more').querySelector('tbody td'))).to.equal('fewer than 8');
    expect(text(figure(small, 'Tell us more').querySelector('.summary'))).to.match(/^fewer than 8 people answered/);
    expect(text(root(small).host.shadowRoot!.querySelector('table'))).not.to.match(/\b0\b/);

    const stricter = await render({ ...smallResults, suppression: { threshold: 10, rounding: 5 } });
    expect(text(figure(stricter, 'Tell us more').querySelector('tbody td'))).to.equal('fewer than 11');
  });

  it('shows the reason for a whole suppressed result, accessibly', async () => {
    const el = await render(suppressedResults);
    expect(text(root(el).querySelector('.suppressed'))).to.equal('Too few responses to show.');
    expect(text(root(el))).to.contain('fewer than 8 responses so far');
    expect(root(el).querySelector('canvas, table')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('sums up each chart in one sentence from the numbers', async () => {
    const el = await render(annualResults);
    const summary = (title: string) => text(figure(el, title).querySelector('.summary'));
    expect(summary(likertQuestion.label)).to.equal('62% chose “Very easy” or “Easy”; 14% chose “Very difficult” or “Difficult”.');
    expect(summary(multipleQuestion.label)).to.equal('The answer chosen most often was “Information and advice”, by 52% of those who answered.');
    expect(summary(selectQuestion.label)).to.equal(
      'The most common answer was “Under 20 hours” (35%), then “50 hours or more” (33%). “Not sure” was chosen by fewer than 8 people, so its number is hidden. The number for “Prefer not to say” is hidden to protect a small group.',
    );
    expect(summary('On a scale of 0 to 10, how well are you looking after your own health?')).to.equal(
      'The average rating was 6.1 out of 10, from 1,240 answers.',
    );
    expect(summary('Put these in order: what would help you most?')).to.equal('“Regular breaks” was ranked highest on average (average place 1.8).');
    expect(summary('Share 100 points between these services')).to.equal('“Short breaks” was given the most points on average (34.5 points).');
    expect(summary('Indicators')).to.equal(
      'The highest indicator was “Found information easy to find” (62%) and the lowest “Satisfied with support” (48%).',
    );
    expect(summary('Indicators year on year')).to.equal('“Found information easy to find” went from 55% in 2023 to 62% in 2025.');

    const grouped = await render(groupedResults);
    expect(text(root(grouped).querySelectorAll('.intro')[1]!)).to.equal('Also shown by Age: Under 18 (hidden), 18 to 64 (250) and 65 or over (hidden).');
    const rows = Chart.getChart(root(grouped).querySelector('canvas')!)!;
    expect(rows.data.labels).to.deep.equal(['Everyone who answered', 'Under 18', '18 to 64', '65 or over']);
    // 18 to 64: 95 of 250 said "Easy" = 38%; the hidden groups draw nothing.
    expect(rows.data.datasets.find((d) => d.label === 'Easy')!.data).to.deep.equal([38, null, 38, null]);
  });

  it('says "at least" when part of a side of the scale is hidden', async () => {
    const q = { ...likertQuestion, options: likertQuestion.options!.map((o) => (o.value === 'very-difficult' ? { ...o, count: null, percent: null } : o)) };
    const el = await render({ ...annualResults, questions: [q] });
    expect(text(root(el).querySelector('.summary'))).to.equal('62% chose “Very easy” or “Easy”; at least 9% chose “Very difficult” or “Difficult”.');
  });

  it('opens and closes a table with Enter and Space', async () => {
    const el = await render(annualResults, { question: multipleQuestion.id });
    const button = root(el).querySelector<HTMLButtonElement>('button.toggle')!;
    const wrap = root(el).getElementById(button.getAttribute('aria-controls')!)!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(wrap.hidden).to.be.true;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(text(button)).to.equal(`Hide the table: ${multipleQuestion.label}`);
    expect(text(button.querySelector('.visually-hidden')), 'only the question is hidden from sight').to.equal(`: ${multipleQuestion.label}`);
    expect(wrap.hidden).to.be.false;
    expect(wrap.getBoundingClientRect().height).to.be.greaterThan(0);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(wrap.hidden).to.be.true;
    expect(root(el).activeElement).to.equal(button);
  });

  it('prints every table and no buttons', async () => {
    const el = await render(annualResults, { question: multipleQuestion.id });
    await emulateMedia({ media: 'print' });
    const wrap = root(el).querySelector<HTMLElement>('.table-wrap')!;
    expect(wrap.hidden).to.be.true;
    expect(getComputedStyle(wrap).display).to.equal('block');
    expect(getComputedStyle(root(el).querySelector('button')!).display).to.equal('none');
  });

  it('does not animate when the reader prefers reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await render(annualResults, { question: multipleQuestion.id });
    expect(Chart.getChart(root(el).querySelector('canvas')!)!.options.animation).to.equal(false);
    await emulateMedia({ reducedMotion: 'no-preference' });
    const moving = await render(annualResults, { question: multipleQuestion.id });
    expect(Chart.getChart(root(moving).querySelector('canvas')!)!.options.animation).not.to.equal(false);
  });

  it('shows one question when asked, under the heading level given', async () => {
    const el = await render(annualResults, { question: selectQuestion.id, level: 3 });
    expect(root(el).querySelectorAll('section.figure')).to.have.length(1);
    expect(root(el).querySelector('h3')?.textContent).to.equal('Annual carers survey 2025');
    expect(root(el).querySelector('h4')?.textContent).to.equal(selectQuestion.label);
    const trends = await render(annualResults, { question: 'trends' });
    expect([...root(trends).querySelectorAll<HTMLElement>('section.figure')].map((s) => s.dataset['kind'])).to.deep.equal(['line']);
  });

  it('formats numbers for the language of the page', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="de-DE"><carer-results .results=${annualResults} question="hours"></carer-results></div>`);
    const el = wrapper.querySelector('carer-results')!;
    await el.updateComplete;
    expect(bodyRows(root(el))[0]).to.deep.equal(['Under 20 hours', '430', '35 %']);
    expect(text(root(el).querySelector('.intro'))).to.contain('1.240');
  });

  it('registers only the chart.js parts it uses (tree-shaken, never chart.js/auto)', async () => {
    await render(annualResults);
    const registry = Chart.registry as unknown as { controllers: { items: object }; elements: { items: object }; scales: { items: object } };
    expect(Object.keys(registry.controllers.items).sort()).to.deep.equal(['bar', 'line']);
    expect(Object.keys(registry.scales.items).sort()).to.deep.equal(['category', 'linear']);
    expect(Object.keys(registry.elements.items).sort()).to.deep.equal(['bar', 'line', 'point']);
  });
});
