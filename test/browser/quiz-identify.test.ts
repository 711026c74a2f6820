import { expect, oneEvent } from '@open-wc/testing';
import { identifyOutcome } from '@carers-voice/core/logic';
import { setLocale } from '../../packages/elements/src/i18n/index.js';
import type { CarerQuiz } from '../../packages/elements/src/quiz/carer-quiz.js';
import {
  act,
  choose,
  currentQuestion,
  deepActive,
  deepAll,
  freshDatabase,
  heading,
  packs,
  press,
  renderQuiz,
  seen,
} from '../../packages/elements/src/quiz/test-helpers.js';

const quiz = packs.identify;

/** Answers each question that shows, by id, pressing Continue, until the outcome page. Returns the questions seen. */
async function walk(el: CarerQuiz, path: Record<string, string>): Promise<string[]> {
  const asked: string[] = [];
  for (let i = 0; i < 20; i++) {
    const qid = currentQuestion(el);
    if (!qid) break;
    const value = path[qid];
    if (!value) throw new Error(`the path has no answer for "${qid}"`);
    asked.push(qid);
    await choose(el, qid, value);
    await act(el, 'continue');
  }
  return asked;
}

interface PathCase {
  name: string;
  path: Record<string, string>;
  outcome: string;
  title: string;
  mentions: string[];
}

const cases: PathCase[] = [
  {
    name: 'adult carer',
    path: { 'age-band': '26-64', 'helps-someone': 'yes', reason: 'yes', who: 'parent', 'how-often': 'every-day', paid: 'no' },
    outcome: 'adult-carer',
    title: 'It sounds like you are a carer',
    mentions: ["Ask for a carer's assessment", 'Tell your GP practice that you are a carer', "carer's leave"],
  },
  {
    name: 'adult carer who gets Carer’s Allowance and is not sure',
    path: { 'age-band': '65-plus', 'helps-someone': 'not-sure', reason: 'not-sure', who: 'partner', 'how-often': 'now-and-then', paid: 'carers-benefit' },
    outcome: 'adult-carer',
    title: 'It sounds like you are a carer',
    mentions: ["Ask for a carer's assessment"],
  },
  {
    name: 'young carer',
    path: { 'age-band': 'under-18', 'helps-someone': 'yes', reason: 'yes', who: 'parent', 'how-often': 'every-week', paid: 'no' },
    outcome: 'young-carer',
    title: 'It sounds like you are a young carer',
    mentions: ["Ask for a young carer's needs assessment", 'Childline', '0800 1111'],
  },
  {
    name: 'not a carer: helps nobody',
    path: { 'age-band': '26-64', 'helps-someone': 'no' },
    outcome: 'not-a-carer',
    title: quiz.outcomes!.find((o) => o.id === 'not-a-carer')!.title,
    mentions: [],
  },
  {
    name: 'not a carer: the person has no extra needs',
    path: { 'age-band': '18-25', 'helps-someone': 'yes', reason: 'no' },
    outcome: 'not-a-carer',
    title: quiz.outcomes!.find((o) => o.id === 'not-a-carer')!.title,
    mentions: [],
  },
  {
    name: 'young person who helps nobody (young wording)',
    path: { 'age-band': 'under-18', 'helps-someone': 'no' },
    outcome: 'not-a-carer',
    title: quiz.outcomes!.find((o) => o.id === 'not-a-carer')!.young?.title ?? quiz.outcomes!.find((o) => o.id === 'not-a-carer')!.title,
    mentions: [],
  },
  {
    name: 'paid care worker',
    path: { 'age-band': '26-64', 'helps-someone': 'yes', reason: 'yes', who: 'friend', 'how-often': 'every-day', paid: 'job' },
    outcome: 'paid-or-volunteer',
    title: quiz.outcomes!.find((o) => o.id === 'paid-or-volunteer')!.title,
    mentions: [],
  },
];

