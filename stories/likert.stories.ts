import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { controlArgTypes, controlStates, renderControl, type ControlArgs } from './support.js';
import { fixtureQuestion, translated, withWording } from './questions.js';

const question = fixtureQuestion('feel-valued', 'likert');

/**
 * `<carer-likert>` with the core fixture question "feel-valued", in every state a carer can meet.
 */
const meta = {
  title: 'Kit/Likert',
  component: 'carer-likert',
  render: renderControl('carer-likert'),
  argTypes: controlArgTypes,
  args: { question },
} satisfies Meta<ControlArgs>;
export default meta;
type Story = StoryObj<ControlArgs>;

const states = controlStates({
  question,
  answered: 'agree',
  error: 'Select how much you agree',
  urduError: 'منتخب کریں کہ آپ کتنے متفق ہیں',
  urdu: translated(question, 'ur'),
  withHint: { ...question, hint: 'Think about the last 12 months.' },
  easyRead: withWording(question, { easyRead: 'Do doctors and nurses treat you as important?' }),
  young: withWording(question, { young: { label: 'Do doctors and nurses listen to you about the person you help?' } }),
});

export const Empty: Story = states.Empty;
export const Answered: Story = states.Answered;
export const WithError: Story = states.Error;
export const WithHint: Story = states.WithHint;
export const RightToLeft: Story = states.RightToLeft;
export const EasyRead: Story = states.EasyRead;
export const Young: Story = states.Young;

/** A named scale with "Does not apply to me" set apart after an "or". */
export const NotApplicable: Story = {
  name: 'With "does not apply"',
  args: { question: fixtureQuestion('breaks-easy', 'likert'), value: 'not-applicable' },
};
