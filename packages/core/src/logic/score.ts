/**
 * Quiz scoring and "which outcome am I?".
 *
 * Scoring rule (each scored question is worth 1):
 * - single: 1 when the chosen option is the correct one, else 0.
 * - multiple, exactly the correct options chosen: 1.
 * - multiple with `partialCredit`: max(0, (right picks − wrong picks) / number of correct options),
 *   so guessing every box earns nothing and each wrong pick cancels a right one.
 * - multiple without `partialCredit`: anything but the exact set is 0.
 * `correct` is true only for full credit. The score is the sum of credits (rounded to 2 places);
 * its band is the one containing the whole-number part of the score.
 */
import type { Answers, Band, Outcome, Quiz } from '../content/index.js';
import { answerOf, evaluateCondition } from './condition.js';
import { computeVisibility } from './visibility.js';

export interface QuestionScore {
  id: string;
  correct: boolean;
  /** 0 to 1. */
  credit: number;
  /** Whether the carer answered at all. */
  answered: boolean;
}

export interface QuizScore {
  score: number;
  /** The best possible score: the number of scored questions. */
  max: number;
  perQuestion: QuestionScore[];
  band: Band | undefined;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function scoreQuiz(quiz: Quiz, answers: Answers): QuizScore {
  const perQuestion: QuestionScore[] = [];
  for (const q of quiz.questions) {
    if ((q.type !== 'single' && q.type !== 'multiple') || !q.answer) continue;
    const correctSet = new Set(q.answer.correct);
    const raw = answerOf(answers, q.id);
    // Strict about shape: a single answer is one string, a multiple answer a list of strings.
    const given = q.type === 'single' ? (typeof raw === 'string' ? [raw] : []) : Array.isArray(raw) ? raw : [];
    const picks = [...new Set(given.filter((v): v is string => typeof v === 'string'))];
    const right = picks.filter((p) => correctSet.has(p)).length;
    const wrong = picks.length - right;
    let credit = 0;
    if (right === correctSet.size && wrong === 0 && picks.length > 0) credit = 1;
    else if (q.type === 'multiple' && q.answer.partialCredit && correctSet.size > 0) {
      credit = Math.max(0, (right - wrong) / correctSet.size);
    }
    perQuestion.push({ id: q.id, correct: credit === 1, credit: round(credit), answered: picks.length > 0 });
  }
  const score = round(perQuestion.reduce((sum, p) => sum + p.credit, 0));
  const whole = Math.floor(score);
  const band = quiz.bands?.find((b) => b.min <= whole && whole <= b.max);
  return { score, max: perQuestion.length, perQuestion, band };
}

/**
 * The first outcome whose `when` holds, reading only answers to questions the carer could see;
 * `undefined` when none does.
 */
export function identifyOutcome(quiz: Quiz, answers: Answers): Outcome | undefined {
  const shown = computeVisibility(quiz, answers).answers;
  return quiz.outcomes?.find((o) => evaluateCondition(o.when, shown));
}
