/**
 * Voting with the keyboard only, in every kind of poll (single, multiple, ranking, points,
 * statements): Tab, Space, Enter and nothing else, then the poll shows what was voted.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, freshDatabase, isButton, isInput, polls, renderPoll, settle, shown, startKeyboard, tabTo, until } from '../../packages/elements/src/poll/test-helpers.js';
import type { CarerPoll } from '../../packages/elements/src/poll/carer-poll.js';

async function votedWith(el: CarerPoll): Promise<Record<string, unknown>> {
  await until(() => Boolean(el.lastVote), 'the vote to be remembered');
  await settle(el);
  return el.lastVote!.answers;
}

describe('<carer-poll> keyboard only', () => {
  it('single choice: Tab to the options, Space, Tab to Send, Enter', async () => {
    const el = await renderPoll({ definition: polls.single, database: freshDatabase() });
    await expect(el).to.be.accessible();
    await startKeyboard(el);
    await tabTo(isInput('best-way'), 'the first option');
    await sendKeys({ press: 'ArrowDown' }); // radios: arrows move and choose
    await tabTo(isButton(/Send my vote/), 'Send my vote');
    await sendKeys({ press: 'Enter' });
    expect(await votedWith(el)).to.deep.equal({ 'best-way': 'phone' });
    expect(shown(el)).to.contain('Thank you for voting').and.contain('By phone');
  });

  it('multiple choice: Space on two boxes', async () => {
    const el = await renderPoll({ definition: polls.multiple, database: freshDatabase() });
    await startKeyboard(el);
    await tabTo(isInput('when', 'morning'), 'Mornings');
    await sendKeys({ press: 'Space' });
    await tabTo(isInput('when', 'evening'), 'Evenings');
    await sendKeys({ press: 'Space' });
    await tabTo(isButton(/Send my vote/), 'Send my vote');
    await sendKeys({ press: 'Enter' });
    expect(await votedWith(el)).to.deep.equal({ when: ['morning', 'evening'] });
  });

  it('ranking: Move down with Enter, no dragging', async () => {
    const el = await renderPoll({ definition: polls.ranking, database: freshDatabase() });
    await startKeyboard(el);
    await tabTo(isButton(/Move down.*Breaks from caring/), 'Move down: Breaks');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await tabTo(isButton(/Send my vote/), 'Send my vote');
    await sendKeys({ press: 'Enter' });
    expect(await votedWith(el)).to.deep.equal({ themes: ['information', 'breaks', 'money'] });
    expect(shown(el)).to.match(/Information and advice Breaks from caring Money and work/);
  });

  it('points: + buttons with the points left said as they go', async () => {
    const el = await renderPoll({ definition: polls.points, database: freshDatabase() });
    expect(shown(el)).to.contain('3 points left');
    await startKeyboard(el);
    await tabTo(isButton(/Add a point to Health/), 'Add a point to Health');
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(shown(el)).to.contain('1 point left');
    await tabTo(isButton(/Add a point to Work/), 'Add a point to Work');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(shown(el)).to.contain('0 points left');
    await tabTo(isButton(/Send my vote/), 'Send my vote');
    await sendKeys({ press: 'Enter' });
    expect(await votedWith(el)).to.deep.equal({ share: { health: 2, work: 1 } });
  });

  it('statements: one at a time, "Statement 2 of 3", Continue with Enter', async () => {
    const el = await renderPoll({ definition: polls.statements, database: freshDatabase() });
    expect(shown(el)).to.contain('Statement 1 of 3').and.contain('I know where to get information.');
    await expect(el).to.be.accessible();
    await startKeyboard(el);
    for (const [n, key] of [
      [1, 'Space'], // Agree
      [2, 'ArrowRight'], // Disagree
      [3, 'Space'],
    ] as const) {
      expect(shown(el)).to.contain(`Statement ${n} of 3`);
      await tabTo(isInput(['info', 'break', 'listened'][n - 1]!), `statement ${n}'s answers`);
      await sendKeys({ press: key });
      await tabTo(isButton(n < 3 ? /Continue/ : /Send my votes/), 'Continue');
      await sendKeys({ press: 'Enter' });
      await settle(el);
    }
    expect(await votedWith(el)).to.deep.equal({ info: 'agree', break: 'disagree', listened: 'agree' });
  });

  it('sending with no answer shows the error summary, which takes focus', async () => {
    const el = await renderPoll({ definition: polls.single, database: freshDatabase() });
    await startKeyboard(el);
    await tabTo(isButton(/Send my vote/), 'Send my vote');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(shown(el)).to.contain('There is a problem').and.contain('Select an answer');
    expect(el.shadowRoot!.activeElement?.localName).to.equal('carer-error-summary');
    expect(el.lastVote).to.equal(undefined);
    await expect(el).to.be.accessible();
  });
});
