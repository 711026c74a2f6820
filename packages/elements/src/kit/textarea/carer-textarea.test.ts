import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { QuestionOf } from '@carers-voice/core/content';
import type { CarerTextarea } from './carer-textarea.js';
import { CharacterCount } from './character-count.js';
import { $, controlBaseTests, countEvents, render, text } from '../test-helpers.js';

const question: QuestionOf<'textarea'> = {
  id: 'change',
  type: 'textarea',
  label: 'What one thing would make caring easier?',
  hint: 'Do not include names.',
  maxLength: 20,
};

const spoken = (el: Element) => text(el.shadowRoot!.querySelector('[aria-live]'));

describe('<carer-textarea>', () => {
  controlBaseTests({
    tag: 'carer-textarea',
    question,
    sample: 'More breaks',
    answer: async (el) => {
      $(el, 'textarea').focus();
      await sendKeys({ type: 'Sleep' });
    },
  });

  it('shows "You have N characters remaining" and says it politely once typing pauses', async () => {
    const el = await render<CarerTextarea>('carer-textarea', question);
    $(el, 'textarea').focus();
    await sendKeys({ type: 'A break' });
    expect(text($(el, '.count'))).to.equal('You have 13 characters remaining');
    expect($(el, '.count').getAttribute('aria-hidden')).to.equal('true');
    expect(spoken(el), 'not said while typing').to.equal('');
    await new Promise((r) => setTimeout(r, CharacterCount.announceDelay + 100));
    expect(spoken(el)).to.equal('You have 13 characters remaining');
  });

  it('says the singular and "too many" and never blocks typing', async () => {
    expect(CharacterCount.message(19, 20)).to.equal('You have 1 character remaining');
    expect(CharacterCount.message(23, 20)).to.equal('You have 3 characters too many');
    const el = await render<CarerTextarea>('carer-textarea', question, { value: 'x'.repeat(20) });
    $(el, 'textarea').focus();
    const counts = countEvents(el);
    await sendKeys({ type: 'abc' });
    counts.stop();
    expect((el.value ?? '').length).to.equal(23);
    expect(text($(el, '.count'))).to.equal('You have 3 characters too many');
    expect($(el, '.count').classList.contains('over')).to.equal(true);
    expect($(el, 'textarea').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });
});
