import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/priority-check/define.js';
import { sampleStatementSet } from '../packages/elements/src/priority-check/sample-definition.js';
import type { StoryGlobals } from './support.js';

interface Args {
  mode: 'self-assessment' | 'document' | 'carer';
  instrument: string;
  easyRead: boolean;
  sample: boolean;
}

/**
 * `<carer-priority-check>` in each mode and state: an organisation's self-assessment (with its
 * error summary and printable progress report), a document check with results (the text never
 * leaves the browser), a carer's view, the built-in statement sets from the seed strategies, and a
 * broken definition as a partner's web editor sees it.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Priority check — modes and states',
  component: 'carer-priority-check',
  args: { mode: 'self-assessment', instrument: 'hw-commitment-to-carers', easyRead: false, sample: true },
  argTypes: {
    mode: { control: 'inline-radio', options: ['self-assessment', 'document', 'carer'] },
    instrument: {
      control: 'select',
      options: [
        'hw-commitment-to-carers',
        'gm-commitment-to-carers',
        'bury-priorities-and-themes',
        'warrington-carers-aims',
        'stockport-think-carer-priorities',
      ],
    },
    easyRead: { control: 'boolean', name: 'easy-read' },
    sample: { control: 'boolean', name: 'use the 20-statement sample set' },
  },
  render: (args, context) => {
    const easyRead = args.easyRead || (context?.globals as StoryGlobals | undefined)?.easyRead === 'on';
    return args.sample
      ? html`<carer-priority-check mode=${args.mode} ?easy-read=${easyRead} .definition=${sampleStatementSet()}></carer-priority-check>`
      : html`<carer-priority-check mode=${args.mode} ?easy-read=${easyRead} instrument=${args.instrument}></carer-priority-check>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

const widget = async (canvas: HTMLElement) => {
  const el = canvas.querySelector('carer-priority-check')!;
  await el.updateComplete;
  return el;
};
const click = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!.click();

export const SelfAssessment: Story = { name: 'Self-assessment (empty)' };

export const SelfAssessmentErrors: Story = {
  name: 'Self-assessment: nothing rated, then sent',
  play: async ({ canvasElement }) => click(await widget(canvasElement), 'button[type=submit]'),
};

export const ProgressReport: Story = {
  name: 'Self-assessment: progress report shown',
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    const likerts = [...el.shadowRoot!.querySelectorAll('carer-likert')];
    likerts.slice(0, 6).forEach((l, i) => (l.shadowRoot!.querySelectorAll('input')[i % 4] as HTMLInputElement).click());
    click(el, 'button[aria-controls=report]');
  },
};

export const DocumentCheck: Story = { name: 'Document check (empty)', args: { mode: 'document' } };

export const DocumentResults: Story = {
  name: 'Document check: results',
  args: { mode: 'document' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    const area = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#doc-text')!;
    area.value =
      'Looking after someone? We offer short breaks for carers every month, and clear information and advice.\n\n' +
      'We do not offer a carers assessment at the moment. Young carers meet on Fridays. ' +
      'The integrated commissioning organisation will operationalise multidisciplinary interventions.';
    area.dispatchEvent(new Event('input'));
    await el.updateComplete;
    click(el, 'button[type=submit]');
  },
};

export const Carer: Story = { name: "A carer's view", args: { mode: 'carer' } };

export const BuiltInSet: Story = {
  name: 'Built-in set: Herefordshire and Worcestershire',
  args: { sample: false, instrument: 'hw-commitment-to-carers' },
};

export const BuiltInCarer: Story = {
  name: "Built-in set: Warrington's aims, a carer's view",
  args: { sample: false, instrument: 'warrington-carers-aims', mode: 'carer' },
};

export const EasyRead: Story = { name: 'Easy read (built-in set)', args: { sample: false, easyRead: true, mode: 'carer' } };

export const RightToLeft: Story = { name: 'Right to left (Urdu)', args: { mode: 'carer' }, globals: { locale: 'ur' } };

export const BrokenDefinition: Story = {
  name: 'Broken definition (what the web editor sees)',
  render: () =>
    html`<carer-priority-check .definition=${{ kind: 'statement-set', id: 'oops', version: 1, title: 'Broken', scale: [], groups: [] }}></carer-priority-check>`,
};
