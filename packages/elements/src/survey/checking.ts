/**
 * Checking the carer's answers when they press Continue or Send (core's `checkAnswers`), and the
 * error message for each problem in the carer's language (../stepping/answer-problem.ts, shared
 * with the quiz and the poll). Loaded after the first page is up (see later.ts): the first page
 * shows no errors until Continue is pressed.
 */
import type { Answers, Survey } from '@carers-voice/core/content';
import { checkAnswers, type AnswerProblem } from '@carers-voice/core/response';
import { answerProblemText } from '../stepping/answer-problem.js';
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
  return answerProblemText(p, q?.type);
}
