import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { controlArgTypes, controlStates, renderControl, type ControlArgs } from './support.js';
import { fixtureQuestion, translated } from './questions.js';

const question = fixtureQuestion('is-carer', 'single');

/**
 * `<carer-radios>` with the core fixture question "is-carer", in every state a carer can meet.
 */
const meta = {
  title: 'Kit/Radios',
  component: 'carer-radios',
  render: renderControl('carer-radios'),
  argTypes: controlArgTypes,
  args: { question },
} satisfies Meta<ControlArgs>;
export default meta;
type Story = StoryObj<ControlArgs>;

const states = controlStates({
  question,
  answered: 'yes',
  error: 'Select yes if you look after someone who could not manage without you',
  urduError: 'اگر آپ کسی کی دیکھ بھال کرتے ہیں تو ہاں منتخب کریں',
  urdu: translated(question, 'ur'),
});

export const Empty: Story = states.Empty;
export const Answered: Story = states.Answered;
export const WithError: Story = states.Error;
export const WithHint: Story = states.WithHint;
export const RightToLeft: Story = states.RightToLeft;
export const EasyRead: Story = states.EasyRead;
export const Young: Story = states.Young;
