import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { controlArgTypes, controlStates, renderControl, type ControlArgs } from './support.js';
import { fixtureQuestion, translated, withWording } from './questions.js';

const question = fixtureQuestion('spend', 'points');

/**
 * `<carer-points>` with the core fixture question "spend", in every state a carer can meet.
 */
const meta = {
  title: 'Kit/Points',
  component: 'carer-points',
  render: renderControl('carer-points'),
  argTypes: controlArgTypes,
  args: { question },
} satisfies Meta<ControlArgs>;
export default meta;
type Story = StoryObj<ControlArgs>;

const states = controlStates({
  question,
  answered: { breaks: 5, advice: 3, peer: 2 },
  error: 'Share out all 10 points',
  urduError: 'تمام 10 پوائنٹس تقسیم کریں',
  urdu: translated(question, 'ur'),
  withHint: { ...question, hint: 'Give more points to what matters most to you.' },
  easyRead: withWording(question, { easyRead: 'You have 10 points. Give more to what you want most.' }),
  young: withWording(question, { young: { label: 'You have 10 points to spend on help. Where would they go?' } }),
});

export const Empty: Story = states.Empty;
export const Answered: Story = states.Answered;
export const WithError: Story = states.Error;
export const WithHint: Story = states.WithHint;
export const RightToLeft: Story = states.RightToLeft;
export const EasyRead: Story = states.EasyRead;
export const Young: Story = states.Young;

/** Too many points given out: the count says so (it never stops the carer typing). */
export const OverTotal: Story = { name: 'Too many points', args: { value: { breaks: 8, advice: 4, peer: 1 } } };
