/**
 * What a poll shows besides the ballot: the collector's suppressed public results (a table with
 * bars; a hidden count is never shown as 0), "add your own statement" (held for a moderator, not
 * listed), "You said, we did" (newest first, with dates), and all of it right to left in Urdu.
 */
import { expect } from '@open-wc/testing';
import { closeDeviceStore } from '@carers-voice/core/outbox';
import { DAY, choose, deepAll, freshDatabase, poll, polls, press, renderPoll, scriptedServer, settle, shown, until } from '../../packages/elements/src/poll/test-helpers.js';
import type { CarerPoll } from '../../packages/elements/src/poll/carer-poll.js';

const singleResults = {
  instrument: { id: 'test-single', version: 1 },
  suppression: { threshold: 7, rounding: 5 },
  suppressed: false,
  base: 40,
  questions: [
    {
      id: 'best-way',
      label: 'What is the easiest way for you to have your say?',
      type: 'single',
      answered: 40,
      options: [
        { value: 'online', label: 'Online', count: 25, percent: 63 },
        { value: 'phone', label: 'By phone', count: null, percent: null },
        { value: 'group', label: 'At a carers group', count: null, percent: null },
      ],
    },
  ],
  indicators: [],
  trends: [],
};

async function vote(el: CarerPoll, value = 'online'): Promise<void> {
  await choose(el, 'best-way', value);
  // By data-action, the same in every language.
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="send"]')!.click();
  await until(() => Boolean(el.lastVote), 'the vote');
  await settle(el);
}

function table(el: CarerPoll): string[][] {
  return [...el.shadowRoot!.querySelectorAll('.results-table tbody tr')].map((tr) => [...tr.children].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()));
}

describe('<carer-poll> results', () => {
  it('after voting: a table of the suppressed results; hidden counts say so, never 0', async () => {
    const { endpoint } = await scriptedServer({ results: singleResults });
    const database = freshDatabase();
    const el = await renderPoll({ definition: polls.single, database }, { endpoint, partner: 'hub' });
    expect(el.shadowRoot!.querySelector('[part="results"]')).to.equal(null); // not before voting
    await vote(el);
    await until(() => Boolean(el.shadowRoot!.querySelector('.results-table')), 'the results table');
    expect(el.shadowRoot!.querySelector('.results-table caption')?.textContent?.trim()).to.equal('What is the easiest way for you to have your say?');
    expect(table(el)).to.deep.equal([
      ['Online', '25', '63%'],
      ['By phone', 'not shown (small number)', 'not shown (small number)'],
      ['At a carers group', 'not shown (small number)', 'not shown (small number)'],
    ]);
    expect(shown(el)).to.contain('Based on about 40 votes').and.contain('numbers of 7 or fewer are not shown');
    await expect(el).to.be.accessible();
    await closeDeviceStore(database);
  });

  it('a whole poll with too few votes says so instead of showing numbers', async () => {
    const { endpoint } = await scriptedServer({ results: { instrument: { id: 'test-single', version: 1 }, suppression: { threshold: 7, rounding: 5 }, suppressed: true, reason: 'too few responses to show' } });
    const database = freshDatabase();
    const el = await renderPoll({ definition: polls.single, database }, { endpoint, partner: 'hub' });
    await vote(el);
    await until(() => shown(el).includes('Not enough people have voted yet'), 'the too-few message');
    expect(el.shadowRoot!.querySelector('.results-table')).to.equal(null);
    await closeDeviceStore(database);
  });

  it('showResults "after-close": nothing until the poll closes, then the results', async () => {
    const { endpoint } = await scriptedServer({ results: singleResults });
    const database = freshDatabase();
    let now = Date.UTC(2026, 0, 1);
    const def = poll('single', { showResults: 'after-close', closes: '2026-01-10T00:00:00Z' });
    const el = await renderPoll({ definition: def, database, clock: () => now }, { endpoint, partner: 'hub' });
    await vote(el);
    expect(shown(el)).to.contain('Results will be shown here when the poll closes.');
    expect(el.shadowRoot!.querySelector('.results-table')).to.equal(null);
    el.remove();
    now = Date.UTC(2026, 0, 11);
    const closed = await renderPoll({ definition: def, database, clock: () => now }, { endpoint, partner: 'hub' });
    await until(() => Boolean(closed.shadowRoot!.querySelector('.results-table')), 'the results after closing');
    expect(shown(closed)).to.contain('This poll closed on');
    await expect(closed).to.be.accessible();
    await closeDeviceStore(database);
  });

  it('showResults "never": no results, even after voting and closing', async () => {
    const { endpoint } = await scriptedServer({ results: singleResults });
    const database = freshDatabase();
    const el = await renderPoll({ definition: poll('single', { showResults: 'never' }), database }, { endpoint, partner: 'hub' });
    await vote(el);
    await new Promise((r) => setTimeout(r, 200));
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part="results"]')).to.equal(null);
    expect(shown(el)).to.not.contain('What carers said so far');
    await closeDeviceStore(database);
  });

  it('ranking results: average place, most important first', async () => {
    const results = {
      ...singleResults,
      instrument: { id: 'test-ranking', version: 1 },
      questions: [
        {
          id: 'themes',
          label: 'Put these in order, most important first',
          type: 'ranking',
          answered: 30,
          options: [
            { value: 'breaks', label: 'Breaks from caring', count: 30, percent: 100, mean: 1.4 },
            { value: 'information', label: 'Information and advice', count: 30, percent: 100, mean: 2.6 },
            { value: 'money', label: 'Money and work', count: 30, percent: 100, mean: 2 },
          ],
        },
      ],
    };
    const { endpoint } = await scriptedServer({ results });
    const database = freshDatabase();
    const el = await renderPoll({ definition: polls.ranking, database }, { endpoint, partner: 'hub' });
    (deepAll(el, 'button').find((b) => /Move down/.test(b.textContent ?? '')) as HTMLButtonElement).click();
    await settle(el);
    await press(el, /Send my vote/);
    await until(() => Boolean(el.shadowRoot!.querySelector('.results-table')), 'the results table');
    expect(table(el)).to.deep.equal([
      ['Breaks from caring', '1.4'],
      ['Money and work', '2'],
      ['Information and advice', '2.6'],
    ]);
    await closeDeviceStore(database);
  });
});

