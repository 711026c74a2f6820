/**
 * The survey's route, worked out from the definition and the answers so far: which pages (or, in
 * one-question-per-page mode, which questions) the carer will see, and which answers still count.
 * Show-if conditions only point backwards (core's `parseDefinition` checks that), so one pass in
 * order is enough: a question hidden because an earlier one is hidden is hidden too, and the
 * answers of every hidden question (and of follow-ups whose option is no longer chosen) are pruned.
 */
import type { AnswerValue, Answers, Page, Question, RevealQuestion, Survey } from '@carers-voice/core/content';
import { computeVisibility } from '@carers-voice/core/logic';

export interface Step {
  /** `pageId`, or `pageId/questionId` when the survey shows one question per page. */
  key: string;
  page: Page;
  questions: Question[];
}

export interface Route {
  steps: Step[];
  /** Only the answers that still count: visible questions and follow-ups of chosen options. */
  kept: Answers;
}

function reveals(q: Question): [string, RevealQuestion][] {
  return (q.type === 'single' || q.type === 'multiple') && q.reveal ? Object.entries(q.reveal) : [];
}

/** The ids a question answers: its own and its follow-ups'. */
export function answerIds(q: Question): string[] {
  return [q.id, ...reveals(q).map(([, r]) => r.id)];
}

export function isChosen(value: AnswerValue | undefined, option: string): boolean {
  return value === option || (Array.isArray(value) && value.includes(option));
}

/** Contact details need a consent question that gates them; without a show-if they never show. */
function gated(q: Question): boolean {
  return q.type === 'text' && q.contact === true && !q.showIf;
}

export function route(survey: Survey, answers: Answers): Route {
  const visibility = computeVisibility(survey, answers);
  const steps: Step[] = [];
  const byPage = new Map<number, Question[]>();
  for (const entry of visibility.visible) {
    // Follow-ups are shown by their parent's control; contact details never show without a gate.
    if (entry.parent || entry.page === undefined || gated(entry.question)) continue;
    let list = byPage.get(entry.page);
    if (!list) byPage.set(entry.page, (list = []));
    list.push(entry.question);
  }
  survey.pages.forEach((page, i) => {
    const visible = byPage.get(i);
    if (!visible) return;
    if (survey.oneQuestionPerPage) {
      for (const q of visible) steps.push({ key: `${page.id}/${q.id}`, page, questions: [q] });
    } else {
      steps.push({ key: page.id, page, questions: visible });
    }
  });
  return { steps, kept: visibility.answers };
}

/** Every question of the survey, follow-ups excluded, by id. */
export function questionsById(survey: Survey): Map<string, Question> {
  const map = new Map<string, Question>();
  for (const page of survey.pages) for (const q of page.questions) map.set(q.id, q);
  return map;
}

/** The question a follow-up belongs to, by the follow-up's id. */
export function revealParents(survey: Survey): Map<string, { parent: Question; option: string; reveal: RevealQuestion }> {
  const map = new Map<string, { parent: Question; option: string; reveal: RevealQuestion }>();
  for (const page of survey.pages) {
    for (const q of page.questions) for (const [option, reveal] of reveals(q)) map.set(reveal.id, { parent: q, option, reveal });
  }
  return map;
}

/** Which steps do not yet have an answer to every required visible question? */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * Who counts as a young carer: the answer to `question` is one of `values` (or, for a number
 * question, below 18). A definition can name the rule through the survey element's `youngCarer`
 * property; without one, a question whose id contains "age" and offers an under-18 option (such as
 * `under-18`, `under-16` or `11-15`) is used.
 */
export interface YoungCarerRule {
  question: string;
  values?: string[];
}

const UNDER_18 = /^(under-?1[0-8]|(\d{1,2})-(1[0-7]|[0-9]))$/;

export function defaultYoungCarerRule(survey: Survey): YoungCarerRule | undefined {
  for (const page of survey.pages) {
    for (const q of page.questions) {
      if (!/age/i.test(q.id)) continue;
      if (q.type === 'number') return { question: q.id };
      if (q.type === 'single' || q.type === 'select') {
        const values = q.options.map((o) => o.value).filter((v) => UNDER_18.test(v));
        if (values.length) return { question: q.id, values };
      }
    }
  }
  return undefined;
}

export function isYoungCarer(rule: YoungCarerRule | undefined, answers: Answers): boolean {
  if (!rule) return false;
  const value = answers[rule.question];
  if (typeof value === 'number') return rule.values ? rule.values.includes(String(value)) : value < 18;
  if (typeof value === 'string') return rule.values?.includes(value) ?? false;
  return false;
}
