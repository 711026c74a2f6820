import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { controlArgTypes, controlStates, renderControl, type ControlArgs } from './support.js';
import { fixtureQuestion, translated, withWording } from './questions.js';

const question = fixtureQuestion('email', 'text');

/**
 * `<carer-text-input>` with the core fixture question "email", in every state a carer can meet.
 */
const meta = {
  title: 'Kit/Text input',
  component: 'carer-text-input',
  render: renderControl('carer-text-input'),
  argTypes: controlArgTypes,
  args: { question },
} satisfies Meta<ControlArgs>;
export default meta;
type Story = StoryObj<ControlArgs>;

const states = controlStates({
  question,
  answered: 'sam.carer@example.org',
  error: 'Enter an email address in the correct format, like name@example.com',
  urduError: 'ای میل ایڈریس درست شکل میں لکھیں، جیسے name@example.com',
  urdu: translated(question, 'ur'),
  withHint: { ...question, hint: 'We will only use this to contact you about your answers.' },
  easyRead: withWording(question, { easyRead: 'Your email' }),
  young: withWording(question, { young: { label: 'Your email address (or a grown-up’s)' } }),
});

export const Empty: Story = states.Empty;
export const Answered: Story = states.Answered;
export const WithError: Story = states.Error;
export const WithHint: Story = states.WithHint;
export const RightToLeft: Story = states.RightToLeft;
export const EasyRead: Story = states.EasyRead;
export const Young: Story = states.Young;
