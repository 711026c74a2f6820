import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@carers-voice/elements/survey/define';
import { fixtures } from '../packages/core/src/content/fixtures/index.js';
import type { StoryGlobals } from './support.js';

interface SurveyArgs {
  definition: unknown;
  easyRead: boolean;
  young: boolean;
}

/**
 * `<carer-survey>` with core's sample survey (every question type, branching, a reveal, check your
 * answers). With no `endpoint` it keeps answers on this device only and says so. Each story keeps its
 * drafts in its own IndexedDB database, so stories do not share answers.
 */
const meta: Meta<SurveyArgs> = {
  title: 'Widgets/Survey',
  component: 'carer-survey',
  args: { definition: fixtures.survey, easyRead: false, young: false },
  argTypes: {
    definition: { control: 'object', description: 'A survey definition (see @carers-voice/core/content)' },
    easyRead: { control: 'boolean', name: 'easy-read' },
    young: { control: 'boolean' },
  },
  render: (args, context) => {
    const easyRead = args.easyRead || (context?.globals as StoryGlobals | undefined)?.easyRead === 'on';
    return html`<carer-survey
      .definition=${args.definition}
      .database=${`storybook-survey-${context?.id ?? 'sweep'}`}
      ?easy-read=${easyRead}
      ?young=${args.young}
    ></carer-survey>`;
  },
};
export default meta;
type Story = StoryObj<SurveyArgs>;

export const SampleSurvey: Story = { name: 'Sample survey' };
export const EasyRead: Story = { name: 'Easy read', args: { easyRead: true } };
export const Young: Story = { name: "Young carers' wording", args: { young: true } };
export const RightToLeft: Story = { name: 'Right to left (Urdu)', globals: { locale: 'ur' } };
