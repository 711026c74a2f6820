/**
 * A partner page with a strict Content-Security-Policy and Trusted Types
 * (`default-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html`,
 * test/embed/strict.html): every widget loads through the drop-in and is used, and the page sees no
 * `securitypolicyviolation` event.
 */
import { expect } from '@open-wc/testing';
import { deep, deepAll, openHost, until, type Host } from './embed-helpers.js';

describe('drop-in under a strict CSP with Trusted Types', function () {
  this.timeout(30000);
  let host: Host;
  afterEach(() => host?.close());

  it('loads and runs every widget with no policy violation', async () => {
    host = await openHost('/test/embed/strict.html');
    const { doc, win } = host;
    // The policy is really in force: a script body from a plain string is refused (Trusted Types)
    // and the page records the refusal; so the empty list at the end means something.
    const probe = doc.createElement('script');
    expect(() => { probe.textContent = 'window.__inlineRan = true'; }).to.throw(/TrustedScript/);
    await until(() => win.__host.violations.length > 0, 'the refusal to be reported');
    win.__host.violations.length = 0;

    for (const tag of ['carer-voice', 'carer-survey', 'carer-quiz', 'carer-priority-check', 'carer-results']) {
      await until(() => win.customElements.get(tag), `<${tag}> to be defined`);
    }
    const survey = doc.querySelector('carer-survey')!;
    const radio = await until(() => (deepAll(survey, 'input[type=radio]') as HTMLInputElement[]).find((r) => r.value === 'yes'), 'the survey question');
    radio.click();
    const text = deep(survey, 'input[type=text], input:not([type])') as HTMLInputElement;
    text.value = 'Breaks';
    text.dispatchEvent(new win.Event('input', { bubbles: true, composed: true }));
    (deep(survey, 'form button[type=submit], form button:not([type])') as HTMLButtonElement).click();
    await until(() => win.__host.events.find((e) => e.type === 'carer-submit'), 'carer-submit');

    // Quiz: answer the first question and check it (the explanation renders).
    const quiz = doc.querySelector('carer-quiz')!;
    const quizRadio = await until(() => deep(quiz, 'input[type=radio]') as HTMLInputElement | undefined, 'the quiz question');
    quizRadio.click();
    const buttonsBefore = deepAll(quiz, 'button').length;
    (deepAll(quiz, 'button').find((b) => /Check answer/.test(b.textContent ?? '')) as HTMLButtonElement).click();
    await until(() => deepAll(quiz, 'button').length !== buttonsBefore || deepAll(quiz, 'button').every((b) => !/Check answer/.test(b.textContent ?? '')), 'the quiz to show its answer');
    // Priority check: type a note (drafts are saved as the carer types).
    const check = doc.querySelector('carer-priority-check')!;
    const note = await until(() => deep(check, 'textarea') as HTMLTextAreaElement | undefined, 'the priority check to render');
    note.value = 'We ask every new patient whether they look after someone.';
    note.dispatchEvent(new win.Event('input', { bubbles: true, composed: true }));
    // Poll: vote.
    const poll = doc.querySelector('carer-poll')!;
    const option = await until(() => deep(poll, 'input[type=radio], input[type=checkbox]') as HTMLInputElement | undefined, 'the poll question');
    option.click();
    (deepAll(poll, 'button').find((b) => (b as HTMLButtonElement).type === 'submit') as HTMLButtonElement).click();
    await until(() => win.__host.events.find((e) => e.type === 'carer-submit' && e.tag === 'carer-poll'), 'the poll vote');
    const results = doc.querySelector('carer-results') as HTMLElement & { results?: unknown };
    const { annualResults } = await import('../../packages/charts/src/fixtures.js');
    results.results = win.structuredClone(annualResults);
    await until(() => deep(results, 'canvas, table'), 'the results to draw');
    await new Promise((r) => setTimeout(r, 300));

    expect(win.__host.violations, JSON.stringify(win.__host.violations)).to.deep.equal([]);
  });

  it('defines every widget the loader lists, the poll included', async () => {
    host = await openHost('/test/embed/strict.html');
    const { win } = host;
    await until(() => win.customElements.get('carer-poll'), '<carer-poll> to be defined');
    expect(win.__host.warnings.filter((w) => w.includes('carers-voice'))).to.deep.equal([]);
  });
});
