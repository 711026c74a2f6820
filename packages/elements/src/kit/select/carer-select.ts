import { html, nothing, type CSSResultGroup } from 'lit';
import { msg } from '@lit/localize';
import type { QuestionOf } from '@carers-voice/core/content';
import { CarerElement } from '../../base/carer-element.js';
import { QuestionControl } from '../../base/question-control.js';
import { questionBaseStyles } from '../../theme/question.styles.js';
import { fieldStyles } from '../../theme/field.styles.js';

/**
 * One answer from a long list, as a native `<select>` (GOV.UK select). Prefer radios for fewer than
 * about 10 options: they show every choice at once. The answer is the chosen value (a string);
 * nothing chosen is `undefined`.
 *
 * @fires input - The carer chose an option. Read `.value`.
 * @fires change - As `input`.
 *
 * @csspart form-group - Wraps the whole question.
 * @csspart question - The label.
 * @csspart hint - The hint.
 * @csspart error - The inline error message.
 * @csspart select - The select box.
 *
 * @cssproperty --carer-color-border - Box border.
 * @cssproperty --carer-color-error - Error text and border.
 * @cssproperty --carer-color-focus - Focus highlight.
 *
 * @tag carer-select
 */
export class CarerSelect extends QuestionControl<string> {
  static override styles: CSSResultGroup = [CarerElement.styles, questionBaseStyles, fieldStyles];

  private onChange(e: Event): void {
    e.stopPropagation();
    const v = (e.target as HTMLSelectElement).value;
    this.value = v === '' ? undefined : v;
    this.emit('input');
    this.emit('change');
  }

  protected override updated(): void {
    // `?selected` only sets the first render; keep the box showing `value` after later changes too.
    const select = this.renderRoot.querySelector('select');
    const current = this.value ?? '';
    if (select && select.value !== current) select.value = current;
  }

  override render() {
    const q = this.question as QuestionOf<'select'> | undefined;
    if (!q) return nothing;
    const current = this.value ?? '';
    return this.renderLabelled(html`<select
          class="select"
          part="select"
          id=${q.id}
          name=${q.id}
          aria-invalid=${this.error ? 'true' : nothing}
          aria-describedby=${this.describedBy()}
          @input=${(e: Event) => e.stopPropagation()}
          @change=${this.onChange}
        >
          <option value="" ?selected=${current === ''}>${msg('Choose an answer', { id: 'kit.select.placeholder' })}</option>
          ${q.options.map((o) => html`<option value=${o.value} ?selected=${current === o.value}>${this.optionText(o)}</option>`)}
        </select>`);
  }
}
