/**
 * Helpers for the <carer-quiz> browser tests: the content packs, a way to render the quiz, and
 * ways to reach into its (nested) shadow roots the way a user sees it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Quiz } from '@carers-voice/core/content';
import type { CarerQuiz } from './carer-quiz.js';
import './define.js';
import { localeReady } from '../i18n/index.js';
import { deepActive, deepAll, seen, settle, tabUntil } from '../widget/test-helpers.js';
import publicQuiz from '@carers-voice/content/instruments/carer-awareness-quiz.json';
import staffQuiz from '@carers-voice/content/instruments/carer-awareness-professionals.json';
import amIACarer from '@carers-voice/content/instruments/am-i-a-carer.json';

export { deepActive, deepAll, seen, settle };

export const packs = {
  public: publicQuiz as unknown as Quiz,
  staff: staffQuiz as unknown as Quiz,
  identify: amIACarer as unknown as Quiz,
};

/** A small score quiz: a single question, a multiple with partial credit, one with per-option explanations. */
export const smallQuiz = {
  kind: 'quiz',
  id: 'test-quiz',
  version: 1,
  title: 'Test quiz',
  intro: 'Three questions for tests.',
  easyRead: { title: 'Easy test quiz' },
  privacy: { anonymous: true },
  mode: 'score',
  signposting: [{ id: 'hub', kind: 'hub', title: 'Carers hub', url: 'https://example.org/hub', phone: '0161 000 0000' }],
  bands: [
    { min: 0, max: 1, title: 'A good start', message: 'Look back at the answers.' },
    { min: 2, max: 3, title: 'Carer aware', message: 'You know a lot.' },
  ],
  questions: [
    {
      id: 'any-age',
      type: 'single',
      label: 'Can a child be a carer?',
      easyRead: 'Can children be carers?',
      options: [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No', explanation: 'Many children look after someone at home.' },
      ],
      answer: { correct: ['yes'], explanation: 'Anyone of any age can be a carer.', source: { name: 'Children and Families Act 2014', url: 'https://www.legislation.gov.uk/ukpga/2014/6/section/96' } },
    },
    {
      id: 'who',
      type: 'multiple',
      label: 'Which of these people are carers?',
      options: [
        { value: 'daughter', label: 'A daughter helping her mum' },
        { value: 'friend', label: 'A friend doing the shopping for a neighbour who is ill' },
        { value: 'nurse', label: 'A paid nurse' },
      ],
      answer: { correct: ['daughter', 'friend'], partialCredit: true, explanation: 'Carers are not paid.', source: { name: 'Care Act 2014' } },
    },
    {
      id: 'census',
      type: 'single',
      label: 'How many carers did the 2021 Census count in England?',
      options: [
        { value: 'few', label: 'About half a million' },
        { value: 'many', label: 'About 4.7 million' },
      ],
      answer: { correct: ['many'], explanation: 'The Census counted about 4.7 million.', source: { name: 'ONS Census 2021' } },
    },
  ],
};

let counter = 0;
export function freshDatabase(): string {
  counter += 1;
  return `cv-quiz-test-${Date.now()}-${counter}`;
}

export async function renderQuiz(props: Partial<CarerQuiz> & Record<string, unknown> = {}, attrs: Record<string, string> = {}): Promise<CarerQuiz> {
  const el = document.createElement('carer-quiz');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  Object.assign(el, props);
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.append(el);
  await el.ready;
  // A `lang` attribute switches the page's strings; wait for them to load.
  await localeReady();
  await settle(el);
  return el;
}

export function heading(el: Element): string {
  return seen(el.shadowRoot!.querySelector('[data-heading]'));
}

/** The polite live region's words. */
export function announced(el: Element): string {
  const region = el.shadowRoot!.querySelector('[data-announcer]');
  expect(region?.getAttribute('aria-live')).to.equal('polite');
  return seen(region);
}

export function option(el: Element, qid: string, value: string): HTMLInputElement {
  const question = el.shadowRoot!.querySelector(`[data-qid="${qid}"]`);
  if (!question) throw new Error(`question ${qid} is not showing`);
  const input = deepAll(question, 'input').find((i) => (i as HTMLInputElement).value === value && (i as HTMLInputElement).name === qid);
  if (!input) throw new Error(`option ${value} of ${qid} not found`);
  return input as HTMLInputElement;
}

export async function choose(el: Element, qid: string, ...values: string[]): Promise<void> {
  for (const v of values) {
    option(el, qid, v).click();
    await settle(el);
  }
}

export function button(el: Element, name: RegExp): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find((b) => name.test(seen(b)));
  if (!found) throw new Error(`no button ${name} in: ${seen(el.shadowRoot!)}`);
  return found;
}

export async function press(el: Element, name: RegExp): Promise<void> {
  button(el, name).click();
  await settle(el);
  // Let focus moves that wait for nested elements finish.
  await new Promise((r) => setTimeout(r, 0));
  await settle(el);
}

/** Presses the button with this `data-action` (the same in every language), e.g. `continue`. */
export async function act(el: Element, action: string): Promise<void> {
  const b = el.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
  if (!b) throw new Error(`no ${action} button in: ${seen(el.shadowRoot!)}`);
  b.click();
  await settle(el);
  await new Promise((r) => setTimeout(r, 0));
  await settle(el);
}

/** The id of the question showing now (one at a time). */
export function currentQuestion(el: Element): string | undefined {
  return el.shadowRoot!.querySelector('carer-question')?.getAttribute('data-qid') ?? undefined;
}

/** Presses Tab (up to `max` times) until the focused element matches; fails if it never does. */
export function tabTo(test: (active: Element) => boolean, max = 30, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<Element> {
  return tabUntil(test, { max, key });
}

/** Presses Enter on the button called `name`, tabbing to it first unless it has focus already. */
export async function activate(el: CarerQuiz, name: RegExp, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  const a = deepActive();
  if (!(a && isButton(name)(a))) await tabTo(isButton(name), 30, key);
  await sendKeys({ press: 'Enter' });
  await settle(el);
  await new Promise((r) => setTimeout(r, 0));
  await settle(el);
}

export const isButton = (name: RegExp) => (a: Element) => a.localName === 'button' && name.test(seen(a));
export const isInput = (qid: string) => (a: Element) => a.localName === 'input' && (a as HTMLInputElement).name === qid;

/**
 * Chooses options of the showing question with the keyboard only: Tab into the group, then for
 * radios Space / arrow keys, for checkboxes Tab and Space on each wanted box.
 */
export async function chooseByKeyboard(el: CarerQuiz, qid: string, values: string[]): Promise<void> {
  const first = (await tabTo(isInput(qid))) as HTMLInputElement;
  if (first.type === 'radio') {
    const inputs = deepAll(el.shadowRoot!.querySelector(`[data-qid="${qid}"]`)!, 'input').filter((i) => (i as HTMLInputElement).name === qid) as HTMLInputElement[];
    const target = inputs.findIndex((i) => i.value === values[0]);
    const at = inputs.indexOf(first);
    if (target === at) await sendKeys({ press: 'Space' });
    else for (let i = at; i < target; i++) await sendKeys({ press: 'ArrowDown' });
  } else {
    let current = first;
    for (;;) {
      if (values.includes(current.value) && !current.checked) await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      const next = deepActive() as HTMLInputElement | null;
      if (!next || next.localName !== 'input' || next.name !== qid) break;
      current = next;
    }
  }
  await settle(el);
}
