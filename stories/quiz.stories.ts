import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/quiz/define.js';
import { fixtures } from '../packages/core/src/content/fixtures/index.js';
import type { StoryGlobals } from './support.js';

interface QuizArgs {
  definition: unknown;
  display?: 'one-at-a-time' | 'all';
  easyRead: boolean;
  young: boolean;
}

/**
 * `<carer-quiz>`: a scored carer-awareness quiz (feedback in words after each answer, a band at the
 * end) and "Am I a carer?" (branching questions, then an outcome). Core's sample definitions.
 */
const meta: Meta<QuizArgs> = {
  title: 'Widgets/Quiz',
  component: 'carer-quiz',
  args: { definition: fixtures.scoreQuiz, easyRead: false, young: false },
  argTypes: {
    definition: { control: 'object' },
    display: { control: 'inline-radio', options: ['one-at-a-time', 'all'] },
    easyRead: { control: 'boolean', name: 'easy-read' },
    young: { control: 'boolean' },
  },
  render: (args, context) => {
    const easyRead = args.easyRead || (context?.globals as StoryGlobals | undefined)?.easyRead === 'on';
    return html`<carer-quiz
      .definition=${args.definition}
      .database=${`storybook-quiz-${context?.id ?? 'sweep'}`}
      display=${args.display ?? ''}
      ?easy-read=${easyRead}
      ?young=${args.young}
    ></carer-quiz>`;
  },
};
export default meta;
type Story = StoryObj<QuizArgs>;

export const AwarenessQuiz: Story = { name: 'Awareness quiz (scored)' };
export const AllAtOnce: Story = { name: 'Awareness quiz, all questions at once', args: { display: 'all' } };
export const AmIACarer: Story = { name: 'Am I a carer? (identify)', args: { definition: fixtures.identifyQuiz } };
export const AmIACarerYoung: Story = { name: "Am I a carer? Young carers' wording", args: { definition: fixtures.identifyQuiz, young: true } };
export const RightToLeft: Story = { name: 'Right to left (Urdu)', globals: { locale: 'ur' } };
