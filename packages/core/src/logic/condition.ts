/**
 * Show-if conditions, evaluated as data (never `eval`), so a definition from a partner's URL can
 * only ever hide or show questions.
 *
 * How each leaf reads the answer to its question:
 * - `equals`: a string or number answer must equal the value (`5` and `"5"` are equal); a list
 *   answer (multiple, ranking) must include it; a points answer must give that option some points.
 * - `in`: like `equals` for any one of the values (for a list: any overlap).
 * - `answered`: true when there is a real answer — not an empty or blank string, not an empty list,
 *   not a points answer with nothing given out.
 * Anything unexpected (a missing answer, a malformed condition) is false, never an error.
 */
import type { Answers, AnswerValue, Condition, Scalar } from '../content/index.js';

/** The answer to `id`, reading only the object's own keys (so "constructor" is never Object's). */
export function answerOf(answers: Answers | undefined, id: string): AnswerValue | undefined {
  if (!answers || typeof answers !== 'object' || !Object.hasOwn(answers, id)) return undefined;
  return answers[id];
}

/** Whether an answer counts as given (see the rules above). */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'boolean') return true;
  if (Array.isArray(value)) return value.some((v) => isAnswered(v));
  if (typeof value === 'object') return Object.values(value).some((v) => typeof v === 'number' && v > 0);
  return false;
}

function same(a: unknown, b: Scalar): boolean {
  if (a === b) return true;
  if ((typeof a === 'number' && typeof b === 'string') || (typeof a === 'string' && typeof b === 'number')) {
    return String(a).trim() !== '' && String(a) === String(b);
  }
  return false;
}

function matches(answer: AnswerValue | undefined, value: Scalar): boolean {
  if (answer === undefined || answer === null) return false;
  if (Array.isArray(answer)) return answer.some((a) => same(a, value));
  if (typeof answer === 'object') {
    return typeof value === 'string' && Object.hasOwn(answer, value) && typeof answer[value] === 'number' && answer[value]! > 0;
  }
  return same(answer, value);
}

const MAX_DEPTH = 64;

/** Whether `condition` holds for `answers`. Never throws; a malformed condition is false. */
export function evaluateCondition(condition: Condition, answers: Answers, depth = 0): boolean {
  try {
    if (depth > MAX_DEPTH || condition === null || typeof condition !== 'object') return false;
    if ('all' in condition) {
      return Array.isArray(condition.all) && condition.all.every((c) => evaluateCondition(c, answers, depth + 1));
    }
    if ('any' in condition) {
      return Array.isArray(condition.any) && condition.any.some((c) => evaluateCondition(c, answers, depth + 1));
    }
    if ('not' in condition) return !evaluateCondition(condition.not, answers, depth + 1);
    if (typeof condition.question !== 'string') return false;
    const answer = answerOf(answers, condition.question);
    if ('equals' in condition) return matches(answer, condition.equals);
    if ('in' in condition) return Array.isArray(condition.in) && condition.in.some((v) => matches(answer, v));
    if ('answered' in condition) return isAnswered(answer) === (condition.answered === true);
    return false;
  } catch {
    return false;
  }
}
