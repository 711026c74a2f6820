import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ResultsModel, SuppressedResults } from '@carers-voice/core/aggregate';
import '@carers-voice/charts/define';
import {
  annualResults,
  groupedResults,
  heatmapSample,
  likertQuestion,
  multipleQuestion,
  ratingQuestion,
  rankingQuestion,
  pointsQuestion,
  selectQuestion,
  smallResults,
  suppressedResults,
} from '@carers-voice/charts/fixtures';

interface ResultsArgs {
  results: ResultsModel | SuppressedResults;
  question?: string;
  headingLevel: number;
  lang: string;
  dir: 'ltr' | 'rtl';
}

/**
 * `<carer-results>` draws a results model from the collector: the right chart for each question,
 * a one-sentence summary, and a data table behind "Show as a table" (always printed). Numbers from
 * 1 to the threshold arrive hidden and are never drawn as zero. All data here is synthetic.
 */
const meta: Meta<ResultsArgs> = {
  title: 'Charts/carer-results',
  component: 'carer-results',
  args: { results: annualResults, headingLevel: 2, lang: 'en-GB', dir: 'ltr' },
  argTypes: {
    question: { control: 'text', description: 'A question id, `indicators` or `trends`' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
    lang: { control: 'text' },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
  },
  render: (args) => html`<div lang=${args.lang} dir=${args.dir}>
    <carer-results .results=${args.results} question=${args.question ?? ''} heading-level=${args.headingLevel}></carer-results>
  </div>`,
};
export default meta;
type Story = StoryObj<ResultsArgs>;

const only = (question: string): Partial<ResultsArgs> => ({ question });

export const AllQuestions: Story = { name: 'Annual survey: every kind of question' };
export const Likert: Story = { name: 'Answer scale (diverging bars)', args: only(likertQuestion.id) };
export const LikertByGroup: Story = { name: 'Answer scale by age group (a small group hidden)', args: { results: groupedResults } };
export const Choices: Story = { name: 'Choose several (bars)', args: only(multipleQuestion.id) };
export const HiddenCounts: Story = { name: 'Choose one, with hidden counts', args: only(selectQuestion.id) };
export const Rating: Story = { name: 'Rating 0 to 10 (columns)', args: only(ratingQuestion.id) };
export const Ranking: Story = { name: 'Ranking (average place)', args: only(rankingQuestion.id) };
export const Points: Story = { name: 'Points (average points)', args: only(pointsQuestion.id) };
export const Indicators: Story = { name: 'Indicators', args: only('indicators') };
export const Trends: Story = { name: 'Indicators year on year (lines)', args: only('trends') };
export const SmallPartner: Story = { name: 'Small partner: most numbers hidden', args: { results: smallResults } };
export const Suppressed: Story = { name: 'Too few responses to show', args: { results: suppressedResults } };
export const RightToLeft: Story = { name: 'Right to left (Urdu page)', args: { lang: 'ur', dir: 'rtl' } };

/** Priority statements across organisations: an HTML table heat map, colour plus words in every cell. */
export const StatementHeatmap: Story = {
  name: 'Statement heat map across organisations',
  render: (args) => html`<div lang=${args.lang} dir=${args.dir}>
    <carer-statement-heatmap .data=${heatmapSample} heading-level=${args.headingLevel}></carer-statement-heatmap>
  </div>`,
};
export const StatementHeatmapRtl: Story = { ...StatementHeatmap, name: 'Statement heat map, right to left', args: { lang: 'ur', dir: 'rtl' } };
