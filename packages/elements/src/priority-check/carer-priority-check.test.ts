import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { CarerPriorityCheck } from './carer-priority-check.js';
import { sampleStatementSet } from './sample-definition.js';
import { rowsFromCsv, csvCell, parseCsv } from './report.js';

const sr = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, s: string) => sr(el).querySelector<T>(s)!;
const $$ = <T extends Element = HTMLElement>(el: Element, s: string) => [...sr(el).querySelectorAll<T>(s)];

// Drafts are keyed by partner: a fresh partner per test keeps tests apart without deleting the database.
let partnerSeq = 0;
const run = Date.now().toString(36);
const freshPartner = () => `test-${run}-${++partnerSeq}`;

async function make(mode: string, extra: Partial<CarerPriorityCheck> = {}, partner = freshPartner()): Promise<CarerPriorityCheck> {
  const el = await fixture<CarerPriorityCheck>(
    html`<carer-priority-check mode=${mode} partner=${partner} .definition=${sampleStatementSet()}></carer-priority-check>`,
  );
  Object.assign(el, extra);
  await el.updateComplete;
  return el;
}

/** Chooses a rating in the statement's likert as a user would (click on its label). */
async function rate(el: CarerPriorityCheck, statement: string, value: string): Promise<void> {
  const likert = $(el, `carer-likert[data-statement="${statement}"]`);
  const input = [...likert.shadowRoot!.querySelectorAll<HTMLInputElement>('input')].find((i) => i.value === value)!;
  input.click();
  await el.updateComplete;
}

