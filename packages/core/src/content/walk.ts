/**
 * One ordered list of everything a carer can answer in any instrument, so checking, show-if logic
 * and scoring never need a switch on `kind`: survey questions page by page, quiz and poll
 * questions, each follow-up (`reveal`) right after its parent, and each statement of a statement
 * set as a single-choice question on its scale.
 */
import type { Definition, QuizQuestion } from './instrument.js';
import type { PathSegment } from './problems.js';
import type { Question } from './question.js';

export interface QuestionEntry {
  question: Question;
  /** Where it sits in the definition, e.g. `['pages', 0, 'questions', 2]`. */
  path: PathSegment[];
  /** Survey only: the index of its page. */
  page?: number;
  /** A follow-up: the question and option that reveal it. */
  parent?: { id: string; option: string };
}

function withReveals(question: Question | QuizQuestion, path: PathSegment[], page: number | undefined): QuestionEntry[] {
  const entry: QuestionEntry = { question: question as Question, path };
  if (page !== undefined) entry.page = page;
  const out = [entry];
  if ((question.type === 'single' || question.type === 'multiple') && question.reveal) {
    for (const [option, reveal] of Object.entries(question.reveal)) {
      const follow: Question =
        reveal.type === 'number'
          ? { id: reveal.id, type: 'number', label: reveal.label, ...(reveal.hint ? { hint: reveal.hint } : {}), ...(reveal.required !== undefined ? { required: reveal.required } : {}) }
          : { ...reveal, type: reveal.type };
      const child: QuestionEntry = { question: follow, path: [...path, 'reveal', option], parent: { id: question.id, option } };
      if (page !== undefined) child.page = page;
      out.push(child);
    }
  }
  return out;
}

/** Everything answerable, in the order a carer meets it. */
export function listQuestions(definition: Definition): QuestionEntry[] {
  switch (definition.kind) {
    case 'survey':
      return definition.pages.flatMap((page, p) =>
        page.questions.flatMap((q, i) => withReveals(q, ['pages', p, 'questions', i], p)),
      );
    case 'quiz':
    case 'poll':
      return definition.questions.flatMap((q, i) => withReveals(q, ['questions', i], undefined));
    case 'statement-set':
      return definition.groups.flatMap((group, g) =>
        group.statements.map((s, i) => ({
          question: {
            id: s.id,
            type: 'single' as const,
            label: s.text,
            ...(s.easyRead ? { easyRead: s.easyRead } : {}),
            required: false,
            options: group.audience === 'carer' && definition.carerScale ? definition.carerScale : definition.scale,
          },
          path: ['groups', g, 'statements', i],
        })),
      );
  }
}

const listed = new WeakMap<Definition, readonly QuestionEntry[]>();

/**
 * `listQuestions` remembered per definition object, for the hot paths that run on every answer or
 * every response (show-if visibility, answer checking). Parsed definitions are never changed in
 * place, so the list stays right; a caller that edits a definition must pass a new object.
 */
export function listQuestionsOnce(definition: Definition): readonly QuestionEntry[] {
  let entries = listed.get(definition);
  if (!entries) {
    entries = listQuestions(definition);
    listed.set(definition, entries);
  }
  return entries;
}

/** GOV.UK style: a question is required unless it says `required: false`. */
export function isRequired(question: Question): boolean {
  return question.required !== false;
}