describe('<carer-poll> add your own statement', () => {
  it('sends the statement for moderation, says so, and does not list it', async () => {
    const { endpoint, stored } = await scriptedServer();
    const database = freshDatabase();
    const el = await renderPoll({ definition: polls.statements, database }, { endpoint, partner: 'hub' });
    for (const id of ['info', 'break', 'listened']) {
      await choose(el, id, 'agree');
      await press(el, /Continue|Send my votes/);
    }
    await until(() => Boolean(el.shadowRoot!.querySelector('#statement-text')), 'the statement form');
    await expect(el).to.be.accessible();
    // Too short: an error summary and an inline error, GOV.UK style.
    const box = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#statement-text')!;
    box.value = 'no';
    box.dispatchEvent(new Event('input'));
    await press(el, /Send my statement/);
    expect(shown(el)).to.contain('There is a problem').and.contain('Your statement must be at least 3 characters');
    expect(box.getAttribute('aria-describedby')).to.contain('statement-error');
    await expect(el).to.be.accessible();

    const words = 'Carers need somewhere to park at the hospital.';
    box.value = words;
    box.dispatchEvent(new Event('input'));
    await press(el, /Send my statement/);
    await until(() => shown(el).includes('a moderator will check it'), 'the pending message');
    expect(shown(el)).to.contain('Thank you — a moderator will check it before others see it.');
    expect(shown(el)).to.not.contain(words);
    expect(box.value).to.equal('');
    const { statements } = await stored();
    expect(statements).to.deep.equal([{ id: 'st-1', poll: 'test-statements', partner: 'hub', text: words, status: 'pending' }]);
    await expect(el).to.be.accessible();
    await closeDeviceStore(database);
  });

  it('says how many characters are left and refuses over 500', async () => {
    const { endpoint, stored } = await scriptedServer();
    const el = await renderPoll({ definition: poll('statements'), database: freshDatabase() }, { endpoint, partner: 'hub' });
    for (const id of ['info', 'break', 'listened']) {
      await choose(el, id, 'pass');
      await press(el, /Continue|Send my votes/);
    }
    await until(() => Boolean(el.shadowRoot!.querySelector('#statement-text')), 'the statement form');
    expect(shown(el)).to.contain('You have 500 characters remaining');
    const box = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#statement-text')!;
    box.value = 'x'.repeat(503);
    box.dispatchEvent(new Event('input'));
    await settle(el);
    expect(shown(el)).to.contain('You have 3 characters too many');
    await press(el, /Send my statement/);
    expect(shown(el)).to.contain('Your statement must be 500 characters or fewer');
    expect((await stored()).statements).to.deep.equal([]);
  });

  it('is not offered when the poll does not take statements, or in local mode', async () => {
    const el = await renderPoll({ definition: polls.statements, database: freshDatabase() });
    for (const id of ['info', 'break', 'listened']) {
      await choose(el, id, 'agree');
      await press(el, /Continue|Send my votes/);
    }
    await until(() => Boolean(el.lastVote), 'the vote');
    await settle(el);
    expect(el.shadowRoot!.querySelector('#statement-text')).to.equal(null);
  });
});

