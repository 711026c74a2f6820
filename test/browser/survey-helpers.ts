/**
 * Helpers for the <carer-survey> browser tests: a small branching survey, a fresh IndexedDB per
 * test, and ways to reach into the widget's (nested) shadow roots the way a user sees it.
 */
import { fixture, html } from '@open-wc/testing';
import type { CarerSurvey } from '../../packages/elements/src/survey/carer-survey.js';
import '../../packages/elements/src/survey/define.js';
import { settle, deepAll, seen } from '../../packages/elements/src/widget/test-helpers.js';

/** Age → (work | school), a multiple with an exclusive option and a reveal, likert, consent → contact. */
export const branchingSurvey = {
  kind: 'survey',
  id: 'test-branching',
  version: 1,
  title: 'Test carers survey',
  intro: 'A short survey for tests.',
  easyRead: { title: 'Easy test survey' },
  privacy: { anonymous: true, notice: 'We do not ask your name.' },
  signposting: [
    { id: 'hub', kind: 'hub', title: 'Carers hub', description: 'Advice for carers.', url: 'https://example.org/hub', phone: '0161 000 0000' },
    { id: 'crisis', kind: 'crisis', title: 'Crisis line', phone: '116 123' },
  ],
  pages: [
    {
      id: 'about',
      title: 'About you',
      questions: [
        {
          id: 'age',
          type: 'single',
          label: 'How old are you?',
          easyRead: 'How old are you? Pick one.',
          options: [
            { value: 'under-18', label: 'Under 18' },
            { value: '18-64', label: '18 to 64' },
            { value: '65-plus', label: '65 or over' },
          ],
        },
        {
          id: 'cares-for',
          type: 'multiple',
          label: 'Who do you look after?',
          options: [
            { value: 'parent', label: 'A parent' },
            { value: 'partner', label: 'A partner' },
            { value: 'other', label: 'Someone else' },
            { value: 'none', label: 'Nobody at the moment', exclusive: true },
          ],
          reveal: { other: { id: 'cares-for-other', type: 'text', label: 'Who do you look after?' } },
        },
      ],
    },
    {
      id: 'work',
      title: 'Work',
      showIf: { not: { question: 'age', equals: 'under-18' } },
      questions: [{ id: 'works', type: 'single', label: 'Do you have a paid job?', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] }],
    },
    {
      id: 'school',
      title: 'School',
      showIf: { question: 'age', equals: 'under-18' },
      questions: [
        {
          id: 'school-knows',
          type: 'single',
          label: 'Does your school or college know you are a carer?',
          young: { label: 'Do your teachers know you help look after someone?' },
          options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }],
        },
      ],
    },
    {
      id: 'feelings',
      title: 'How you feel',
      questions: [
        { id: 'coping', type: 'likert', label: 'I feel able to cope with caring', scale: 'agreement' },
        { id: 'comments', type: 'textarea', label: 'Anything else you want to tell us?', required: false },
      ],
    },
    {
      id: 'contact',
      title: 'Staying in touch',
      questions: [
        { id: 'consent', type: 'single', label: 'Can we contact you?', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] },
        { id: 'email', type: 'text', label: 'Email address', contact: true, showIf: { question: 'consent', equals: 'yes' } },
      ],
    },
  ],
};

let counter = 0;
/** A database of its own for each test (drafts and outbox never leak between tests). */
export function freshDatabase(): string {
  counter += 1;
  return `cv-survey-test-${Date.now()}-${counter}`;
}

export async function renderSurvey(props: Partial<CarerSurvey> & Record<string, unknown> = {}, attrs = ''): Promise<CarerSurvey> {
  const el = document.createElement('carer-survey');
  for (const a of attrs.split(/\s+/).filter(Boolean)) {
    const [k, v] = a.split('=');
    el.setAttribute(k!, v ?? '');
  }
  Object.assign(el, props);
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.append(el);
  await el.ready;
  await settle(el);
  return el;
}

// Shared with the poll and quiz tests.
export { settle, deepAll, seen };

export function deep<T extends Element = HTMLElement>(root: Element, selector: string): T {
  const found = deepAll(root, selector)[0];
  if (!found) throw new Error(`${selector} not found`);
  return found as T;
}

export function heading(el: Element): string {
  return seen(el.shadowRoot!.querySelector('[data-heading]'));
}

/** The input for option `value` of question `qid` (radios, checkboxes, likert). */
export function option(el: Element, qid: string, value: string): HTMLInputElement {
  const question = el.shadowRoot!.querySelector(`[data-qid="${qid}"]`);
  if (!question) throw new Error(`question ${qid} is not on this page`);
  const input = deepAll(question, 'input').find((i) => (i as HTMLInputElement).value === value && (i as HTMLInputElement).name === qid);
  if (!input) throw new Error(`option ${value} of ${qid} not found`);
  return input as HTMLInputElement;
}

/** The text box (or select) of question `qid`, or of a revealed follow-up with that id. */
export function field(el: Element, qid: string, selector = 'input, textarea, select'): HTMLInputElement {
  const question = el.shadowRoot!.querySelector(`[data-qid="${qid}"]`);
  const found = question ? deepAll(question, selector)[0] : deepAll(el, `#${qid}`).find((n) => n.matches(selector));
  if (!found) throw new Error(`question ${qid} is not on this page`);
  return found as HTMLInputElement;
}

export async function choose(el: Element, qid: string, value: string): Promise<void> {
  option(el, qid, value).click();
  await settle(el);
}

export async function type(el: Element, qid: string, text: string): Promise<void> {
  const input = field(el, qid);
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await settle(el);
}

export function button(el: Element, name: RegExp): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find((b) => name.test(seen(b)));
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

export async function press(el: Element, name: RegExp): Promise<void> {
  button(el, name).click();
  await settle(el);
  await (el as CarerSurvey).saved;
  await settle(el);
}

/** The element focused now, looking through shadow roots. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Polls until `check()` is true (or fails after `ms`), letting the widget's async work finish. */
export async function waitFor(check: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Presses "Send my answers" and waits for the confirmation page. */
export async function send(el: CarerSurvey): Promise<void> {
  await press(el, /Send my answers/);
  await waitFor(() => Boolean(el.shadowRoot!.querySelector('[data-status]')), 5000, 'the confirmation page');
  await settle(el);
}
