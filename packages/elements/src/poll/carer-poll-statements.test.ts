/**
 * Other carers' statements in a statements poll: approved ones are offered after the poll's own
 * (keyboard only, answered as `s:<statement id>`), pending and rejected ones never are, and the
 * results show where most carers agree and where they are divided — axe-checked in every state,
 * in English and right to left in Urdu.
 */
import { expect } from '@open-wc/testing';
import { closeDeviceStore } from '@carers-voice/core/outbox';
import {
  DAY,
  choose,
  freshDatabase,
  isButton,
  isInput,
  poll,
  polls,
  renderPoll,
  scriptedServer,
  sendKeys,
  settle,
  shown,
  startKeyboard,
  tabTo,
  until,
} from './test-helpers.js';
import { rememberVote, submitStatement } from './poll-routes.js';
import type { CarerPoll } from './carer-poll.js';
import { setLocale } from '../i18n/index.js';

const CARER_ID = '3f1c2b8a-5d4e-4f6a-9b7c-1a2b3c4d5e6f';
const CARER_KEY = `s:${CARER_ID}`;
const CARER_TEXT = 'Carers should get a free parking permit at the hospital.';

/**
 * The scripted collector lists only approved statements and nobody approves there, so approved ones
 * are scripted here: GET …/polls/:id/statements for these endpoints answers with this list, as the
 * real collector does for statements a moderator approved.
 */
const approved = new Map<string, { id: string; key: string; text: string }[]>();
const realFetch = window.fetch.bind(window);
before(() => {
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();
    for (const [endpoint, list] of approved) {
      if (method === 'GET' && url.startsWith(endpoint) && url.endsWith('/statements')) {
        return Promise.resolve(new Response(JSON.stringify({ poll: 'test-statements', statements: list }), { status: 200, headers: { 'content-type': 'application/json' } }));
      }
    }
    return realFetch(input, init);
  };
});
after(() => {
  window.fetch = realFetch;
});

async function serverWithApproved(options: Parameters<typeof scriptedServer>[0] = {}) {
  const server = await scriptedServer(options);
  approved.set(server.endpoint, [{ id: CARER_ID, key: CARER_KEY, text: CARER_TEXT }]);
  return server;
}

const option = (value: string, label: string, count: number | null, percent: number | null) => ({ value, label, count, percent });
const results = {
  instrument: { id: 'test-statements', version: 1 },
  suppression: { threshold: 7, rounding: 5 },
  suppressed: false,
  base: 40,
  questions: [
    { id: 'info', label: 'I know where to get information.', type: 'statement', answered: 40, options: [option('agree', 'Agree', 30, 75), option('disagree', 'Disagree', 10, 25), option('pass', 'Pass', 0, 0)] },
    { id: CARER_KEY, label: CARER_TEXT, type: 'statement', answered: 20, options: [option('agree', 'Agree', 10, 50), option('disagree', 'Disagree', 10, 50), option('pass', 'Pass', 0, 0)] },
  ],
  indicators: [],
  trends: [],
  statementLists: {
    rules: { broadAgree: 70, dividedEach: 35, dividedSpread: 30, threshold: 7 },
    considered: 2,
    tooFew: 1,
    broad: [{ id: 'info', text: 'I know where to get information.', source: 'poll', base: 40, agree: 75, disagree: 25, pass: 0, slices: 3, lowestAgree: 70, highestAgree: 80 }],
    divided: [{ id: CARER_KEY, text: CARER_TEXT, source: 'carer', base: 20, agree: 50, disagree: 50, pass: 0, slices: 2, lowestAgree: 20, highestAgree: 80, reason: 'differs' }],
  },
};

function listed(el: CarerPoll, list: 'broad' | 'divided'): string[] {
  return [...el.shadowRoot!.querySelectorAll(`[data-list="${list}"] .listed`)].map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim());
}

