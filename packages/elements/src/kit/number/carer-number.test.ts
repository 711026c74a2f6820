import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { QuestionOf } from '@carers-voice/core/content';
import { parseNumber, type CarerNumber } from './carer-number.js';
import { $, controlBaseTests, render, text } from '../test-helpers.js';

const question: QuestionOf<'number'> = {
  id: 'hours',
  type: 'number',
  label: 'How many hours of care do you give in a usual week?',
  integer: true,
  unit: 'hours a week',
};

describe('<carer-number>', () => {
  controlBaseTests({
    tag: 'carer-number',
    question,
    sample: 35,
    answer: async (el) => {
      $(el, 'input').focus();
      await sendKeys({ type: '2' });
    },
  });

  it('is a numeric text box with its unit read after it', async () => {
    const el = await render<CarerNumber>('carer-number', question);
    const input = $(el, 'input') as HTMLInputElement;
    expect(input.type).to.equal('text');
    expect(input.inputMode).to.equal('numeric');
    expect(text($(el, '#hours-unit'))).to.equal('hours a week');
    expect(input.getAttribute('aria-describedby')).to.equal('hours-unit');
  });

  it('gives a number for what is typed, and keeps text that is not one', async () => {
    const el = await render<CarerNumber>('carer-number', question);
    $(el, 'input').focus();
    await sendKeys({ type: '1,200' });
    expect(el.value).to.equal(1200);
    await sendKeys({ type: 'x' });
    expect(el.value).to.equal('1,200x');
    expect(($(el, 'input') as HTMLInputElement).value).to.equal('1,200x');
    expect(parseNumber('  ')).to.equal(undefined);
    expect(parseNumber('7.5')).to.equal(7.5);
  });

  it('shows a number set by code', async () => {
    const el = await render<CarerNumber>('carer-number', question, { value: 40 });
    expect(($(el, 'input') as HTMLInputElement).value).to.equal('40');
  });
});
