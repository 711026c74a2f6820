import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Quiz } from '@carers-voice/core/content';
import publicQuiz from '@carers-voice/content/instruments/carer-awareness-quiz.json';
import amIACarer from '@carers-voice/content/instruments/am-i-a-carer.json';
import type { CarerQuiz } from '../packages/elements/src/quiz/carer-quiz.js';
import '../packages/elements/src/quiz/define.js';
import type { StoryGlobals } from './support.js';

/**
 * One thing a carer does, replayed by a story's `play` (and by the quiz's story test): choose
 * options of a question, or press a button by its `data-action` (the same in every language):
 * `check`, `next`, `finish`, `continue`, `back`, `review`, `back-to-score`, `try-again`.
 */
export type QuizStep = { choose: string; values: string[] } | { press: string; nth?: number };

export interface QuizArgs {
  definition: Quiz;
  display?: 'one-at-a-time' | 'all';
  easyRead?: boolean;
  young?: boolean;
  /** What the carer has done before the story's screen (see `QuizStep`). */
  steps?: QuizStep[];
}

const awareness = publicQuiz as unknown as Quiz;
const identify = amIACarer as unknown as Quiz;

/** Everything inside `root`'s shadow tree (and the trees inside it). */
function deepAll(root: Element, selector: string): Element[] {
  const out: Element[] = [];
  const scope = root.shadowRoot;
  if (!scope) return out;
  for (const node of scope.querySelectorAll('*')) {
    if (node.matches(selector)) out.push(node);
    if (node.shadowRoot) out.push(...deepAll(node, selector));
  }
  return out;
}

async function settle(el: CarerQuiz): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    await Promise.all(deepAll(el, '*').map((n) => (n as Partial<CarerQuiz>).updateComplete));
  }
  await new Promise((r) => setTimeout(r, 0));
}

/** Replays `steps` on the quiz inside `root`, as clicks. */
export async function replay(root: Element, steps: QuizStep[] = []): Promise<void> {
  const el = root.querySelector('carer-quiz') as CarerQuiz | null;
  if (!el) return;
  await el.ready;
  await settle(el);
  for (const step of steps) {
    if ('choose' in step) {
      const question = el.shadowRoot!.querySelector(`[data-qid="${step.choose}"]`);
      if (!question) throw new Error(`question ${step.choose} is not showing`);
      for (const v of step.values) {
        const input = deepAll(question, 'input').find((i) => (i as HTMLInputElement).value === v) as HTMLInputElement | undefined;
        input?.click();
        await settle(el);
      }
    } else {
      const button = el.shadowRoot!.querySelectorAll<HTMLButtonElement>(`button[data-action="${step.press}"]`)[step.nth ?? 0];
      if (!button) throw new Error(`no button ${step.press}`);
      button.click();
      await settle(el);
    }
  }
}

const check: QuizStep = { press: 'check' };
/** Next question, or See your score after the last one. */
const next = (last: boolean): QuizStep => ({ press: last ? 'finish' : 'next' });
const cont: QuizStep = { press: 'continue' };

/** Every question of the awareness quiz answered: right, wrong, right… */
const wholeQuiz: QuizStep[] = awareness.questions.flatMap((q, i) => {
  if ((q.type !== 'single' && q.type !== 'multiple') || !q.answer) return [];
  const wrong = q.options.map((o) => o.value).find((v) => !q.answer!.correct.includes(v))!;
  return [{ choose: q.id, values: i % 2 === 0 ? q.answer.correct : [wrong] }, check, next(i === awareness.questions.length - 1)];
});

const identifyPath = (answers: [string, string][]): QuizStep[] => answers.flatMap(([q, v]) => [{ choose: q, values: [v] }, cont]);

export const adultPath = identifyPath([
  ['age-band', '26-64'],
  ['helps-someone', 'yes'],
  ['reason', 'yes'],
  ['who', 'parent'],
  ['how-often', 'every-day'],
  ['paid', 'no'],
]);
export const youngPath = identifyPath([
  ['age-band', 'under-18'],
  ['helps-someone', 'yes'],
  ['reason', 'yes'],
  ['who', 'parent'],
  ['how-often', 'every-week'],
  ['paid', 'no'],
]);

