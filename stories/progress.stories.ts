import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

interface ProgressArgs {
  current: number;
  total: number;
  unit: 'question' | 'page';
  noBar: boolean;
}

/** How far through the carer is: words first ("Question 3 of 12"), a bar beneath (hidden from screen readers). */
const meta = {
  title: 'Kit/Progress',
  component: 'carer-progress',
  args: { current: 3, total: 12, unit: 'question', noBar: false },
  argTypes: {
    current: { control: { type: 'number', min: 1 } },
    total: { control: { type: 'number', min: 1 } },
    unit: { control: 'inline-radio', options: ['question', 'page'] },
    noBar: { control: 'boolean', name: 'no-bar' },
  },
  render: (a) => html`<carer-progress current=${a.current} total=${a.total} unit=${a.unit} ?no-bar=${a.noBar}></carer-progress>`,
} satisfies Meta<ProgressArgs>;
export default meta;
type Story = StoryObj<ProgressArgs>;

export const Questions: Story = {};
export const Pages: Story = { args: { current: 2, total: 5, unit: 'page' } };
export const Start: Story = { args: { current: 1, total: 12 } };
export const LastOne: Story = { name: 'Last one', args: { current: 12, total: 12 } };
export const WordsOnly: Story = { name: 'Words only (no bar)', args: { noBar: true } };
export const RightToLeft: Story = { name: 'Right to left (Urdu)', globals: { locale: 'ur' } };
