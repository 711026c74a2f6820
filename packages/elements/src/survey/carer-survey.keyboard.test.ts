/**
 * The annual carers survey from @carers-voice/content, by keyboard alone (Tab, Space, arrows,
 * typing, Enter), with axe on every page — in English and in Urdu (right to left).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { localeReady } from '../i18n/index.js';
import type { CarerSurvey } from './carer-survey.js';
import { deepActive, freshDatabase, heading, seen, settle, waitFor } from '../../../../test/browser/survey-helpers.js';

type Screen = 'question' | 'check' | 'done';
const screen = (el: CarerSurvey): Screen =>
  el.shadowRoot!.querySelector('[data-status]') ? 'done' : el.shadowRoot!.querySelector('.summary-list') ? 'check' : 'question';

async function tab(shift = false) {
  await sendKeys({ press: shift ? 'Shift+Tab' : 'Tab' });
  return deepActive();
}

/**
 * Answers one question page by keyboard: Tab through it, Space on the first option of each choice
 * question met, type into each text box, and Enter on Continue. Returns the page heading it left.
 */
async function answerPageByKeyboard(el: CarerSurvey): Promise<string> {
  const title = heading(el);
  const done = new Set<string>();
  for (let i = 0; i < 120; i++) {
    const a = await tab();
    if (!a) continue;
    if (a instanceof HTMLInputElement && (a.type === 'radio' || a.type === 'checkbox')) {
      if (!done.has(a.name)) {
        done.add(a.name);
        await sendKeys({ press: 'Space' });
        await settle(el);
      }
    } else if ((a instanceof HTMLInputElement && a.type !== 'hidden') || a instanceof HTMLTextAreaElement) {
      if (!done.has(a.id)) {
        done.add(a.id);
        await sendKeys({ type: a.inputMode === 'numeric' || a.type === 'number' ? '5' : 'Sam' });
        await settle(el);
      }
    } else if (a instanceof HTMLButtonElement && a.type === 'submit') {
      await sendKeys({ press: 'Enter' });
      await waitFor(() => heading(el) !== title || el.shadowRoot!.querySelector('carer-error-summary')?.shadowRoot?.querySelector('a') != null, 3000, `leaving "${title}"`);
      await settle(el);
      const summary = el.shadowRoot!.querySelector('carer-error-summary');
      if (summary?.shadowRoot?.querySelector('a')) throw new Error(`"${title}" did not pass: ${seen(summary)}`);
      return title;
    }
  }
  throw new Error(`never reached Continue on "${title}"`);
}

async function mount(lang?: string): Promise<CarerSurvey> {
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <button id="before">Before the survey</button>
    <carer-survey instrument="annual-carers-survey" lang=${lang ?? 'en-GB'}></carer-survey>
  </div>`);
  const el = wrapper.querySelector('carer-survey')!;
  el.database = freshDatabase();
  await el.ready;
  await localeReady();
  await settle(el);
  wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
  return el;
}

describe('<carer-survey> by keyboard: the annual carers survey', function () {
  this.timeout(240_000);

  it('English: every page by keyboard, branching, check answers with a Change, send; axe on every page', async () => {
    const el = await mount();
    const visited: string[] = [];
    while (screen(el) === 'question') {
      await expect(el).to.be.accessible();
      visited.push(await answerPageByKeyboard(el));
      expect(visited.length).to.be.lessThan(40);
    }
    // The first option of "How old are you?" is "Under 18": the young carers' wording is used, and
    // the employed branch (first option of work-study) showed the employer questions.
    expect(visited[0]).to.equal('You and your caring');
    expect(visited).to.include('Work and learning');
    expect(visited).to.include('Staying in touch');
    expect(screen(el)).to.equal('check');
    const check = seen(el.shadowRoot!);
    expect(check).to.contain('Under 18');
    expect(check).to.contain('young carers');
    expect(check).to.match(/employer/i);
    await expect(el).to.be.accessible();

    // Change "How many hours…" (the 4th question) by keyboard, then come back to check answers.
    const rows = [...el.shadowRoot!.querySelectorAll('.summary-list__row')];
    const hoursRow = rows.find((r) => r.querySelector('a')?.getAttribute('href') === '#caring-hours')!;
    const before = seen(hoursRow.querySelector('.summary-list__value'));
    let a: Element | null = null;
    for (let i = 0; i < 200 && a !== hoursRow.querySelector('a'); i++) a = await tab();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => screen(el) === 'question', 3000, 'the question page');
    await settle(el);
    expect(heading(el)).to.equal('You and your caring');
    const focused = deepActive() as HTMLInputElement;
    expect(focused.name).to.equal('caring-hours');
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    for (let i = 0; i < 60; i++) {
      const b = await tab();
      if (b instanceof HTMLButtonElement && b.type === 'submit') break;
    }
    await sendKeys({ press: 'Enter' });
    await waitFor(() => screen(el) === 'check', 3000, 'back to check answers');
    await settle(el);
    const after = seen(el.shadowRoot!.querySelector('a[href="#caring-hours"]')!.closest('.summary-list__row')!.querySelector('.summary-list__value'));
    expect(after).to.not.equal(before);

    // Send, by keyboard.
    for (let i = 0; i < 200; i++) {
      const b = await tab();
      if (b instanceof HTMLButtonElement && b.type === 'submit') break;
    }
    await sendKeys({ press: 'Enter' });
    await waitFor(() => screen(el) === 'done', 5000, 'the confirmation');
    await settle(el);
    expect(seen(el.shadowRoot!)).to.match(/[0-9A-Z]{4}-[0-9A-Z]{4}/);
    expect(seen(el.shadowRoot!)).to.contain('Saved on this device only');
    await expect(el).to.be.accessible();
  });

  it('Urdu (right to left): every page passes axe and reads right to left', async () => {
    const el = await mount('ur');
    expect(getComputedStyle(el).direction).to.equal('rtl');
    let pages = 0;
    while (screen(el) === 'question') {
      await expect(el).to.be.accessible();
      await answerPageByKeyboard(el);
      pages++;
      expect(pages).to.be.lessThan(40);
    }
    await expect(el).to.be.accessible();
    for (let i = 0; i < 200; i++) {
      const b = await tab();
      if (b instanceof HTMLButtonElement && b.type === 'submit') break;
    }
    await sendKeys({ press: 'Enter' });
    await waitFor(() => screen(el) === 'done', 5000, 'the confirmation');
    await settle(el);
    await expect(el).to.be.accessible();
  });
});
