import { expect, oneEvent } from '@open-wc/testing';
import { scoreQuiz } from '@carers-voice/core/logic';
import type { Quiz } from '@carers-voice/core/content';
import { setLocale } from '../../packages/elements/src/i18n/index.js';
import {
  announced,
  button,
  choose,
  currentQuestion,
  deepActive,
  deepAll,
  freshDatabase,
  heading,
  press,
  renderQuiz,
  seen,
  settle,
  smallQuiz,
} from '../../packages/elements/src/quiz/test-helpers.js';

const quiz = smallQuiz as unknown as Quiz;

function verdict(el: Element): HTMLElement {
  const v = el.shadowRoot!.querySelector<HTMLElement>('[data-verdict]');
  if (!v) throw new Error('no feedback showing');
  return v;
}

describe('<carer-quiz> score mode', () => {
  it('shows the first question with the title, intro and progress, and is accessible', async () => {
    const el = await renderQuiz({ definition: smallQuiz, database: freshDatabase() });
    expect(heading(el)).to.equal('Test quiz');
    const page = seen(el.shadowRoot!);
    expect(page).to.contain('Three questions for tests.');
    expect(page).to.contain('Question 1 of 3');
    expect(currentQuestion(el)).to.equal('any-age');
    expect(seen(button(el, /Check answer/))).to.equal('Check answer');
    await expect(el).to.be.accessible();
  });

  it('Check answer with nothing chosen shows the GOV.UK error summary and an inline error, and keeps the question', async () => {
    const el = await renderQuiz({ definition: smallQuiz, database: freshDatabase() });
    await press(el, /Check answer/);
    const summary = el.shadowRoot!.querySelector('carer-error-summary')!;
    expect(seen(summary)).to.equal('There is a problem Select an answer');
    expect(deepActive()?.closest('.summary') ?? deepActive()).to.exist;
    expect(deepAll(summary, '[role="alert"]').length).to.equal(1);
    const inline = deepAll(el, '.error-message')[0];
    expect(seen(inline)).to.equal('Error: Select an answer');
    expect(el.shadowRoot!.querySelector('[data-verdict]')).to.equal(null);
    expect(currentQuestion(el)).to.equal('any-age');
    await expect(el).to.be.accessible();
    // The summary's link takes the carer to the first option.
    (deepAll(summary, 'a')[0] as HTMLAnchorElement).click();
    await settle(el);
    expect((deepActive() as HTMLInputElement).name).to.equal('any-age');
  });

  it('a right answer says "Right" in words with a tick icon, gives the answer, explanation and source, announces the running score and takes focus', async () => {
    const el = await renderQuiz({ definition: smallQuiz, database: freshDatabase() });
    await choose(el, 'any-age', 'yes');
    await press(el, /Check answer/);
    const v = verdict(el);
    expect(seen(v)).to.equal('Right');
    expect(v.getAttribute('data-result')).to.equal('right');
    const icon = v.querySelector('svg')!;
    expect(icon.getAttribute('aria-hidden')).to.equal('true');
    expect(deepActive()).to.equal(v);
    const feedback = seen(el.shadowRoot!.querySelector('[part="feedback"]'));
    expect(feedback).to.contain('Your answer Yes');
    expect(feedback).to.contain('The right answer Yes');
    expect(feedback).to.contain('Anyone of any age can be a carer.');
    expect(feedback).to.contain('You have 1 out of 1 so far.');
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('.feedback__source a')!;
    expect(link.href).to.equal('https://www.legislation.gov.uk/ukpga/2014/6/section/96');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.contain('noopener');
    expect(seen(link)).to.equal('Children and Families Act 2014 (opens in new tab)');
    expect(announced(el)).to.equal('Right. You have 1 out of 1 so far.');
    // The inputs are gone: a checked answer cannot be changed.
    expect(el.shadowRoot!.querySelector('carer-question')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a wrong answer says "Wrong" with a cross, shows the right answer and the chosen option’s own explanation', async () => {
    const el = await renderQuiz({ definition: smallQuiz, database: freshDatabase() });
    await choose(el, 'any-age', 'no');
    await press(el, /Check answer/);
    const v = verdict(el);
    expect(seen(v)).to.equal('Wrong');
    expect(v.getAttribute('data-result')).to.equal('wrong');
    const feedback = seen(el.shadowRoot!.querySelector('[part="feedback"]'));
    expect(feedback).to.contain('Your answer No');
    expect(feedback).to.contain('The right answer Yes');
    expect(feedback).to.contain('Many children look after someone at home.');
    expect(feedback).to.not.contain('Anyone of any age can be a carer.');
    expect(announced(el)).to.equal('Wrong. You have 0 out of 1 so far.');
    await expect(el).to.be.accessible();
  });

  it('Next question moves focus to the new question’s legend', async () => {
    const el = await renderQuiz({ definition: smallQuiz, database: freshDatabase() });
    await choose(el, 'any-age', 'yes');
    await press(el, /Check answer/);
    await press(el, /Next question/);
    expect(currentQuestion(el)).to.equal('who');
    expect(seen(el.shadowRoot!)).to.contain('Question 2 of 3');
    const active = deepActive()!;
    expect(active.localName).to.equal('legend');
    expect(seen(active)).to.equal('Which of these people are carers?');
  });

  it('gives part marks on a multiple question that allows them, and none for a wrong pick cancelling a right one', async () => {
    const el = await renderQuiz({ definition: smallQuiz, database: freshDatabase() });
    await choose(el, 'any-age', 'yes');
    await press(el, /Check answer/);
    await press(el, /Next question/);
    await choose(el, 'who', 'daughter');
    await press(el, /Check answer/);
    expect(seen(verdict(el))).to.equal('Partly right');
    expect(announced(el)).to.equal('Partly right. You have 1.5 out of 2 so far.');
    const feedback = seen(el.shadowRoot!.querySelector('[part="feedback"]'));
    expect(feedback).to.contain('The right answers A daughter helping her mum A friend doing the shopping for a neighbour who is ill');
    expect(feedback).to.contain('Source: Care Act 2014');

    const again = await renderQuiz({ definition: smallQuiz, database: freshDatabase() });
    await choose(again, 'any-age', 'yes');
    await press(again, /Check answer/);
    await press(again, /Next question/);
    await choose(again, 'who', 'daughter', 'nurse');
    await press(again, /Check answer/);
    expect(seen(verdict(again))).to.equal('Wrong');
  });

  it('ends with the score and band scoreQuiz gives, a review of every answer, and Try again starts a new attempt', async () => {
    const el = await renderQuiz({ definition: smallQuiz, database: freshDatabase() });
    const firstAttempt = el.attemptId;
    await choose(el, 'any-age', 'yes');
    await press(el, /Check answer/);
    await press(el, /Next question/);
    await choose(el, 'who', 'daughter', 'friend');
    await press(el, /Check answer/);
    await press(el, /Next question/);
    await choose(el, 'census', 'few');
    await press(el, /Check answer/);
    const submitted = oneEvent(el, 'carer-submit');
    await press(el, /See your score/);
    const envelope = (await submitted).detail.envelope as { id: string; answers: Record<string, unknown>; instrument: { id: string } };
    expect(envelope.id).to.equal(firstAttempt);
    expect(envelope.answers).to.deep.equal({ 'any-age': 'yes', who: ['daughter', 'friend'], census: 'few' });

    const expected = scoreQuiz(quiz, envelope.answers as never);
    expect(expected.score).to.equal(2);
    expect(heading(el)).to.equal(`You scored ${expected.score} out of ${expected.max}`);
    expect(deepActive()).to.equal(el.shadowRoot!.querySelector('[data-heading]'));
    const page = seen(el.shadowRoot!);
    expect(page).to.contain(expected.band!.title);
    expect(page).to.contain(expected.band!.message);
    expect(page).to.contain('Carers hub (opens in new tab)');
    expect(page).to.contain('Your answers have not been sent anywhere');
    expect(announced(el)).to.equal('You scored 2 out of 3.');
    await expect(el).to.be.accessible();

    await press(el, /Review your answers/);
    expect(heading(el)).to.equal('Review your answers');
    const items = [...el.shadowRoot!.querySelectorAll('.review__item')].map((i) => seen(i));
    expect(items).to.have.length(3);
    expect(items[0]).to.contain('Can a child be a carer?').and.contain('Right').and.contain('Your answer Yes');
    expect(items[2]).to.contain('Wrong').and.contain('Your answer About half a million').and.contain('The right answer About 4.7 million');
    expect(items[2]).to.contain('The Census counted about 4.7 million.');
    await expect(el).to.be.accessible();

    await press(el, /Try again/);
    expect(el.attemptId).to.not.equal(firstAttempt);
    expect(currentQuestion(el)).to.equal('any-age');
    expect(seen(el.shadowRoot!)).to.contain('Question 1 of 3');
    const active = deepActive()!;
    expect(active.localName).to.equal('legend');
  });

  it('display "all": every question on one page, each checked in place, then the score', async () => {
    const el = await renderQuiz({ definition: { ...smallQuiz, display: 'all' }, database: freshDatabase() });
    expect(el.shadowRoot!.querySelectorAll('carer-question')).to.have.length(3);
    await choose(el, 'who', 'nurse');
    // The second question's own Check answer button.
    const checks = [...el.shadowRoot!.querySelectorAll('button')].filter((b) => /Check answer/.test(seen(b)));
    expect(seen(checks[1])).to.equal('Check answer to question 2');
    checks[1]!.click();
    await settle(el);
    await new Promise((r) => setTimeout(r, 0));
    expect(seen(verdict(el))).to.equal('Wrong');
    expect(deepActive()).to.equal(verdict(el));
    await expect(el).to.be.accessible();
    // "See your score" with one unanswered question lists it.
    await choose(el, 'any-age', 'yes');
    await press(el, /See your score/);
    expect(seen(el.shadowRoot!.querySelector('carer-error-summary'))).to.contain('Select an answer');
    await choose(el, 'census', 'many');
    await press(el, /See your score/);
    expect(heading(el)).to.equal('You scored 2 out of 3');
  });

  it('easy read: the toggle shows easy read wording of the title and questions', async () => {
    const el = await renderQuiz({ definition: smallQuiz, database: freshDatabase() });
    button(el, /Easy read/).click();
    await settle(el);
    expect(heading(el)).to.equal('Easy test quiz');
    expect(seen(el.shadowRoot!.querySelector('carer-question'))).to.contain('Can children be carers?');
    await expect(el).to.be.accessible();
  });

  it('fires carer-ready once loaded and carer-answer when the carer chooses, not when code sets things', async () => {
    const el = document.createElement('carer-quiz');
    el.database = freshDatabase();
    const ready = oneEvent(el, 'carer-ready');
    el.definition = smallQuiz;
    document.body.append(el);
    const { detail } = await ready;
    expect(detail).to.deep.equal({ instrument: { id: 'test-quiz', version: 1 }, kind: 'quiz', title: 'Test quiz' });
    await settle(el);
    const answers: unknown[] = [];
    el.addEventListener('carer-answer', (e) => answers.push(e.detail));
    el.easyRead = true;
    await settle(el);
    expect(answers).to.deep.equal([]);
    await choose(el, 'any-age', 'no');
    expect(answers).to.deep.equal([{ question: 'any-age', value: 'no' }]);
    el.remove();
  });

  it('error messages follow a change of language after they are shown', async () => {
    const el = await renderQuiz({ definition: smallQuiz, database: freshDatabase() });
    await press(el, /Check answer/);
    expect(seen(deepAll(el, '.error-message')[0])).to.equal('Error: Select an answer');
    await setLocale('ur');
    await settle(el);
    expect(seen(deepAll(el, '.error-message')[0])).to.equal('غلطی: ایک جواب منتخب کریں');
    expect(seen(el.shadowRoot!.querySelector('carer-error-summary'))).to.equal('ایک مسئلہ ہے ایک جواب منتخب کریں');
    await setLocale('en-GB');
  });

  it('shows a partner what is wrong with a definition that is not a quiz', async () => {
    const el = document.createElement('carer-quiz');
    const error = oneEvent(el, 'carer-error');
    el.definition = { ...smallQuiz, kind: 'poll' };
    document.body.append(el);
    const { detail } = await error;
    expect(detail.kind).to.equal('definition');
    await settle(el);
    expect(seen(el.shadowRoot!)).to.contain('Sorry, this form is not working at the moment');
    el.remove();
  });
});

/** Each state a carer meets, checked by axe, in English and in Urdu (right to left). */
for (const lang of ['en-GB', 'ur']) {
  describe(`<carer-quiz> states are accessible (${lang})`, () => {
    after(async () => {
      await setLocale('en-GB');
    });

    it('unanswered, error, right, wrong, final and review', async () => {
      const el = await renderQuiz({ definition: smallQuiz, database: freshDatabase() }, { lang });
      await settle(el);
      expect(el.getAttribute('dir')).to.equal(lang === 'ur' ? 'rtl' : 'ltr');
      await expect(el, 'unanswered').to.be.accessible();
      el.shadowRoot!.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
      await settle(el);
      expect(el.shadowRoot!.querySelector('carer-error-summary [role="alert"], carer-error-summary')).to.exist;
      expect(deepAll(el, '.error-message')).to.have.length(1);
      await expect(el, 'error').to.be.accessible();
      await choose(el, 'any-age', 'yes');
      el.shadowRoot!.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
      await settle(el);
      expect(verdict(el).getAttribute('data-result')).to.equal('right');
      await expect(el, 'right').to.be.accessible();
      el.shadowRoot!.querySelector<HTMLButtonElement>('.button')!.click();
      await settle(el);
      await choose(el, 'who', 'nurse');
      el.shadowRoot!.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
      await settle(el);
      expect(verdict(el).getAttribute('data-result')).to.equal('wrong');
      await expect(el, 'wrong').to.be.accessible();
      el.shadowRoot!.querySelector<HTMLButtonElement>('.button')!.click();
      await settle(el);
      await choose(el, 'census', 'many');
      el.shadowRoot!.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
      await settle(el);
      el.shadowRoot!.querySelector<HTMLButtonElement>('.button')!.click();
      await settle(el);
      expect(el.shadowRoot!.querySelector('[part="result"]')).to.exist;
      await expect(el, 'final').to.be.accessible();
      el.shadowRoot!.querySelector<HTMLButtonElement>('.button-group .button')!.click();
      await settle(el);
      expect(el.shadowRoot!.querySelectorAll('.review__item')).to.have.length(3);
      await expect(el, 'review').to.be.accessible();
    });
  });
}
