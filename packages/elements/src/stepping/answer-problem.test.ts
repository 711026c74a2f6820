import { expect } from '@open-wc/testing';
import type { AnswerProblem } from '@carers-voice/core/response';
import { answerProblemText } from './answer-problem.js';

const problem = (code: AnswerProblem['code'], params?: AnswerProblem['params']): AnswerProblem => ({
  question: 'q',
  code,
  message: `core says ${code}`,
  ...(params ? { params } : {}),
});

describe('answerProblemText (survey, quiz and poll)', () => {
  it('asks for what each kind of question needs when it is left unanswered', () => {
    expect(answerProblemText(problem('required'), 'single')).to.equal('Select an answer');
    expect(answerProblemText(problem('required'), undefined)).to.equal('Select an answer');
    expect(answerProblemText(problem('required'), 'multiple')).to.equal('Select at least one answer');
    expect(answerProblemText(problem('required'), 'textarea')).to.equal('Enter your answer');
    expect(answerProblemText(problem('required'), 'number')).to.equal('Enter a number');
    expect(answerProblemText(problem('required'), 'ranking')).to.equal('Put the items in order using the Move up and Move down buttons');
    expect(answerProblemText(problem('required'), 'points')).to.equal('Give out your points');
    expect(answerProblemText(problem('required'), 'statement')).to.equal('Select agree, disagree or pass');
  });

  it('words limits with their numbers, in the singular or plural', () => {
    expect(answerProblemText(problem('too-many', { max: 1 }), 'multiple')).to.equal('Select no more than 1 answer');
    expect(answerProblemText(problem('too-many', { max: 3 }), 'multiple')).to.equal('Select no more than 3 answers');
    expect(answerProblemText(problem('too-many', { exclusive: 'none' }), 'multiple')).to.equal('You cannot choose that answer together with other answers');
    expect(answerProblemText(problem('too-few', { min: 2 }), 'multiple')).to.equal('Select at least 2 answers');
    expect(answerProblemText(problem('points-under', { total: 10 }), 'points')).to.equal('Give out all 10 points');
  });

  it("falls back to core's message for a code it has no words for", () => {
    expect(answerProblemText(problem('unknown-question'), 'single')).to.equal('core says unknown-question');
  });
});
