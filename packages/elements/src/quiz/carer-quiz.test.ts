/**
 * Keyboard-only journeys through each content pack quiz: Tab, Space, arrow keys and Enter, never a
 * click. Score quizzes end on the score `scoreQuiz` gives for the answers sent; "am I a carer?"
 * ends on the outcome `identifyOutcome` gives.
 */
import { expect, oneEvent } from '@open-wc/testing';
import type { Answers, Quiz, QuizQuestion } from '@carers-voice/core/content';
import { identifyOutcome, scoreQuiz } from '@carers-voice/core/logic';
import type { CarerQuiz } from './carer-quiz.js';
import { activate, announced, chooseByKeyboard, currentQuestion, deepActive, freshDatabase, heading, packs, renderQuiz, seen } from './test-helpers.js';

/** A mix of right, wrong and part-right answers, so the score is neither 0 nor full. */
function pick(q: QuizQuestion, i: number): string[] {
  if ((q.type !== 'single' && q.type !== 'multiple') || !q.answer) throw new Error(`${q.id} is not a scored question`);
  const correct = q.answer.correct;
  const wrong = q.options.map((o) => o.value).filter((v) => !correct.includes(v));
  if (i % 3 === 0) return [...correct];
  if (i % 3 === 1) return [wrong[0]!];
  return q.type === 'multiple' ? [correct[0]!] : [...correct];
}

async function completeByKeyboard(el: CarerQuiz, quiz: Quiz): Promise<Answers> {
  const given: Answers = {};
  for (let i = 0; i < quiz.questions.length; i++) {
    const q = quiz.questions[i]!;
    expect(currentQuestion(el)).to.equal(q.id);
    const values = pick(q, i);
    given[q.id] = q.type === 'single' ? values[0]! : values;
    await chooseByKeyboard(el, q.id, values);
    await activate(el, /^Check answer/);
    // Focus is on the feedback heading, which says right or wrong in words.
    const verdict = deepActive()!;
    expect(verdict.hasAttribute('data-verdict')).to.equal(true);
    expect(seen(verdict)).to.match(/^(Right|Partly right|Wrong)$/);
    expect(announced(el)).to.match(new RegExp(`^${seen(verdict)}\\. You have [0-9.]+ out of ${i + 1} so far\\.$`));
    await activate(el, i === quiz.questions.length - 1 ? /See your score/ : /Next question/);
  }
  return given;
}

describe('<carer-quiz> keyboard only', () => {
  for (const [name, quiz] of [
    ['carer-awareness-quiz', packs.public],
    ['carer-awareness-professionals', packs.staff],
  ] as const) {
    it(`completes ${name} with the keyboard and shows the score and band scoreQuiz gives`, async function () {
      this.timeout(60000);
      const el = await renderQuiz({ instrument: name, database: freshDatabase() });
      expect(heading(el)).to.equal(quiz.title);
      const submitted = oneEvent(el, 'carer-submit');
      const given = await completeByKeyboard(el, quiz);
      const envelope = (await submitted).detail.envelope as { answers: Answers };
      expect(envelope.answers).to.deep.equal(given);
      const expected = scoreQuiz(quiz, given);
      expect(expected.score).to.be.greaterThan(0).and.lessThan(expected.max);
      expect(heading(el)).to.equal(`You scored ${expected.score} out of ${expected.max}`);
      expect(seen(el.shadowRoot!.querySelector('[part="result"]'))).to.contain(expected.band!.title);
      expect(seen(el.shadowRoot!)).to.contain(expected.band!.message);
      // Review and Try again are reachable by keyboard too.
      await activate(el, /Review your answers/);
      expect(heading(el)).to.equal('Review your answers');
      expect(el.shadowRoot!.querySelectorAll('.review__item')).to.have.length(quiz.questions.length);
      await activate(el, /Try again/);
      expect(currentQuestion(el)).to.equal(quiz.questions[0]!.id);
    });
  }

  it('completes "am I a carer?" with the keyboard, Back included, and lands on the outcome identifyOutcome gives', async function () {
    this.timeout(30000);
    const quiz = packs.identify;
    const el = await renderQuiz({ instrument: 'am-i-a-carer', database: freshDatabase() });
    const path: Record<string, string> = { 'age-band': '18-25', 'helps-someone': 'not-sure', reason: 'yes', who: 'sibling', 'how-often': 'every-week', paid: 'no' };
    const submitted = oneEvent(el, 'carer-submit');
    let wentBack = false;
    for (let i = 0; i < 12 && currentQuestion(el); i++) {
      const qid = currentQuestion(el)!;
      await chooseByKeyboard(el, qid, [path[qid]!]);
      await activate(el, /Continue/);
      expect(deepActive()?.localName === 'legend' || Boolean(el.outcome)).to.equal(true);
      if (qid === 'reason' && !wentBack) {
        wentBack = true;
        await activate(el, /Back/, 'Shift+Tab');
        expect(currentQuestion(el)).to.equal('reason');
        await activate(el, /Continue/);
      }
    }
    const envelope = (await submitted).detail.envelope as { answers: Answers };
    expect(envelope.answers).to.deep.equal(path);
    const outcome = identifyOutcome(quiz, path)!;
    expect(outcome.id).to.equal('adult-carer');
    expect(heading(el)).to.equal(outcome.title);
  });
});
