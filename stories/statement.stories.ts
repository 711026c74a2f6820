import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { controlArgTypes, controlStates, renderControl, type ControlArgs } from './support.js';
import { fixtureQuestion, translated, withWording } from './questions.js';

const question = fixtureQuestion('listened', 'statement');

/**
 * `<carer-statement>` with the core fixture question "listened", in every state a carer can meet.
 */
const meta = {
  title: 'Kit/Statement',
  component: 'carer-statement',
  render: renderControl('carer-statement'),
  argTypes: controlArgTypes,
  args: { question },
} satisfies Meta<ControlArgs>;
export default meta;
type Story = StoryObj<ControlArgs>;

const states = controlStates({
  question,
  answered: 'agree',
  error: 'Select agree, disagree or pass',
  urduError: 'متفق، غیر متفق یا پاس منتخب کریں',
  urdu: translated(question, 'ur'),
  withHint: { ...question, hint: 'Think about doctors, nurses and social workers.' },
  easyRead: withWording(question, { easyRead: 'Do doctors and nurses listen to you?' }),
  young: withWording(question, { young: { label: 'Grown-ups who help the person I care for listen to me.' } }),
});

export const Empty: Story = states.Empty;
export const Answered: Story = states.Answered;
export const WithError: Story = states.Error;
export const WithHint: Story = states.WithHint;
export const RightToLeft: Story = states.RightToLeft;
export const EasyRead: Story = states.EasyRead;
export const Young: Story = states.Young;
