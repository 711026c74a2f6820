import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { controlArgTypes, controlStates, renderControl, type ControlArgs } from './support.js';
import { fixtureQuestion, translated, withWording } from './questions.js';

const question = fixtureQuestion('hours', 'number');

/**
 * `<carer-number>` with the core fixture question "hours", in every state a carer can meet.
 */
const meta = {
  title: 'Kit/Number',
  component: 'carer-number',
  render: renderControl('carer-number'),
  argTypes: controlArgTypes,
  args: { question },
} satisfies Meta<ControlArgs>;
export default meta;
type Story = StoryObj<ControlArgs>;

const states = controlStates({
  question,
  answered: 35,
  error: 'Enter the number of hours a week, from 0 to 168',
  urduError: 'ہفتے میں گھنٹوں کی تعداد 0 سے 168 تک لکھیں',
  urdu: translated(question, 'ur'),
  withHint: { ...question, hint: 'Include time in the night. A rough guess is fine.' },
  easyRead: withWording(question, { easyRead: 'How many hours a week do you help?' }),
  young: withWording(question, { young: { label: 'About how many hours a week do you help at home?' } }),
});

export const Empty: Story = states.Empty;
export const Answered: Story = states.Answered;
export const WithError: Story = states.Error;
export const WithHint: Story = states.WithHint;
export const RightToLeft: Story = states.RightToLeft;
export const EasyRead: Story = states.EasyRead;
export const Young: Story = states.Young;
