/**
 * The words a carer sees for a problem with an answer (core's `checkAnswers` codes), in their
 * language, shared by the survey, the quiz and the poll. Only their lazy chunks import it
 * (survey/checking.ts, quiz/quiz-later.ts, poll/poll-later.ts): problems appear only after a
 * press has checked the answers, and checking comes with those chunks.
 *
 * The message ids are the ones each wording was first translated under (mostly `survey.error.*`),
 * so the existing translations still apply.
 */
import { msg, str } from '@lit/localize';
import type { QuestionType } from '@carers-voice/core/content';
import type { AnswerProblem } from '@carers-voice/core/response';
import { plural } from '../base/plural.js';

/** The message for `p` about a question of `type` (core's English text for a code with no wording here). */
export function answerProblemText(p: AnswerProblem, type: QuestionType | undefined): string {
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
          return msg('Put the items in order using the Move up and Move down buttons', { id: 'poll.error.required-ranking' });
        case 'points':
          return msg('Give out your points', { id: 'survey.error.required-points' });
        case 'statement':
          return msg('Select agree, disagree or pass', { id: 'poll.error.required-statement' });
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
