import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { QuestionOf } from '@carers-voice/core/content';
import type { CarerRanking } from './carer-ranking.js';
import { $, controlBaseTests, countEvents, render, text } from '../test-helpers.js';

const question: QuestionOf<'ranking'> = {
  id: 'priorities',
  type: 'ranking',
  label: 'Put these in order of importance to you',
  hint: 'Most important first.',
  options: [
    { value: 'respite', label: 'Respite' },
    { value: 'money', label: 'Money advice' },
    { value: 'health', label: 'My own health' },
    { value: 'work', label: 'Help to stay in work' },
  ],
};

const items = (el: Element) => [...el.shadowRoot!.querySelectorAll('li:not(.cut) .item-label')].map(text);
const spoken = (el: Element) => text(el.shadowRoot!.querySelector('[aria-live]'));
const button = (el: Element, value: string, dir: 'up' | 'down') => $(el, `button[data-value="${value}"][data-dir="${dir}"]`);

describe('<carer-ranking>', () => {
  controlBaseTests({
    tag: 'carer-ranking',
    question,
    sample: ['money', 'respite', 'health', 'work'],
    answer: async (el) => button(el, 'work', 'up').click(),
  });

  it('lists every option in order with Move up and Move down buttons, no dragging', async () => {
    const el = await render<CarerRanking>('carer-ranking', question);
    expect(items(el)).to.deep.equal(['Respite', 'Money advice', 'My own health', 'Help to stay in work']);
    expect(el.shadowRoot!.querySelectorAll('[draggable]').length).to.equal(0);
    expect(text(button(el, 'money', 'up'))).to.equal('↑ Move up: Money advice');
    expect(el.value).to.equal(undefined);
  });

  it('moves an item, announces it, and keeps focus on the moved item', async () => {
    const el = await render<CarerRanking>('carer-ranking', question);
    const counts = countEvents(el);
    button(el, 'health', 'up').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(items(el)).to.deep.equal(['Respite', 'My own health', 'Money advice', 'Help to stay in work']);
    expect(spoken(el)).to.equal('My own health moved to position 2 of 4');
    const active = el.shadowRoot!.activeElement as HTMLElement;
    expect(active.dataset['value']).to.equal('health');
    expect(active.dataset['dir']).to.equal('up');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    counts.stop();
    expect(el.value).to.deep.equal(['health', 'respite', 'money', 'work']);
    expect(spoken(el)).to.equal('My own health moved to position 1 of 4');
    expect(counts.change).to.equal(2);
  });

  it('moves with Alt+Arrow keys and says when an item cannot go further', async () => {
    const el = await render<CarerRanking>('carer-ranking', question);
    button(el, 'respite', 'down').focus();
    await sendKeys({ press: 'Alt+ArrowDown' });
    await el.updateComplete;
    expect(items(el)[1]).to.equal('Respite');
    expect((el.shadowRoot!.activeElement as HTMLElement).dataset['value']).to.equal('respite');
    button(el, 'money', 'up').focus();
    await sendKeys({ press: 'Alt+ArrowUp' });
    await el.updateComplete;
    expect(spoken(el)).to.equal('Money advice is already at the top');
    expect(el.value).to.deep.equal(['money', 'respite', 'health', 'work']);
  });

  it('only keeps the top N when rankCount is set, and stays accessible', async () => {
    const el = await render<CarerRanking>('carer-ranking', { ...question, rankCount: 2 });
    button(el, 'work', 'up').click();
    await el.updateComplete;
    expect(el.value).to.deep.equal(['respite', 'money']);
    expect(text($(el, '#priorities-instructions'))).to.contain('Only your top 2 count.');
    await expect(el).to.be.accessible();
  });
});
