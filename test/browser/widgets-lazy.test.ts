/**
 * The quiz, poll and priority check keep what a carer needs only later (feedback, sending,
 * results, the report) in chunks loaded after the first screen. These tests hold a chunk back, as
 * a slow connection would, and check that a press made meanwhile shows the busy state, is done
 * once when the chunk arrives, and is never lost; and that a double-click never skips a step.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { closeDeviceStore } from '@carers-voice/core/outbox';
import '../../packages/elements/src/quiz/define.js';
import '../../packages/elements/src/poll/define.js';
import '../../packages/elements/src/priority-check/define.js';
import { sampleStatementSet } from '../../packages/elements/src/priority-check/sample-definition.js';
import type { CarerQuiz } from '../../packages/elements/src/quiz/carer-quiz.js';
import type { CarerPoll } from '../../packages/elements/src/poll/carer-poll.js';
import type { CarerPriorityCheck } from '../../packages/elements/src/priority-check/carer-priority-check.js';
import { choose as chooseQuiz, freshDatabase as quizDatabase, settle, smallQuiz } from '../../packages/elements/src/quiz/test-helpers.js';
import { choose as choosePoll, freshDatabase as pollDatabase, polls, shown, until } from '../../packages/elements/src/poll/test-helpers.js';

/** Holds back the element's lazy chunk (its `later` loader) until `open()` is called. */
function holdBack(el: Element, field = 'later'): { open: () => void; loads: () => number } {
  const later = (el as unknown as Record<string, { load: () => Promise<unknown> }>)[field]!;
  const real = later.load;
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let loads = 0;
  later.load = () => {
    loads++;
    return gate.then(real);
  };
  return { open, loads: () => loads };
}

/** Puts a widget on the page with these properties; `before` runs first (e.g. to hold back its chunk). */
async function mount<E extends HTMLElement>(tag: string, props: Partial<E>, before?: (el: E) => void): Promise<E> {
  const el = document.createElement(tag) as E;
  before?.(el);
  Object.assign(el, props);
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.append(el);
  await (el as E & { ready?: Promise<void> }).ready;
  return el;
}

/** A render without waiting on `updateComplete` (which waits for the held-back chunk). */
const tick = () => new Promise((r) => setTimeout(r, 20));

