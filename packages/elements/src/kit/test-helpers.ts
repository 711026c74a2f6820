/**
 * Checks every question control must pass (like Shoelace's form-control-base-tests): renders its
 * question, passes axe in default, error and RTL states, wires hint and error GOV.UK style, fires
 * `input`/`change` on user action but never when code sets `value`, and keeps its value when an
 * error is shown. Each control's own test adds its keyboard and specific behaviour.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { AnswerValue, Question } from '@carers-voice/core/content';
import type { QuestionControl } from '../base/question-control.js';
import './define.js';

export interface ControlCase<Q extends Question = Question> {
  tag: keyof HTMLElementTagNameMap;
  question: Q;
  /** A valid answer for the question. */
  sample: AnswerValue;
  /** Does what a user would do to answer (click, type); must change `value`. */
  answer: (el: QuestionControl) => Promise<void>;
}

export function root(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

export function $(el: Element, selector: string): HTMLElement {
  const found = el.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`${selector} not found in <${el.localName}>`);
  return found;
}

/** Visible text of a node, whitespace collapsed. */
export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export async function render<T extends QuestionControl>(
  tag: string,
  question: Question,
  props: Partial<Pick<QuestionControl, 'value' | 'error' | 'easyRead' | 'young' | 'revealValues'>> = {},
): Promise<T> {
  const el = document.createElement(tag) as T;
  el.question = question;
  Object.assign(el, props);
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.append(el);
  await el.updateComplete;
  return el;
}

/** Counts `input` and `change` events reaching the document (so bubbling + composed are proven). */
export function countEvents(el: Element): { input: number; change: number; stop: () => void } {
  const counts = { input: 0, change: 0, stop: () => {} };
  const onInput = (e: Event) => e.composedPath()[0] === el || e.target === el ? counts.input++ : undefined;
  const onChange = (e: Event) => (e.target === el ? counts.change++ : undefined);
  document.addEventListener('input', onInput);
  document.addEventListener('change', onChange);
  counts.stop = () => {
    document.removeEventListener('input', onInput);
    document.removeEventListener('change', onChange);
  };
  return counts;
}

/** The shared checks; call inside a `describe`. */
export function controlBaseTests(c: ControlCase): void {
  it('renders the question as its heading, with the hint', async () => {
    const el = await render(c.tag, c.question);
    const heading = el.shadowRoot!.querySelector('legend, label.label');
    expect(text(heading)).to.equal(c.question.label);
    if (c.question.hint) expect(text(el.shadowRoot!.getElementById(`${c.question.id}-hint`))).to.equal(c.question.hint);
  });

  it('is accessible by default', async () => {
    const el = await render(c.tag, c.question);
    await expect(el).to.be.accessible();
  });

  it('shows an error after a hidden "Error:", described after the hint, and is accessible', async () => {
    const el = await render(c.tag, c.question, { error: 'Choose an answer to carry on' });
    const error = el.shadowRoot!.getElementById(`${c.question.id}-error`)!;
    expect(text(error)).to.equal('Error: Choose an answer to carry on');
    expect(text(error.querySelector('.visually-hidden'))).to.equal('Error:');
    const described = el.shadowRoot!.querySelector('[aria-describedby*="-error"]')!.getAttribute('aria-describedby')!.split(' ');
    expect(described).to.include(`${c.question.id}-error`);
    if (c.question.hint) expect(described.indexOf(`${c.question.id}-hint`)).to.be.lessThan(described.indexOf(`${c.question.id}-error`));
    await expect(el).to.be.accessible();
  });

  it('gives its first input the question id, and focus() moves there', async () => {
    const el = await render(c.tag, c.question);
    el.focus();
    expect(el.shadowRoot!.activeElement?.id).to.equal(c.question.id);
  });

  it('fires bubbling, composed input and change on user action, none when code sets value', async () => {
    const el = await render(c.tag, c.question);
    const counts = countEvents(el);
    el.value = c.sample;
    await el.updateComplete;
    expect(counts.input, 'input after code set value').to.equal(0);
    expect(counts.change, 'change after code set value').to.equal(0);
    await c.answer(el);
    await el.updateComplete;
    counts.stop();
    expect(counts.input, 'input after user action').to.be.greaterThan(0);
    expect(el.value).not.to.deep.equal(c.sample);
  });

  it('keeps its value when an error is set', async () => {
    const el = await render(c.tag, c.question, { value: c.sample });
    el.error = 'Something to fix';
    await el.updateComplete;
    expect(el.value).to.deep.equal(c.sample);
    expect(el.answers[c.question.id]).to.deep.equal(c.sample);
  });

  it('passes axe right to left', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl" lang="ar"></div>`);
    const el = document.createElement(c.tag) as QuestionControl;
    el.question = c.question;
    el.error = 'Error text';
    wrapper.append(el);
    await el.updateComplete;
    expect(getComputedStyle(el).direction).to.equal('rtl');
    await expect(el).to.be.accessible();
  });
}
