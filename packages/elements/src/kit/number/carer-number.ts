import { css, html, nothing, type CSSResultGroup, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { state } from 'lit/decorators.js';
import type { QuestionOf } from '@carers-voice/core/content';
import { CarerElement } from '../../base/carer-element.js';
import { QuestionControl } from '../../base/question-control.js';
import { questionBaseStyles } from '../../theme/question.styles.js';
import { fieldStyles } from '../../theme/field.styles.js';

/** Reads what the carer typed: a number when it is one ("1,200" and " 7 " included), else the text. */
export function parseNumber(text: string): number | string | undefined {
  const t = text.trim().replace(/,/g, '');
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : text.trim();
}

/**
 * A number answer, GOV.UK style: a text box with `inputmode="numeric"` (or `decimal` when the
 * question allows fractions), so phones show a number pad without the spin buttons and scroll
 * traps of `type="number"`. The unit ("hours a week") follows the box and is read with it.
 *
 * The answer is a number; if what was typed is not a number, `value` is the text as typed so the
 * check on submit can say so ("not-a-number") without losing it. Empty is `undefined`.
 *
 * @fires input - The carer typed. Read `.value`.
 * @fires change - The carer left the box after changing it.
 *
 * @csspart form-group - Wraps the whole question.
 * @csspart question - The label.
 * @csspart hint - The hint.
 * @csspart error - The inline error message.
 * @csspart input - The box.
 * @csspart unit - The unit after the box.
 *
 * @cssproperty --carer-color-border - Box border.
 * @cssproperty --carer-color-error - Error text and border.
 * @cssproperty --carer-color-focus - Focus highlight.
 *
 * @tag carer-number
 */
export class CarerNumber extends QuestionControl<number | string> {
  static override styles: CSSResultGroup = [
    CarerElement.styles,
    questionBaseStyles,
    fieldStyles,
    css`
      .wrapper {
        display: flex;
        align-items: center;
        gap: var(--cv-space-2);
        flex-wrap: wrap;
      }
      .input {
        inline-size: 8em;
      }
      .unit {
        font-weight: 400;
      }
    `,
  ];

  /** What is in the box, exactly as typed. */
  @state() private text = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A value set by code replaces the text unless it is what the text already means.
    if (changed.has('value') && parseNumber(this.text) !== this.value) this.text = this.value === undefined ? '' : String(this.value);
  }

  private onInput(e: Event): void {
    e.stopPropagation();
    this.text = (e.target as HTMLInputElement).value;
    this.value = parseNumber(this.text);
    this.emit('input');
  }

  private onChange(): void {
    this.emit('change');
  }

  override render() {
    const q = this.question as QuestionOf<'number'> | undefined;
    if (!q) return nothing;
    const whole = q.integer ?? false;
    return this.renderLabelled(html`<div class="wrapper">
          <input
            class="input"
            part="input"
            id=${q.id}
            name=${q.id}
            type="text"
            inputmode=${whole ? 'numeric' : 'decimal'}
            spellcheck="false"
            autocomplete="off"
            .value=${live(this.text)}
            aria-invalid=${this.error ? 'true' : nothing}
            aria-describedby=${this.describedBy(q.unit ? `${q.id}-unit` : undefined)}
            @input=${this.onInput}
            @change=${this.onChange}
          />
          ${q.unit ? html`<span class="unit" id="${q.id}-unit" part="unit">${q.unit}</span>` : nothing}
        </div>`);
  }
}