const button = (el: Element, action: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;

describe('lazy chunks: a press while one loads', () => {
  it('quiz: "Check answer" pressed before the feedback code arrives is busy, then shows the feedback once', async () => {
    let chunk!: ReturnType<typeof holdBack>;
    const el = await mount<CarerQuiz>('carer-quiz', { definition: smallQuiz, database: quizDatabase() }, (e) => (chunk = holdBack(e)));
    await chooseQuiz(el, 'any-age', 'yes');
    button(el, 'check').click();
    button(el, 'check').click(); // pressed again while waiting: ignored
    await tick();
    expect(button(el, 'check').getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.querySelector('[data-verdict]')).to.equal(null);
    chunk.open();
    await settle(el);
    expect(el.shadowRoot!.querySelector('[data-verdict="any-age"]')?.textContent).to.contain('Right');
    expect(el.shadowRoot!.textContent).to.contain('You have 1 out of 1 so far.');
    expect(el.shadowRoot!.querySelectorAll('[data-verdict]')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('quiz: a missing answer is still reported after the chunk arrives (the check comes with it)', async () => {
    let chunk!: ReturnType<typeof holdBack>;
    const el = await mount<CarerQuiz>('carer-quiz', { definition: smallQuiz, database: quizDatabase() }, (e) => (chunk = holdBack(e)));
    button(el, 'check').click();
    await tick();
    chunk.open();
    await settle(el);
    const summary = el.shadowRoot!.querySelector('carer-error-summary')!;
    expect(summary.shadowRoot!.textContent).to.contain('Select an answer');
  });

  it('quiz: a press while offline stays busy and goes ahead when the connection comes back', async () => {
    let offline = true;
    let tries = 0;
    const el = await mount<CarerQuiz>('carer-quiz', { definition: smallQuiz, database: quizDatabase() }, (e) => {
      const later = (e as unknown as { later: { load: () => Promise<unknown> } }).later;
      const real = later.load;
      later.load = () => {
        tries++;
        return offline ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : real();
      };
    });
    await chooseQuiz(el, 'any-age', 'no');
    button(el, 'check').click();
    await tick();
    expect(button(el, 'check').getAttribute('aria-busy')).to.equal('true');
    offline = false;
    window.dispatchEvent(new Event('online'));
    await settle(el);
    expect(tries).to.be.greaterThan(1);
    expect(el.shadowRoot!.querySelector('[data-verdict="any-age"]')?.textContent).to.contain('Wrong');
  });

  it('quiz: the second click of a double-click on "Check answer" does not skip the feedback', async () => {
    const el = await mount<CarerQuiz>('carer-quiz', { definition: smallQuiz, database: quizDatabase() });
    await chooseQuiz(el, 'any-age', 'yes');
    button(el, 'check').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, detail: 1 }));
    await settle(el);
    // The second click lands on "Next question", which has replaced "Check answer".
    button(el, 'next').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, detail: 2 }));
    await settle(el);
    expect(el.shadowRoot!.querySelector('[data-verdict="any-age"]')).to.not.equal(null);
    button(el, 'next').click();
    await settle(el);
    expect(el.shadowRoot!.querySelector('carer-question')?.getAttribute('data-qid')).to.equal('who');
  });

  it('poll: "Send my vote" pressed before the sending code arrives is busy, then the vote is saved once and results follow', async () => {
    let chunk!: ReturnType<typeof holdBack>;
    const database = pollDatabase();
    const el = await mount<CarerPoll>('carer-poll', { definition: polls.single, database }, (e) => (chunk = holdBack(e)));
    let submits = 0;
    el.addEventListener('carer-submit', () => submits++);
    await choosePoll(el, 'best-way', 'online');
    button(el, 'send').click();
    button(el, 'send').click();
    await tick();
    expect(button(el, 'send').getAttribute('aria-busy')).to.equal('true');
    expect(el.lastVote).to.equal(undefined);
    chunk.open();
    await until(() => Boolean(el.lastVote), 'the vote');
    await settle(el);
    expect(submits).to.equal(1);
    expect(el.lastVote!.answers).to.deep.equal({ 'best-way': 'online' });
    expect(shown(el)).to.contain('Thank you for voting').and.contain('Online');
    await closeDeviceStore(database);
  });

  it('poll: the second click of a double-click on Continue does not skip the next statement', async () => {
    const database = pollDatabase();
    const el = await mount<CarerPoll>('carer-poll', { definition: polls.statements, database });
    expect(shown(el)).to.contain('Statement 1 of 3');
    await choosePoll(el, 'info', 'agree');
    button(el, 'continue').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, detail: 1 }));
    await settle(el);
    expect(shown(el)).to.contain('Statement 2 of 3');
    // The second click of the double-click lands on the new statement's Continue.
    button(el, 'continue').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, detail: 2 }));
    await settle(el);
    expect(shown(el)).to.contain('Statement 2 of 3');
    expect(el.shadowRoot!.querySelector('carer-error-summary')!.shadowRoot!.textContent).not.to.contain('Select agree');
    await closeDeviceStore(database);
  });

  it('priority check: the summary and report arrive with their chunk; Print pressed meanwhile prints the report once', async () => {
    let chunk!: ReturnType<typeof holdBack>;
    const el = await mount<CarerPriorityCheck>('carer-priority-check', { definition: sampleStatementSet(), partner: `lazy-${Date.now()}` }, (e) => (chunk = holdBack(e)));
    await tick();
    expect(el.shadowRoot!.querySelector('carer-likert')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('#report')).to.equal(null);
    const realPrint = window.print;
    let printed = 0;
    let reportShown = false;
    window.print = () => {
      printed++;
      reportShown = el.shadowRoot!.querySelector<HTMLElement>('#report')?.hidden === false;
    };
    try {
      const print = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Print report'))!;
      print.click();
      print.click();
      await tick();
      expect(printed).to.equal(0);
      chunk.open();
      await settle(el);
      await until(() => printed > 0, 'the print dialog');
    } finally {
      window.print = realPrint;
    }
    expect(printed).to.equal(1);
    expect(reportShown).to.equal(true);
    expect(el.shadowRoot!.querySelector('table[data-summary="form"]')).to.not.equal(null);
    expect(chunk.loads()).to.equal(1);
  });
});
