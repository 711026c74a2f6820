import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { CarerTheme } from '@carers-voice/elements/provider';
import { fixtureQuestion, translated } from './questions.js';
import { themes, type StoryGlobals } from './support.js';

interface ProviderArgs {
  theme?: CarerTheme;
  endpoint: string;
  partner: string;
}

const isCarer = fixtureQuestion('is-carer', 'single');
const feelValued = fixtureQuestion('feel-valued', 'likert');
const hours = fixtureQuestion('hours', 'number');

/**
 * `<carer-voice>` sets up every widget inside it once: `endpoint`, `partner`, `lang` and a brand
 * `theme`. The theme object becomes `--carer-*` custom properties on the provider (through the
 * CSSOM, so a strict CSP allows it); a partner can set the same properties in their own CSS.
 */
const meta: Meta<ProviderArgs> = {
  title: 'Provider/carer-voice',
  component: 'carer-voice',
  args: { theme: themes.council, endpoint: 'https://carers.example.org', partner: 'example-council' },
  argTypes: {
    theme: { control: 'object', description: '{ brand, brandText, focus, focusText, link, text, background, error, fontFamily, radius, baseSize }' },
    endpoint: { control: 'text' },
    partner: { control: 'text' },
  },
  render: (args, context) => {
    const locale = (context?.globals as StoryGlobals | undefined)?.locale ?? 'en-GB';
    return html`<carer-voice lang=${locale} endpoint=${args.endpoint} partner=${args.partner} .theme=${args.theme}>
      <carer-radios .question=${translated(isCarer, locale)} .value=${'yes'}></carer-radios>
      <carer-likert .question=${feelValued}></carer-likert>
      <carer-number .question=${hours} error="Enter the number of hours a week, from 0 to 168"></carer-number>
      <carer-progress current="2" total="5" unit="page"></carer-progress>
    </carer-voice>`;
  },
};
export default meta;
type Story = StoryObj<ProviderArgs>;

export const CouncilBrand: Story = { name: 'Council brand theme' };
export const NhsBrand: Story = { name: 'NHS-style theme, larger text', args: { theme: themes.nhs } };
export const NoTheme: Story = { name: 'No theme (defaults)', args: { theme: undefined } };
export const RightToLeft: Story = { name: 'Right to left (Urdu), brand theme', globals: { locale: 'ur' } };
