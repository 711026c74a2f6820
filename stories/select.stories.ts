import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { controlArgTypes, controlStates, renderControl, type ControlArgs } from './support.js';
import { fixtureQuestion, translated, withWording } from './questions.js';

const question = fixtureQuestion('age', 'select');

/**
 * `<carer-select>` with the core fixture question "age", in every state a carer can meet.
 */
const meta = {
  title: 'Kit/Select',
  component: 'carer-select',
  render: renderControl('carer-select'),
  argTypes: controlArgTypes,
  args: { question },
} satisfies Meta<ControlArgs>;
export default meta;
type Story = StoryObj<ControlArgs>;

const states = controlStates({
  question,
  answered: '25-64',
  error: 'Select your age group',
  urduError: 'اپنی عمر کا گروپ منتخب کریں',
  urdu: translated(question, 'ur'),
  withHint: { ...question, hint: 'We use this to see if carers of every age get the same help.' },
  easyRead: withWording(question, { easyRead: 'How old are you?' }),
  young: withWording(question, { young: { label: 'How old are you?', hint: 'It is fine if you are under 18.' } }),
});

export const Empty: Story = states.Empty;
export const Answered: Story = states.Answered;
export const WithError: Story = states.Error;
export const WithHint: Story = states.WithHint;
export const RightToLeft: Story = states.RightToLeft;
export const EasyRead: Story = states.EasyRead;
export const Young: Story = states.Young;
