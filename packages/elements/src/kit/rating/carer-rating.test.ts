import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { QuestionOf } from '@carers-voice/core/content';
import type { CarerRating } from './carer-rating.js';
import { $, controlBaseTests, countEvents, render, text } from '../test-helpers.js';

const question: QuestionOf<'rating'> = {
  id: 'wellbeing',
  type: 'rating',
  label: 'How would you rate your own health?',
  hint: 'Choose a number.',
  minLabel: 'very poor',
  maxLabel: 'excellent',
};

describe('<carer-rating>', () => {
  controlBaseTests({
    tag: 'carer-rating',
    question,
    sample: 3,
    answer: async (el) => $(el, 'label[for="wellbeing-8"]').click(),
  });

  it('shows 0 to 10 and says what the ends mean, described with the group', async () => {
    const el = await render<CarerRating>('carer-rating', question);
    expect([...el.shadowRoot!.querySelectorAll('.option label')].map(text)).to.deep.equal(
      ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
    );
    expect(text($(el, '#wellbeing-scale'))).to.equal('0 means very poor 10 means excellent');
    expect($(el, 'fieldset').getAttribute('aria-describedby')).to.equal('wellbeing-hint wellbeing-scale');
  });

  it('gives a number, chosen with the keyboard', async () => {
    const el = await render<CarerRating>('carer-rating', question);
    const counts = countEvents(el);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    counts.stop();
    expect(el.value).to.equal(1);
    expect(counts.change).to.equal(2);
  });

  it('every number is a target of at least 44 by 44 pixels', async () => {
    const el = await render<CarerRating>('carer-rating', question);
    for (const option of el.shadowRoot!.querySelectorAll('.option')) {
      const box = option.getBoundingClientRect();
      expect(box.width).to.be.at.least(44);
      expect(box.height).to.be.at.least(44);
    }
  });
});