/**
 * `<carer-quiz>`: the carer-awareness quiz (score mode) and "am I a carer?" (identify mode),
 * from `@carers-voice/content`. Each story replays what a carer did to reach its screen; the
 * language, easy read and theme toolbars apply as everywhere.
 */
const meta = {
  title: 'Widgets/Quiz',
  component: 'carer-quiz',
  // Helpers exported for the story test, not stories.
  excludeStories: ['replay', 'adultPath', 'youngPath'],
  args: { definition: awareness },
  argTypes: {
    definition: { control: 'object', description: 'The quiz definition (from @carers-voice/content or your own)' },
    display: { control: 'inline-radio', options: ['one-at-a-time', 'all'], description: "Overrides the definition's display" },
    easyRead: { control: 'boolean', name: 'easy-read' },
    young: { control: 'boolean', description: "Always use young carers' wording" },
    steps: { table: { disable: true } },
  },
  render: (args, context) => {
    const easyRead = Boolean(args.easyRead) || (context?.globals as StoryGlobals | undefined)?.easyRead === 'on';
    // A fresh database per render, so stories never share an outbox.
    return html`<carer-quiz
      .definition=${args.definition}
      .database=${`cv-story-${Math.random().toString(36).slice(2)}`}
      display=${args.display ?? (args.definition.display || 'one-at-a-time')}
      ?easy-read=${easyRead}
      ?young=${Boolean(args.young)}
    ></carer-quiz>`;
  },
  play: async ({ canvasElement, args }) => replay(canvasElement, args.steps),
} satisfies Meta<QuizArgs>;
export default meta;
type Story = StoryObj<QuizArgs>;

const firstQ = awareness.questions[0]!;
const multipleQ = awareness.questions.find((q) => q.type === 'multiple' && q.answer?.partialCredit)!;

export const Question: Story = { name: 'Question (unanswered)' };
export const NothingChosen: Story = { name: 'Check answer with nothing chosen', args: { steps: [check] } };
export const Right: Story = { name: 'Right answer', args: { steps: [{ choose: firstQ.id, values: ['unpaid-anyone'] }, check] } };
export const Wrong: Story = { name: 'Wrong answer', args: { steps: [{ choose: firstQ.id, values: ['paid'] }, check] } };
export const PartlyRight: Story = {
  name: 'Partly right (multiple, part marks)',
  args: {
    steps: [
      ...awareness.questions
        .slice(0, awareness.questions.indexOf(multipleQ))
        .flatMap((q) => [{ choose: q.id, values: [(q as { answer: { correct: string[] } }).answer.correct[0]!] }, check, next(false)]),
      { choose: multipleQ.id, values: [(multipleQ as { answer: { correct: string[] } }).answer.correct[0]!] },
      check,
    ],
  },
};
export const Final: Story = { name: 'Final score and band', args: { steps: wholeQuiz } };
export const Review: Story = { name: 'Review of every answer', args: { steps: [...wholeQuiz, { press: 'review' }] } };
export const AllOnOnePage: Story = { name: 'All questions on one page', args: { display: 'all', steps: [{ choose: firstQ.id, values: ['paid'] }, { press: 'check', nth: 0 }] } };
export const IdentifyQuestion: Story = { name: 'Am I a carer? — first question', args: { definition: identify } };
export const IdentifyAdult: Story = { name: 'Am I a carer? — adult carer outcome', args: { definition: identify, steps: adultPath } };
export const IdentifyYoung: Story = { name: 'Am I a carer? — young carer outcome', args: { definition: identify, steps: youngPath } };
export const RightToLeft: Story = {
  name: 'Right to left (Urdu), wrong answer',
  args: { steps: [{ choose: firstQ.id, values: ['paid'] }, check] },
  globals: { locale: 'ur' },
};
export const EasyRead: Story = { name: 'Easy read', args: { easyRead: true } };
export const EasyReadIdentify: Story = { name: 'Easy read — am I a carer?', args: { definition: identify, easyRead: true } };