describe('<carer-quiz> identify mode ("am I a carer?")', () => {
  for (const c of cases) {
    it(`reaches the ${c.outcome} page for: ${c.name}`, async () => {
      const el = await renderQuiz({ instrument: 'am-i-a-carer', database: freshDatabase() });
      expect(heading(el)).to.equal('Am I a carer?');
      const submitted = oneEvent(el, 'carer-submit');
      const asked = await walk(el, c.path);
      expect(asked).to.deep.equal(Object.keys(c.path));
      const envelope = (await submitted).detail.envelope as { answers: Record<string, string> };
      expect(envelope.answers).to.deep.equal(c.path);
      // The page shown is the one core's rule picks for the answers sent.
      expect(identifyOutcome(quiz, envelope.answers)?.id).to.equal(c.outcome);
      expect(el.outcome?.id).to.equal(c.outcome);
      expect(el.shadowRoot!.querySelector('[data-outcome]')!.getAttribute('data-outcome')).to.equal(c.outcome);
      expect(heading(el)).to.equal(c.title);
      expect(deepActive()).to.equal(el.shadowRoot!.querySelector('[data-heading]'));
      const page = seen(el.shadowRoot!);
      for (const m of c.mentions) expect(page).to.contain(m);
      // The partner's signposting ends every outcome; no score anywhere.
      expect(page).to.contain('Samaritans');
      expect(page).to.not.match(/You scored|so far/);
    });
  }

  it('uses young carers’ wording for the questions once the carer says they are under 18', async () => {
    const el = await renderQuiz({ instrument: 'am-i-a-carer', database: freshDatabase() });
    await choose(el, 'age-band', 'under-18');
    await press(el, /Continue/);
    expect(currentQuestion(el)).to.equal('helps-someone');
    const young = quiz.questions.find((q) => q.id === 'helps-someone')!.young!.label!;
    expect(seen(deepAll(el, 'legend')[0])).to.equal(young);
    expect(deepActive()?.localName).to.equal('legend');
  });

  it('Continue with no answer shows the error summary; Back keeps answers; a changed branch drops hidden answers', async () => {
    const el = await renderQuiz({ instrument: 'am-i-a-carer', database: freshDatabase() });
    await press(el, /Continue/);
    expect(seen(el.shadowRoot!.querySelector('carer-error-summary'))).to.equal('There is a problem Select an answer');
    await expect(el).to.be.accessible();
    await choose(el, 'age-band', '26-64');
    await press(el, /Continue/);
    await choose(el, 'helps-someone', 'yes');
    await press(el, /Continue/);
    expect(currentQuestion(el)).to.equal('reason');
    // Branching changes how many questions there are, so no "Question 3 of N" is shown.
    expect(seen(el.shadowRoot!)).to.not.match(/Question \d+ of/);
    await press(el, /Back/);
    expect(currentQuestion(el)).to.equal('helps-someone');
    expect(deepAll(el, 'input').filter((i) => (i as HTMLInputElement).checked).map((i) => (i as HTMLInputElement).value)).to.deep.equal(['yes']);
    await choose(el, 'helps-someone', 'no');
    const submitted = oneEvent(el, 'carer-submit');
    await press(el, /Continue/);
    const envelope = (await submitted).detail.envelope as { answers: Record<string, string> };
    expect(envelope.answers).to.deep.equal({ 'age-band': '26-64', 'helps-someone': 'no' });
    expect(el.outcome?.id).to.equal('not-a-carer');
  });

  it('display "all": branching questions appear on one page as they apply, then the outcome', async () => {
    const el = await renderQuiz({ instrument: 'am-i-a-carer', display: 'all', database: freshDatabase() });
    expect(el.shadowRoot!.querySelectorAll('carer-question')).to.have.length(2);
    await choose(el, 'age-band', '26-64');
    await choose(el, 'helps-someone', 'yes');
    await choose(el, 'reason', 'yes');
    expect(el.shadowRoot!.querySelectorAll('carer-question')).to.have.length(6);
    await press(el, /See my result/);
    expect(seen(el.shadowRoot!.querySelector('carer-error-summary'))).to.contain('Select an answer');
    await choose(el, 'who', 'parent');
    await choose(el, 'how-often', 'every-day');
    await choose(el, 'paid', 'no');
    await press(el, /See my result/);
    expect(el.outcome?.id).to.equal('adult-carer');
  });

  for (const lang of ['en-GB', 'ur']) {
    it(`the adult and young outcome pages are accessible (${lang})`, async () => {
      for (const c of [cases[0]!, cases[2]!]) {
        const el = await renderQuiz({ instrument: 'am-i-a-carer', database: freshDatabase() }, { lang });
        await walk(el, c.path);
        expect(el.outcome?.id).to.equal(c.outcome);
        const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[target="_blank"]')];
        expect(links.length).to.be.greaterThan(0);
        const newTab = lang === 'ur' ? /\(نئے ٹیب میں کھلتا ہے\)$/ : /\(opens in new tab\)$/;
        for (const a of links) expect(seen(a)).to.match(newTab);
        await expect(el).to.be.accessible();
      }
      await setLocale('en-GB');
    });
  }
});
