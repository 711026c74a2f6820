import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { AnswerValue } from '@carers-voice/core/content';
import { listQuestions, type Definition } from '@carers-voice/core/content';
import { fixtures } from '../packages/core/src/content/fixtures/index.js';
import { controlArgTypes, renderControl, type ControlArgs, type StoryGlobals } from './support.js';
import { fixtureQuestion } from './questions.js';

/**
 * `<carer-question>` picks the right control for any question type, so a widget renders one tag
 * per question. "Every question type" shows the whole sample survey through it.
 */
const meta = {
  title: 'Kit/Question (any type)',
  component: 'carer-question',
  render: renderControl('carer-question'),
  argTypes: controlArgTypes,
  args: { question: fixtureQuestion('wellbeing', 'rating') },
} satisfies Meta<ControlArgs>;
export default meta;
type Story = StoryObj<ControlArgs>;

export const Rating: Story = {};

export const Points: Story = { args: { question: fixtureQuestion('spend', 'points') } };

/** Answers a carer might give to the sample survey, by question id. */
const sampleAnswers: Record<string, AnswerValue> = {
  'is-carer': 'yes',
  age: '25-64',
  hours: 40,
  'help-used': ['advice'],
  'feel-valued': 'disagree',
  wellbeing: 4,
  priorities: ['breaks', 'health', 'money'],
  spend: { breaks: 6, advice: 2, peer: 2 },
  listened: 'pass',
};

/** Every question of the core sample survey, each through `<carer-question>`. */
export const EveryType: Story = {
  name: 'Every question type (sample survey)',
  render: (_args, context) => {
    const easyRead = (context?.globals as StoryGlobals | undefined)?.easyRead === 'on';
    const entries = listQuestions(fixtures.survey as unknown as Definition).filter((e) => !e.parent);
    return html`${entries.map(
      ({ question }) =>
        html`<carer-question .question=${question} .value=${sampleAnswers[question.id]} ?easy-read=${easyRead}></carer-question>`,
    )}`;
  },
};