describe('<carer-poll> other carers\' statements', () => {
  // The Urdu tests switch the page's language: each test starts in English.
  beforeEach(async () => {
    await setLocale('en-GB');
  });
  after(async () => {
    await setLocale('en-GB');
  });

  it('keyboard only: an approved carer\'s statement comes after the poll\'s own, said to be a carer\'s, and is voted on as s:<id>', async () => {
    const { endpoint, stored } = await serverWithApproved();
    const database = freshDatabase();
    const el = await renderPoll({ definition: polls.statements, database }, { endpoint, partner: 'hub' });
    expect(shown(el)).to.contain('Statement 1 of 4');
    await startKeyboard(el);
    const ids = ['info', 'break', 'listened', CARER_KEY];
    for (let n = 1; n <= 4; n++) {
      expect(shown(el)).to.contain(`Statement ${n} of 4`);
      if (n === 4) {
        expect(shown(el)).to.contain(CARER_TEXT).and.contain('written by another carer and checked by a moderator');
        await expect(el).to.be.accessible();
      } else expect(el.shadowRoot!.querySelector('[data-carer-statement]')).to.equal(null);
      await tabTo(isInput(ids[n - 1]!), `statement ${n}'s answers`);
      await sendKeys({ press: n === 4 ? 'ArrowRight' : 'Space' }); // 4: Disagree
      await tabTo(isButton(n < 4 ? /Continue/ : /Send my votes/), n < 4 ? 'Continue' : 'Send my votes');
      await sendKeys({ press: 'Enter' });
      await settle(el);
    }
    await until(() => Boolean(el.lastVote), 'the vote');
    expect(el.lastVote!.answers).to.deep.equal({ info: 'agree', break: 'agree', listened: 'agree', [CARER_KEY]: 'disagree' });
    await until(async () => (await stored()).envelopes.length === 1, 'the vote to reach the collector');
    expect((await stored()).envelopes[0]!.answers[CARER_KEY]).to.equal('disagree');
    await settle(el);
    // "Your vote" lists the carer's statement with the answer given.
    expect(el.shadowRoot!.querySelector(`[data-answer="${CSS.escape(CARER_KEY)}"]`)?.textContent?.trim()).to.equal('Disagree');
    await closeDeviceStore(database);
  });

  it('a statement waiting for a moderator is not offered: the poll keeps its own statements only', async () => {
    const { endpoint, stored } = await scriptedServer();
    const outcome = await submitStatement(endpoint, 'test-statements', 'hub', 'GP receptions should know who is a carer.');
    expect(outcome.status).to.equal('pending');
    expect((await stored()).statements.map((s) => s.status)).to.deep.equal(['pending']);
    const database = freshDatabase();
    const el = await renderPoll({ definition: polls.statements, database }, { endpoint, partner: 'hub' });
    expect(shown(el)).to.contain('Statement 1 of 3').and.not.contain('GP receptions');
    await closeDeviceStore(database);
  });

  it('a vote on a statement no longer offered (rejected since) is never sent again when the carer changes their vote', async () => {
    const { endpoint, stored } = await scriptedServer();
    const database = freshDatabase();
    const gone = 's:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
    await rememberVote('test-statements', { id: crypto.randomUUID(), answers: { info: 'agree', break: 'pass', listened: 'agree', [gone]: 'agree' }, at: new Date().toISOString(), version: 1 }, database);
    const el = await renderPoll({ definition: polls.statements, database }, { endpoint, partner: 'hub' });
    expect(shown(el)).to.contain('You have already voted').and.not.contain(gone);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="change"]')!.click();
    await settle(el);
    for (let n = 0; n < 3; n++) {
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="continue"], button[data-action="send"]')!.click();
      await settle(el);
    }
    await until(async () => (await stored()).envelopes.length === 1, 'the changed vote');
    expect((await stored()).envelopes[0]!.answers).to.deep.equal({ info: 'agree', break: 'pass', listened: 'agree' });
    await closeDeviceStore(database);
  });

  for (const lang of ['en-GB', 'ur']) {
    const attrs = (endpoint: string) => ({ endpoint, partner: 'hub', ...(lang === 'ur' ? { lang: 'ur', dir: 'rtl' } : {}) });

    it(`${lang}: axe in the open, voted, results and closed states, with the agree and divided lists`, async () => {
      const { endpoint } = await serverWithApproved({ results });
      // open, at the carer's statement
      const database = freshDatabase();
      const el = await renderPoll({ definition: polls.statements, database }, attrs(endpoint));
      for (const qid of ['info', 'break', 'listened']) {
        await choose(el, qid, 'agree');
        el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="continue"]')!.click();
        await settle(el);
      }
      expect(el.shadowRoot!.querySelector('[data-carer-statement]')).to.not.equal(null);
      await expect(el).to.be.accessible();
      // voted, with results and the lists
      await choose(el, CARER_KEY, 'pass');
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="send"]')!.click();
      await until(() => Boolean(el.shadowRoot!.querySelector('[data-lists]')), 'the statement lists');
      await settle(el);
      expect(listed(el, 'broad')).to.have.length(1);
      expect(listed(el, 'broad')[0]).to.contain('I know where to get information.');
      expect(listed(el, 'divided')).to.have.length(1);
      expect(listed(el, 'divided')[0]).to.contain(CARER_TEXT);
      if (lang === 'en-GB') {
        expect(listed(el, 'broad')[0]).to.contain('75% agree');
        expect(listed(el, 'divided')[0]).to.contain('50% agree, 50% disagree').and.contain('written by a carer').and.contain('from 20% to 80%');
        expect(shown(el)).to.contain('Where most carers agree').and.contain('Where carers are divided').and.contain('1 statement has too few votes to be included yet.');
      } else {
        expect(shown(el)).to.contain('جہاں زیادہ تر دیکھ بھال کرنے والے متفق ہیں').and.contain('جہاں دیکھ بھال کرنے والوں کی رائے بٹی ہوئی ہے');
        expect(el.shadowRoot!.querySelector('.poll')?.getAttribute('lang')).to.equal('ur');
      }
      await expect(el).to.be.accessible();
      el.remove();
      // closed, showing the results
      const closedDef = poll('statements', { closes: new Date(Date.now() - DAY).toISOString() });
      const closed = await renderPoll({ definition: closedDef, database: freshDatabase() }, attrs(endpoint));
      await until(() => Boolean(closed.shadowRoot!.querySelector('[data-lists]')), 'the lists after closing');
      await settle(closed);
      expect(closed.shadowRoot!.querySelector('[data-state="closed"]')).to.not.equal(null);
      await expect(closed).to.be.accessible();
      await closeDeviceStore(database);
    });
  }

  it('no lists when the collector sends none, and "No statement yet." for an empty list', async () => {
    const { endpoint } = await serverWithApproved({ results: { ...results, statementLists: { ...results.statementLists, broad: [], tooFew: 0 } } });
    const database = freshDatabase();
    await rememberVote('test-statements', { id: crypto.randomUUID(), answers: { info: 'agree', break: 'agree', listened: 'agree' }, at: new Date().toISOString(), version: 1 }, database);
    const el = await renderPoll({ definition: polls.statements, database }, { endpoint, partner: 'hub' });
    await until(() => Boolean(el.shadowRoot!.querySelector('[data-lists]')), 'the lists');
    await settle(el);
    expect(el.shadowRoot!.querySelector('[data-list="broad"]')?.textContent?.trim()).to.equal('No statement yet.');
    expect(el.shadowRoot!.querySelector('[data-too-few]')).to.equal(null);
    await closeDeviceStore(database);
  });
});
