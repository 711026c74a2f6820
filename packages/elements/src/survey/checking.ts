/**
 * Checking the carer's answers when they press Continue or Send (core's `checkAnswers`), and the
 * error message for each problem in the carer's language. Loaded after the first page is up (see
 * later.ts): the first page shows no errors until Continue is pressed.
 */
import { msg, str } from '@lit/localize';
import type { Answers, Survey } from '@carers-voice/core/content';
import { checkAnswers, type AnswerProblem } from '@carers-voice/core/response';
import { plural } from '../base/plural.js';
import { answerIds, questionsById, revealParents, type Step } from './steps.js';

/** Problems for the questions on this step (their follow-ups included). */
export function stepProblems(survey: Survey, step: Step, kept: Answers): AnswerProblem[] {
  const result = checkAnswers(survey, kept);
  if (result.ok) return [];
  const ids = new Set(step.questions.flatMap(answerIds));
  return result.problems.filter((p) => ids.has(p.question));
}

/** The first step after `index` with a question not yet answered as it must be. */
export function firstIncompleteAfter(survey: Survey, steps: Step[], index: number, kept: Answers): string | undefined {
  const result = checkAnswers(survey, kept);
  if (result.ok) return undefined;
  const failing = new Set(result.problems.map((p) => p.question));
  return steps.slice(index + 1).find((s) => s.questions.some((q) => answerIds(q).some((id) => failing.has(id))))?.key;
}

/** Before sending: the first step with a problem and its problems, or nothing when all is well. */
export function firstFailingStep(survey: Survey, steps: Step[], kept: Answers): { step: Step | undefined; problems: AnswerProblem[] } | undefined {
  const result = checkAnswers(survey, kept);
  if (result.ok) return undefined;
  const failing = new Set(result.problems.map((p) => p.question));
  const step = steps.find((s) => s.questions.some((q) => answerIds(q).some((id) => failing.has(id))));
  const problems = step ? result.problems.filter((p) => step.questions.some((q) => answerIds(q).includes(p.question))) : [];
  return { step, problems };
}

/** The error message for a problem, in the carer's language (core's English text as a last resort). */
export function problemText(survey: Survey, p: AnswerProblem): string {
  const q = questionsById(survey).get(p.question) ?? revealParents(survey).get(p.question)?.reveal;
  const type = q?.type;
  const n = (key: string) => {
    const v = p.params?.[key];
    return typeof v === 'number' ? v : Number(v ?? NaN);
  };
  switch (p.code) {
    case 'required':
      switch (type) {
        case 'multiple':
          return msg('Select at least one answer', { id: 'survey.error.required-multiple' });
        case 'text':
        case 'textarea':
          return msg('Enter your answer', { id: 'survey.error.required-text' });
        case 'number':
          return msg('Enter a number', { id: 'survey.error.required-number' });
        case 'ranking':
          return msg('Put the options in order', { id: 'survey.error.required-ranking' });
        case 'points':
          return msg('Give out your points', { id: 'survey.error.required-points' });
        default:
          return msg('Select an answer', { id: 'survey.error.required-choice' });
      }
    case 'not-an-option':
      return msg('Choose one of the answers shown', { id: 'survey.error.not-an-option' });
    case 'too-many':
      if (p.params?.['exclusive'] !== undefined) {
        return msg('You cannot choose that answer together with other answers', { id: 'survey.error.exclusive' });
      }
      return plural(n('max'), {
        one: () => msg(str`Select no more than ${n('max')} answer`, { id: 'survey.error.too-many-one' }),
        other: () => msg(str`Select no more than ${n('max')} answers`, { id: 'survey.error.too-many' }),
      });
    case 'too-few':
      return plural(n('min'), {
        one: () => msg(str`Select at least ${n('min')} answer`, { id: 'survey.error.too-few-one' }),
        other: () => msg(str`Select at least ${n('min')} answers`, { id: 'survey.error.too-few' }),
      });
    case 'too-long':
      return msg(str`Your answer must be ${n('max')} characters or fewer`, { id: 'survey.error.too-long' });
    case 'below-min':
      return msg(str`Enter a number of ${n('min')} or more`, { id: 'survey.error.below-min' });
    case 'above-max':
      return msg(str`Enter a number of ${n('max')} or less`, { id: 'survey.error.above-max' });
    case 'not-a-number':
      return msg('Enter a number, like 12', { id: 'survey.error.not-a-number' });
    case 'not-whole':
      return msg('Enter a whole number, like 12', { id: 'survey.error.not-whole' });
    case 'duplicate':
      return msg('Each answer can only be placed once', { id: 'survey.error.duplicate' });
    case 'points-over':
      return msg(str`You have given out more than ${n('total')} points`, { id: 'survey.error.points-over' });
    case 'points-under':
      return msg(str`Give out all ${n('total')} points`, { id: 'survey.error.points-under' });
    default:
      return p.message;
  }
}
