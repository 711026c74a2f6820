import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { controlArgTypes, controlStates, renderControl, type ControlArgs } from './support.js';
import { fixtureQuestion, translated, withWording } from './questions.js';

const question = fixtureQuestion('comments', 'textarea');

/**
 * `<carer-textarea>` with the core fixture question "comments", in every state a carer can meet.
 */
const meta = {
  title: 'Kit/Textarea',
  component: 'carer-textarea',
  render: renderControl('carer-textarea'),
  argTypes: controlArgTypes,
  args: { question },
} satisfies Meta<ControlArgs>;
export default meta;
type Story = StoryObj<ControlArgs>;

const states = controlStates({
  question,
  answered: 'The carers hub has been a lifeline, but I only found out about it after three years.',
  error: 'Your answer must be 2,000 characters or fewer',
  urduError: 'آپ کا جواب 2,000 حروف یا اس سے کم ہونا چاہیے',
  urdu: translated(question, 'ur'),
  withHint: { ...question, hint: 'Do not include names or anything that could identify someone.' },
  easyRead: withWording(question, { easyRead: 'Do you want to tell us anything else?' }),
  young: withWording(question, { young: { label: 'Is there anything else you want to tell us?' } }),
});

export const Empty: Story = states.Empty;
export const Answered: Story = states.Answered;
export const WithError: Story = states.Error;
export const WithHint: Story = states.WithHint;
export const RightToLeft: Story = states.RightToLeft;
export const EasyRead: Story = states.EasyRead;
export const Young: Story = states.Young;

/** The character count once the carer is close to (or over) the limit. */
export const OverLimit: Story = { name: 'Over the limit', args: { value: 'I care for my mum. '.repeat(110), error: 'Your answer must be 2,000 characters or fewer' } };
