/**
 * The quiz's pure parts, kept out of the element so tests and the results side can reuse them:
 * which questions the carer sees (identify mode branches with show-if), who counts as a young
 * carer, and how a number of marks is written.
 */
import type { AnswerValue, Answers, Quiz, QuizQuestion } from '@carers-voice/core/content';
import { computeVisibility } from '@carers-voice/core/logic';

/** The top-level questions the carer will see, given the answers so far (follow-ups are shown by their parent). */
export function quizRoute(quiz: Quiz, answers: Answers): { questions: QuizQuestion[]; kept: Answers } {
  const visibility = computeVisibility(quiz, answers);
  const shown = new Set(visibility.visible.filter((e) => !e.parent).map((e) => e.question.id));
  return { questions: quiz.questions.filter((q) => shown.has(q.id)), kept: visibility.answers };
}

export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** The ids a question answers: its own and those of its follow-ups. */
export function answerIds(q: QuizQuestion): string[] {
  const reveal = (q.type === 'single' || q.type === 'multiple') && q.reveal ? Object.values(q.reveal).map((r) => r.id) : [];
  return [q.id, ...reveal];
}

const UNDER_18 = /^(under-?1[0-8]|(\d{1,2})-(1[0-7]|[0-9]))$/;

/**
 * Whether the answers say the carer is under 18: a question whose id contains "age" and whose
 * chosen option looks like an under-18 band (`under-18`, `11-15`), or a number below 18. The same
 * convention as the survey's (and `am-i-a-carer` asks `age-band` with `under-18`).
 */
export function answersSayYoung(quiz: Quiz, answers: Answers): boolean {
  for (const q of quiz.questions) {
    if (!/age/i.test(q.id)) continue;
    const value = answers[q.id];
    if (q.type === 'number' && typeof value === 'number') return value < 18;
    if ((q.type === 'single' || q.type === 'select') && typeof value === 'string' && UNDER_18.test(value)) {
      return q.options.some((o) => o.value === value);
    }
  }
  return false;
}

/** A score such as 10 or 10.5, in the carer's language ("10.5", "١٠٫٥"-style digits where the locale uses them). */
export function formatScore(n: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);
  } catch {
    return String(n);
  }
}
