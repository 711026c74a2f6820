import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ErrorSummaryItem } from '@carers-voice/elements/kit';
import { fixtureQuestion } from './questions.js';

interface SummaryArgs {
  errors: ErrorSummaryItem[];
  headingLevel?: number;
}

const isCarer = fixtureQuestion('is-carer', 'single');
const hours = fixtureQuestion('hours', 'number');

/**
 * GOV.UK error summary: "There is a problem", then a link to each question to fix. It takes focus
 * when it appears; choosing a link fires `carer-focus-field` so the widget can focus the field.
 * Shown here above the questions it links to, as a widget lays it out.
 */
const meta = {
  title: 'Kit/Error summary',
  component: 'carer-error-summary',
  args: {
    errors: [
      { id: isCarer.id, message: 'Select yes if you look after someone who could not manage without you' },
      { id: hours.id, message: 'Enter the number of hours a week, from 0 to 168' },
    ],
  },
  argTypes: {
    errors: { control: 'object', description: 'One { id, message } per problem; id is the field to focus' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 }, name: 'heading-level' },
  },
  render: (args) => html`
    <carer-error-summary
      .errors=${args.errors}
      heading-level=${args.headingLevel ?? 2}
      @carer-focus-field=${(e: Event & { id: string }) => {
        const root = (e.target as HTMLElement).getRootNode() as Document | ShadowRoot;
        root.querySelector<HTMLElement & { focusField(id: string): boolean }>(`[data-question="${e.id}"]`)?.focusField(e.id);
      }}
    ></carer-error-summary>
    <carer-radios .question=${isCarer} error=${args.errors.find((x) => x.id === isCarer.id)?.message ?? ''}></carer-radios>
    <carer-number .question=${hours} error=${args.errors.find((x) => x.id === hours.id)?.message ?? ''}></carer-number>
  `,
} satisfies Meta<SummaryArgs>;
export default meta;
type Story = StoryObj<SummaryArgs>;

export const TwoProblems: Story = { name: 'Two problems' };

export const OneProblem: Story = { name: 'One problem', args: { errors: [{ id: hours.id, message: 'Enter a whole number of hours, like 35' }] } };

export const RightToLeft: Story = {
  name: 'Right to left (Urdu)',
  globals: { locale: 'ur' },
  args: {
    errors: [
      { id: isCarer.id, message: 'اگر آپ کسی کی دیکھ بھال کرتے ہیں تو ہاں منتخب کریں' },
      { id: hours.id, message: 'ہفتے میں گھنٹوں کی تعداد 0 سے 168 تک لکھیں' },
    ],
  },
};

/** With nothing to report it renders nothing at all. */
export const NoProblems: Story = { name: 'No problems (renders nothing)', args: { errors: [] } };
