import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { buttonStyles, reset } from '@carers-voice/elements/theme';

/**
 * The kit styles native `<button>`s inside each widget's own form (no `<carer-button>` element, so
 * the form's own submit works). This story element shows the classes a widget uses:
 * `.button` (primary), `.secondary`, `.warning`, `.link`, and `aria-busy` while a submit is under way
 * (buttons are never disabled: repeat presses are ignored instead).
 */
class StoryButtons extends LitElement {
  static override styles = [
    reset,
    buttonStyles,
    css`
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--cv-space-4);
        align-items: flex-start;
      }
    `,
  ];
  @property() primary = '';
  @property() secondary = '';
  @property() warning = '';
  @property() link = '';
  @property({ type: Boolean }) busy = false;
  override render() {
    return html`<form class="row" @submit=${(e: Event) => e.preventDefault()}>
      <button class="button" aria-busy=${this.busy ? 'true' : 'false'}>${this.primary}</button>
      <button type="button" class="button secondary">${this.secondary}</button>
      <button type="button" class="button warning">${this.warning}</button>
      <button type="button" class="button link">${this.link}</button>
    </form>`;
  }
}
if (!customElements.get('story-buttons')) customElements.define('story-buttons', StoryButtons);

interface ButtonArgs {
  primary: string;
  secondary: string;
  warning: string;
  link: string;
  busy: boolean;
}

const meta = {
  title: 'Kit/Buttons',
  args: { primary: 'Continue', secondary: 'Save and come back later', warning: 'Delete my answers', link: 'Change', busy: false },
  render: (a) =>
    html`<story-buttons primary=${a.primary} secondary=${a.secondary} warning=${a.warning} link=${a.link} ?busy=${a.busy}></story-buttons>`,
} satisfies Meta<ButtonArgs>;
export default meta;
type Story = StoryObj<ButtonArgs>;

export const AllKinds: Story = { name: 'All kinds' };
export const Busy: Story = {
  name: 'Sending (busy, never disabled)',
  args: { primary: 'Send my answers', busy: true },
};
export const RightToLeft: Story = {
  name: 'Right to left (Urdu)',
  globals: { locale: 'ur' },
  args: { primary: 'جاری رکھیں', secondary: 'محفوظ کریں اور بعد میں واپس آئیں', warning: 'میرے جوابات مٹا دیں', link: 'تبدیل کریں' },
};
