import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { controlArgTypes, controlStates, renderControl, type ControlArgs } from './support.js';
import { fixtureQuestion, translated, withWording } from './questions.js';

const question = fixtureQuestion('priorities', 'ranking');

/**
 * `<carer-ranking>` with the core fixture question "priorities", in every state a carer can meet.
 */
const meta = {
  title: 'Kit/Ranking',
  component: 'carer-ranking',
  render: renderControl('carer-ranking'),
  argTypes: controlArgTypes,
  args: { question },
} satisfies Meta<ControlArgs>;
export default meta;
type Story = StoryObj<ControlArgs>;

const states = controlStates({
  question,
  answered: ['money', 'breaks', 'health'],
  error: 'Put at least your top 2 in order',
  urduError: 'کم از کم اپنے پہلے 2 کو ترتیب میں رکھیں',
  urdu: translated(question, 'ur'),
  withHint: { ...question, hint: 'Use the buttons to move things up or down.' },
  easyRead: withWording(question, { easyRead: 'What matters most to you? Put it at the top.' }),
  young: withWording(question, { young: { label: 'What would help you most? Put it at the top.' } }),
});

export const Empty: Story = states.Empty;
export const Answered: Story = states.Answered;
export const WithError: Story = states.Error;
export const WithHint: Story = states.WithHint;
export const RightToLeft: Story = states.RightToLeft;
export const EasyRead: Story = states.EasyRead;
export const Young: Story = states.Young;
