import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { controlArgTypes, controlStates, renderControl, type ControlArgs } from './support.js';
import { fixtureQuestion, translated, withWording } from './questions.js';

const question = fixtureQuestion('wellbeing', 'rating');

/**
 * `<carer-rating>` with the core fixture question "wellbeing", in every state a carer can meet.
 */
const meta = {
  title: 'Kit/Rating',
  component: 'carer-rating',
  render: renderControl('carer-rating'),
  argTypes: controlArgTypes,
  args: { question },
} satisfies Meta<ControlArgs>;
export default meta;
type Story = StoryObj<ControlArgs>;

const states = controlStates({
  question,
  answered: 6,
  error: 'Select a number from 0 to 10',
  urduError: '0 سے 10 تک ایک نمبر منتخب کریں',
  urdu: translated(question, 'ur'),
  withHint: { ...question, hint: '0 is the worst it could be and 10 is the best.' },
  easyRead: withWording(question, { easyRead: 'How are you feeling? Pick a number.' }),
  young: withWording(question, { young: { label: 'How are you feeling at the moment?' } }),
});

export const Empty: Story = states.Empty;
export const Answered: Story = states.Answered;
export const WithError: Story = states.Error;
export const WithHint: Story = states.WithHint;
export const RightToLeft: Story = states.RightToLeft;
export const EasyRead: Story = states.EasyRead;
export const Young: Story = states.Young;