describe('<carer-priority-check> self-assessment', function () {
  // axe over a 20-statement form takes seconds on a shared, loaded test machine.
  this.timeout(40000);

  it('renders every organisation statement with rating, evidence, owner and review date', async () => {
    const el = await make('self-assessment');
    expect($(el, 'h2').textContent).to.contain('Sample carers’ priorities');
    expect($$(el, 'carer-likert')).to.have.length(10);
    const first = $(el, 'carer-likert');
    expect(first.shadowRoot!.querySelector('legend')!.textContent).to.contain('1. Our staff have carer awareness training.');
    expect(first.shadowRoot!.querySelectorAll('input[type=radio]')).to.have.length(4);
    expect($(el, 'label[for="awareness-training-evidence"]').textContent).to.contain('Evidence for statement 1');
    expect($(el, '#awareness-training-review').getAttribute('type')).to.equal('date');
    await expect(el).to.be.accessible();
  });

  it('shows an error summary for unrated statements and focuses it (axe in the error state)', async () => {
    const el = await make('self-assessment');
    await rate(el, 'awareness-training', 'met');
    ($(el, 'button[type=submit]') as HTMLButtonElement).click();
    await el.updateComplete;
    const summary = $(el, 'carer-error-summary') as HTMLElement & { errors: unknown[] };
    expect(summary.errors).to.have.length(9);
    await new Promise((r) => setTimeout(r, 50));
    expect(document.activeElement).to.equal(el);
    expect(sr(el).activeElement).to.equal(summary);
    await expect(el).to.be.accessible();
  });

  it('report totals equal the ratings given', async () => {
    const el = await make('self-assessment');
    const ratings: Record<string, string> = {
      'awareness-training': 'met',
      'carers-champion': 'met',
      'hospital-discharge': 'partly-met',
      'gp-register': 'not-yet',
      digital: 'not-applicable',
      partnership: 'met',
    };
    for (const [id, v] of Object.entries(ratings)) await rate(el, id, v);
    const cell = (table: string, group: string, value: string) =>
      Number($(el, `table[data-summary="${table}"] tr[data-group="${group}"] td[data-value="${value}"]`).textContent);
    for (const table of ['form', 'report']) {
      expect(cell(table, 'all', 'met')).to.equal(3);
      expect(cell(table, 'all', 'partly-met')).to.equal(1);
      expect(cell(table, 'all', 'not-yet')).to.equal(1);
      expect(cell(table, 'all', 'not-applicable')).to.equal(1);
      expect(cell(table, 'all', 'unrated')).to.equal(4);
      expect(cell(table, 'organisation', 'total')).to.equal(10);
    }
    const report = $(el, '#report');
    expect(report.hidden).to.equal(true);
    ($$(el, 'button').find((b) => b.textContent!.includes('Show progress report')) as HTMLButtonElement).click();
    await el.updateComplete;
    expect(report.hidden).to.equal(false);
    expect(report.textContent).to.contain('Annual progress report');
    await expect(el).to.be.accessible();
  });

  it('keeps a draft in IndexedDB and restores it', async () => {
    const partner = freshPartner();
    const el = await make('self-assessment', {}, partner);
    await rate(el, 'carers-champion', 'partly-met');
    const owner = $(el, '#carers-champion-owner') as HTMLInputElement;
    owner.value = 'Sam Lee';
    owner.dispatchEvent(new Event('input'));
    await el.flushDraft();
    el.remove();
    const again = await make('self-assessment', {}, partner);
    await new Promise((r) => setTimeout(r, 200));
    await again.updateComplete;
    expect(($(again, '#carers-champion-owner') as HTMLInputElement).value).to.equal('Sam Lee');
    const likert = $(again, 'carer-likert[data-statement="carers-champion"]');
    expect((likert as HTMLElement & { value?: string }).value).to.equal('partly-met');
  });

  it('sends only the ratings as a response envelope through the outbox', async () => {
    const el = await make('self-assessment', { endpoint: `${location.origin}/__scripted__/priority-self` }, 'hub');
    await fetch('/__scripted__/priority-self', { method: 'PUT', body: '{}' });
    for (const l of $$(el, 'carer-likert')) await rate(el, l.dataset.statement!, 'met');
    const ev = $(el, '#awareness-training-evidence') as HTMLTextAreaElement;
    ev.value = 'All staff trained in 2025';
    ev.dispatchEvent(new Event('input'));
    setTimeout(() => ($(el, 'button[type=submit]') as HTMLButtonElement).click());
    const sentEvent = new Promise<CustomEvent<{ id: string }>>((resolve) => el.addEventListener('carer-sent', (e) => resolve(e), { once: true }));
    const submitted = await oneEvent(el, 'carer-submit');
    const envelope = submitted.detail.envelope as { id: string; instrument: { id: string }; answers: Record<string, string>; partner: string };
    expect(envelope.instrument.id).to.equal('sample-priorities');
    expect(envelope.partner).to.equal('hub');
    expect(Object.keys(envelope.answers)).to.have.length(10);
    expect(JSON.stringify(envelope)).not.to.contain('All staff trained');
    await new Promise((r) => setTimeout(r, 300));
    await el.updateComplete;
    expect(sr(el).textContent).to.contain('Ratings sent');
    expect((await sentEvent).detail.id).to.equal(envelope.id);
    // Sending the same ratings again does not make a second response.
    let again = 0;
    el.addEventListener('carer-submit', () => again++);
    ($(el, 'button[type=submit]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 300));
    expect(again).to.equal(0);
    const arrived = (await (await fetch('/__scripted__/priority-self')).json()) as { ids: string[] };
    expect(arrived.ids).to.deep.equal([envelope.id]);
  });

  it('says plainly when the page has no collector address', async () => {
    const el = await make('self-assessment');
    for (const l of $$(el, 'carer-likert')) await rate(el, l.dataset.statement!, 'not-yet');
    setTimeout(() => ($(el, 'button[type=submit]') as HTMLButtonElement).click());
    const error = await oneEvent(el, 'carer-error');
    expect(error.detail.kind).to.equal('config');
    await el.updateComplete;
    expect($(el, '.problem[role=alert]').textContent).to.contain('no collector address');
  });
});

describe('<carer-priority-check> keyboard', function () {
  // axe over a 20-statement form takes seconds on a shared, loaded test machine.
  this.timeout(40000);

  it('self-assessment can be completed with the keyboard only', async () => {
    const el = await make('self-assessment');
    ($(el, '#organisation') as HTMLInputElement).focus();
    await sendKeys({ type: 'Carers Trust North' });
    await sendKeys({ press: 'Tab' }); // first statement's first radio
    const radio = () => sr($(el, 'carer-likert')).activeElement as HTMLInputElement | null;
    expect(radio()?.value).to.equal('met');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' }); // partly met
    expect(radio()?.value).to.equal('partly-met');
    await sendKeys({ press: 'Tab' }); // evidence
    await sendKeys({ type: 'Training log' });
    await sendKeys({ press: 'Tab' }); // owner
    await sendKeys({ type: 'Ana' });
    await el.updateComplete;
    const data = el.exportData();
    expect(data.organisation).to.equal('Carers Trust North');
    expect(data.rows[0]).to.include({ statement: 'awareness-training', rating: 'partly-met', evidence: 'Training log', owner: 'Ana' });
  });

  it('carer view can be answered and sent with the keyboard only', async () => {
    await fetch('/__scripted__/priority-carer', { method: 'PUT', body: '{}' });
    const el = await make('carer', { endpoint: `${location.origin}/__scripted__/priority-carer` }, 'hub');
    expect($$(el, 'carer-likert')).to.have.length(10);
    await expect(el).to.be.accessible();
    ($(el, 'carer-likert') as HTMLElement).focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' }); // partly true
    const submitted = oneEvent(el, 'carer-submit');
    // Tab out of this radio group, through the other nine, to the send button.
    for (let i = 0; i < 10; i++) await sendKeys({ press: 'Tab' });
    expect(sr(el).activeElement?.textContent).to.contain('Send my answers');
    await sendKeys({ press: 'Enter' });
    const envelope = (await submitted).detail.envelope as { answers: Record<string, string> };
    expect(envelope.answers).to.deep.equal({ 'identified-early': 'partly-true' });
    await new Promise((r) => setTimeout(r, 200));
    await el.updateComplete;
    expect(sr(el).textContent).to.contain('Thank you');
    await expect(el).to.be.accessible();
  });

  it('carer view asks for at least one answer', async () => {
    const el = await make('carer');
    ($(el, 'button[type=submit]') as HTMLButtonElement).click();
    await el.updateComplete;
    const summary = $(el, 'carer-error-summary') as HTMLElement & { errors: { message: string }[] };
    expect(summary.errors[0]!.message).to.contain('at least one');
    await expect(el).to.be.accessible();
  });
});

describe('<carer-priority-check> built-in statement sets', function () {
  // axe over a 20-statement form takes seconds on a shared, loaded test machine.
  this.timeout(40000);
  for (const [id, mode, count] of [
    ['hw-commitment-to-carers', 'self-assessment', 5],
    ['hw-commitment-to-carers', 'carer', 5],
    ['stockport-think-carer-priorities', 'self-assessment', 16],
    ['warrington-carers-aims', 'carer', 13],
  ] as const) {
    it(`${id} loads in ${mode} mode`, async () => {
      const el = await fixture<CarerPriorityCheck>(html`<carer-priority-check mode=${mode} instrument=${id}></carer-priority-check>`);
      for (let i = 0; i < 50 && !sr(el).querySelector('carer-likert'); i++) await new Promise((r) => setTimeout(r, 20));
      await el.updateComplete;
      expect($$(el, 'carer-likert')).to.have.length(count);
      await expect(el).to.be.accessible();
    });
  }

  it('warrington (carer statements only) says so in self-assessment mode', async () => {
    const el = await fixture<CarerPriorityCheck>(html`<carer-priority-check instrument="warrington-carers-aims"></carer-priority-check>`);
    for (let i = 0; i < 50 && !sr(el).querySelector('.problem'); i++) await new Promise((r) => setTimeout(r, 20));
    expect($(el, '.problem').textContent).to.contain('no statements for organisations');
  });

  it('a broken definition is explained for the web editor', async () => {
    const el = await fixture<CarerPriorityCheck>(
      html`<carer-priority-check .definition=${{ kind: 'statement-set', id: 'x', version: 1, title: 'X', scale: [], groups: [] }}></carer-priority-check>`,
    );
    expect(sr(el).textContent).to.contain("Details for the website's editor");
    await expect(el).to.be.accessible();
  });
});

describe('CSV cells', function () {
  // axe over a 20-statement form takes seconds on a shared, loaded test machine.
  this.timeout(40000);
  it('are formula-safe and parse back', () => {
    expect(csvCell('=SUM(A1)')).to.equal(`"'=SUM(A1)"`);
    expect(csvCell('say "hi"')).to.equal('"say ""hi"""');
    expect(parseCsv('"a","\'=1"\r\n"b ""q""","x,y"\r\n')).to.deep.equal([
      ['a', '=1'],
      ['b "q"', 'x,y'],
    ]);
    expect(rowsFromCsv('"statement","rating"\r\n"x","met"\r\n')).to.deep.equal([{ statement: 'x', rating: 'met' }]);
  });
});
