/**
 * Which questions and pages a carer sees, given their answers so far.
 *
 * One pass in order: a question is visible when its page is visible, its own `showIf` holds, and
 * (for a follow-up) its parent is visible and has the revealing option chosen. Conditions only see
 * answers to questions that are themselves visible, so an answer left behind on a question that
 * has since been hidden never switches anything on.
 */
import type { Answers, Definition, Page, Question, Survey } from '../content/index.js';
import { listQuestionsOnce, type QuestionEntry } from '../content/walk.js';
import { answerOf, evaluateCondition } from './condition.js';

export interface Visibility {
  /** Every answerable question (follow-ups included) that is shown, in order. */
  visible: QuestionEntry[];
  /** Every answerable question that is hidden. */
  hidden: QuestionEntry[];
  /** The answers to visible questions only. */
  answers: Answers;
  /** Survey only: the indexes of pages whose `showIf` holds. */
  pages: Set<number>;
}

export function computeVisibility(definition: Definition, answers: Answers): Visibility {
  const seen: Answers = {};
  const visible: QuestionEntry[] = [];
  const hidden: QuestionEntry[] = [];
  const shownIds = new Set<string>();
  const pages = new Set<number>();
  const pageChecked = new Set<number>();
  const survey = definition.kind === 'survey' ? definition : undefined;

  for (const entry of listQuestionsOnce(definition)) {
    let shown = true;
    if (survey && entry.page !== undefined) {
      if (!pageChecked.has(entry.page)) {
        pageChecked.add(entry.page);
        const page = survey.pages[entry.page]!;
        if (!page.showIf || evaluateCondition(page.showIf, seen)) pages.add(entry.page);
      }
      shown = pages.has(entry.page);
    }
    const q = entry.question;
    if (shown && q.showIf) shown = evaluateCondition(q.showIf, seen);
    if (shown && entry.parent) {
      const parentAnswer = answerOf(seen, entry.parent.id);
      shown =
        shownIds.has(entry.parent.id) &&
        (Array.isArray(parentAnswer) ? parentAnswer.includes(entry.parent.option) : parentAnswer === entry.parent.option);
    }
    if (shown) {
      visible.push(entry);
      shownIds.add(q.id);
      const answer = answerOf(answers, q.id);
      // Assigned (much cheaper than defineProperty, the same own property), except "__proto__".
      if (answer !== undefined) {
        if (q.id === '__proto__') Object.defineProperty(seen, q.id, { value: answer, enumerable: true, writable: true, configurable: true });
        else seen[q.id] = answer;
      }
    } else hidden.push(entry);
  }
  // Pages with no questions listed would not be visited above; a page always has at least one.
  return { visible, hidden, answers: seen, pages };
}

/** The questions (follow-ups included) a carer sees, in order. */
export function visibleQuestions(definition: Definition, answers: Answers): Question[] {
  return computeVisibility(definition, answers).visible.map((e) => e.question);
}

/** The pages of a survey a carer goes through: `showIf` holds and at least one question is shown. */
export function visiblePages(survey: Survey, answers: Answers): Page[] {
  const { visible } = computeVisibility(survey, answers);
  const withQuestions = new Set(visible.map((e) => e.page));
  return survey.pages.filter((_, i) => withQuestions.has(i));
}

/** The answers without those to hidden questions (answers to unknown ids are kept for checking). */
export function pruneHidden(definition: Definition, answers: Answers): Answers {
  const { hidden } = computeVisibility(definition, answers);
  const hiddenIds = new Set(hidden.map((e) => e.question.id));
  const out: Answers = {};
  for (const key of Object.keys(answers)) {
    if (hiddenIds.has(key)) continue;
    Object.defineProperty(out, key, { value: answers[key], enumerable: true, writable: true, configurable: true });
  }
  return out;
}
