import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/priority-check/define.js';
import { fixtures } from '../packages/core/src/content/fixtures/index.js';
import type { StoryGlobals } from './support.js';

interface PriorityArgs {
  definition: unknown;
  mode: 'self-assessment' | 'document' | 'carer';
  easyRead: boolean;
}

/**
 * `<carer-priority-check>` checks services against carers' priority statements: an organisation's
 * self-assessment, a document check (in the browser; nothing uploaded), or a carer's own view.
 * Core's sample statement set.
 */
const meta: Meta<PriorityArgs> = {
  title: 'Widgets/Priority check',
  component: 'carer-priority-check',
  args: { definition: fixtures.statementSet, mode: 'carer', easyRead: false },
  argTypes: {
    definition: { control: 'object' },
    mode: { control: 'inline-radio', options: ['self-assessment', 'document', 'carer'] },
    easyRead: { control: 'boolean', name: 'easy-read' },
  },
  render: (args, context) => {
    const easyRead = args.easyRead || (context?.globals as StoryGlobals | undefined)?.easyRead === 'on';
    return html`<carer-priority-check .definition=${args.definition} mode=${args.mode} ?easy-read=${easyRead}></carer-priority-check>`;
  },
};
export default meta;
type Story = StoryObj<PriorityArgs>;

export const Carer: Story = { name: "A carer's view" };
export const SelfAssessment: Story = { name: "An organisation's self-assessment", args: { mode: 'self-assessment' } };
export const DocumentCheck: Story = { name: 'Check a document', args: { mode: 'document' } };
export const RightToLeft: Story = { name: 'Right to left (Urdu)', globals: { locale: 'ur' } };
