import { css, html, nothing, type CSSResultGroup } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { CarerElement } from '../../base/carer-element.js';

/**
 * How far through the carer is, in words first ("Question 3 of 12", "Page 2 of 5"), with a bar
 * beneath for those who like one. The bar is hidden from assistive technology: the words say it all.
 *
 * @csspart text - The words.
 * @csspart bar - The bar.
 *
 * @cssproperty --carer-color-brand - The filled part of the bar.
 *
 * @cssproperty --carer-color-hint - The words.
 *
 * @tag carer-progress
 */
export class CarerProgress extends CarerElement {
  static override styles: CSSResultGroup = [
    CarerElement.styles,
    css`
      p {
        margin: 0 0 var(--cv-space-2);
        color: var(--cv-color-hint);
      }
      progress {
        display: block;
        inline-size: 100%;
        block-size: 0.5em;
        margin: 0 0 var(--cv-space-4);
        appearance: none;
        border: 1px solid var(--cv-color-border-subtle);
        background: var(--cv-color-surface-alt);
        accent-color: var(--cv-color-brand);
      }
      progress::-webkit-progress-bar {
        background: var(--cv-color-surface-alt);
      }
      progress::-webkit-progress-value {
        background: var(--cv-color-brand);
      }
      progress::-moz-progress-bar {
        background: var(--cv-color-brand);
      }
    `,
  ];

  /** Where the carer is now (1-based). */
  @property({ type: Number }) current = 1;
  /** How many there are. */
  @property({ type: Number }) total = 1;
  /** What is being counted: `question` (default) or `page`. */
  @property() unit: 'question' | 'page' = 'question';
  /** Hide the bar, keeping the words. */
  @property({ type: Boolean, attribute: 'no-bar' }) noBar = false;

  override render() {
    const total = Math.max(1, Math.floor(this.total));
    const current = Math.min(total, Math.max(1, Math.floor(this.current)));
    const text =
      this.unit === 'page'
        ? msg(str`Page ${current} of ${total}`, { id: 'kit.progress.page' })
        : msg(str`Question ${current} of ${total}`, { id: 'kit.progress.question' });
    return html`
      <p part="text">${text}</p>
      ${this.noBar ? nothing : html`<progress part="bar" aria-hidden="true" max=${total} .value=${current}></progress>`}
    `;
  }
}