describe('<carer-poll> you said, we did', () => {
  const updates = [
    { id: 1, youSaid: 'Meetings were too early.', weDid: 'We moved them to the evening.', date: '2026-03-01T10:00:00.000Z' },
    { id: 2, youSaid: 'You wanted more breaks.', weDid: 'We funded 200 more short breaks.', date: '2026-06-15T10:00:00.000Z' },
  ];

  it('shows the updates newest first, with their dates', async () => {
    const { endpoint } = await scriptedServer({ updates });
    const el = await renderPoll({ definition: polls.single, database: freshDatabase() }, { endpoint, partner: 'hub' });
    await until(() => Boolean(el.shadowRoot!.querySelector('.update')), 'the updates');
    const items = [...el.shadowRoot!.querySelectorAll('.update')].map((u) => (u.textContent ?? '').replace(/\s+/g, ' ').trim());
    expect(items).to.deep.equal([
      '15 June 2026 You said You wanted more breaks. We did We funded 200 more short breaks.',
      '1 March 2026 You said Meetings were too early. We did We moved them to the evening.',
    ]);
    expect(el.shadowRoot!.querySelector('.update time')?.getAttribute('datetime')).to.equal('2026-06-15T10:00:00.000Z');
    await expect(el).to.be.accessible();
  });

  it('in Urdu, right to left: dates in Urdu, and axe passes in the voted state with results and updates', async () => {
    const { endpoint } = await scriptedServer({ updates, results: singleResults });
    const database = freshDatabase();
    const el = await renderPoll({ definition: polls.single, database }, { endpoint, partner: 'hub', lang: 'ur', dir: 'rtl' });
    await vote(el);
    await until(() => Boolean(el.shadowRoot!.querySelector('.results-table')) && Boolean(el.shadowRoot!.querySelector('.update')), 'results and updates');
    expect(getComputedStyle(el.shadowRoot!.querySelector('.poll')!).direction).to.equal('rtl');
    expect(shown(el)).to.contain('ووٹ دینے کا شکریہ').and.contain('آپ نے کہا، ہم نے کیا'); // Thank you for voting; You said, we did
    const date = el.shadowRoot!.querySelector('.update time')?.textContent ?? '';
    expect(date).to.equal(new Intl.DateTimeFormat('ur', { dateStyle: 'long' }).format(new Date('2026-06-15T10:00:00Z')));
    await expect(el).to.be.accessible();
    await closeDeviceStore(database);
  });

  it('a closed poll in Urdu passes axe', async () => {
    const el = await renderPoll({ definition: poll('single', { closes: new Date(Date.now() - DAY).toISOString() }), database: freshDatabase() }, { lang: 'ur', dir: 'rtl' });
    expect(el.shadowRoot!.querySelector('[data-state="closed"]')).to.exist;
    await expect(el).to.be.accessible();
  });
});
