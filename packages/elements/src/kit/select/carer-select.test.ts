import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { QuestionOf } from '@carers-voice/core/content';
import type { CarerSelect } from './carer-select.js';
import { $, controlBaseTests, countEvents, render, text } from '../test-helpers.js';

const question: QuestionOf<'select'> = {
  id: 'area',
  type: 'select',
  label: 'Which area do you live in?',
  hint: 'Choose the nearest.',
  options: [
    { value: 'north', label: 'North' },
    { value: 'south', label: 'South' },
    { value: 'east', label: 'East' },
  ],
};

async function choose(el: Element, value: string) {
  const select = $(el, 'select') as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<carer-select>', () => {
  controlBaseTests({ tag: 'carer-select', question, sample: 'north', answer: (el) => choose(el, 'east') });

  it('labels a native select and starts with nothing chosen', async () => {
    const el = await render<CarerSelect>('carer-select', question);
    expect(text($(el, 'label[for="area"]'))).to.equal(question.label);
    expect(($(el, 'select') as HTMLSelectElement).value).to.equal('');
    expect(el.value).to.equal(undefined);
  });

  it('shows a value set by code', async () => {
    const el = await render<CarerSelect>('carer-select', question);
    el.value = 'south';
    await el.updateComplete;
    expect(($(el, 'select') as HTMLSelectElement).value).to.equal('south');
  });

  it('is answered with the keyboard', async () => {
    const el = await render<CarerSelect>('carer-select', question);
    const counts = countEvents(el);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    counts.stop();
    expect(el.value).to.equal('north');
    expect(counts.input).to.equal(1);
    expect(counts.change).to.equal(1);
  });
});
