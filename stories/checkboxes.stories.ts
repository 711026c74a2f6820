import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { controlArgTypes, controlStates, renderControl, type ControlArgs } from './support.js';
import { fixtureQuestion, translated, withWording } from './questions.js';

const question = fixtureQuestion('help-used', 'multiple');

/**
 * `<carer-checkboxes>` with the core fixture question "help-used", in every state a carer can meet.
 */
const meta = {
  title: 'Kit/Checkboxes',
  component: 'carer-checkboxes',
  render: renderControl('carer-checkboxes'),
  argTypes: controlArgTypes,
  args: { question },
} satisfies Meta<ControlArgs>;
export default meta;
type Story = StoryObj<ControlArgs>;

const states = controlStates({
  question,
  answered: ['breaks', 'advice'],
  error: 'Select what you have used, or select none of these',
  urduError: 'منتخب کریں کہ آپ نے کیا استعمال کیا ہے، یا ان میں سے کوئی نہیں',
  urdu: translated(question, 'ur'),
  easyRead: withWording(question, { easyRead: 'Which of these help did you get this year?' }),
  young: withWording(question, { young: { label: 'Which of these have you had help with this year?' } }),
});

export const Empty: Story = states.Empty;
export const Answered: Story = states.Answered;
export const WithError: Story = states.Error;
export const WithHint: Story = states.WithHint;
export const RightToLeft: Story = states.RightToLeft;
export const EasyRead: Story = states.EasyRead;
export const Young: Story = states.Young;

/** Choosing "Something else" reveals a follow-up right after it. */
export const Revealed: Story = {
  name: 'Follow-up revealed',
  args: { value: ['other'], revealValues: { 'help-used-other': 'A sitting service at church' } },
};

/** "None of these" is exclusive: choosing it unticks the rest. */
export const NoneOfThese: Story = { name: 'None of these', args: { value: ['none'] } };
