import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { QuestionOf } from '@carers-voice/core/content';
import type { CarerTextInput } from './carer-text-input.js';
import { $, controlBaseTests, countEvents, render, text } from '../test-helpers.js';

const question: QuestionOf<'text'> = {
  id: 'postcode',
  type: 'text',
  label: 'What is the first part of your postcode?',
  hint: 'For example, E1 or SW11',
  maxLength: 8,
  autocomplete: 'postal-code',
};

describe('<carer-text-input>', () => {
  controlBaseTests({
    tag: 'carer-text-input',
    question,
    sample: 'E1',
    answer: async (el) => {
      $(el, 'input').focus();
      await sendKeys({ type: 'N1' });
    },
  });

  it('has a label, autocomplete and a character count', async () => {
    const el = await render<CarerTextInput>('carer-text-input', question);
    const input = $(el, 'input') as HTMLInputElement;
    expect(input.labels![0]!.textContent!.trim()).to.equal(question.label);
    expect(input.autocomplete).to.equal('postal-code');
    expect(text($(el, '.count'))).to.equal('You have 8 characters remaining');
    expect(input.getAttribute('aria-describedby')).to.equal('postcode-hint postcode-info');
  });

  it('counts down as the carer types, past the limit, without blocking', async () => {
    const el = await render<CarerTextInput>('carer-text-input', question);
    $(el, 'input').focus();
    const counts = countEvents(el);
    await sendKeys({ type: 'SW11 1AAXY' });
    counts.stop();
    expect(el.value).to.equal('SW11 1AAXY');
    expect(text($(el, '.count'))).to.equal('You have 2 characters too many');
    expect(counts.input).to.equal(10);
  });
});
