import { html, nothing, type CSSResultGroup } from 'lit';
import { live } from 'lit/directives/live.js';
import type { QuestionOf } from '@carers-voice/core/content';
import { CarerElement } from '../../base/carer-element.js';
import { QuestionControl } from '../../base/question-control.js';
import { fieldStyles, questionBaseStyles } from '../../theme/question.styles.js';
import { CharacterCount } from '../textarea/character-count.js';

/**
 * A one-line text answer (GOV.UK text input) with its label as the question heading. With
 * `maxLength` it shows a GOV.UK character count; typing past the limit is allowed and shown. The
 * answer is the text (a string). `autocomplete` and `inputMode` from the question help autofill and
 * on-screen keyboards.
 *
 * @fires input - The carer typed. Read `.value`.
 * @fires change - The carer left the box after changing it.
 *
 * @csspart form-group - Wraps the whole question.
 * @csspart question - The label (the question heading).
 * @csspart hint - The hint.
 * @csspart error - The inline error message.
 * @csspart input - The text box.
 * @csspart count - The visible character count.
 *
 * @cssproperty --carer-color-border - Box border.
 * @cssproperty --carer-color-error - Error text and border.
 * @cssproperty --carer-color-focus - Focus highlight.
 *
 * @tag carer-text-input
 */
export class CarerTextInput extends QuestionControl<string> {
  static override styles: CSSResultGroup = [CarerElement.styles, questionBaseStyles, fieldStyles];
  private readonly count = new CharacterCount(this);

  private onInput(e: Event): void {
    e.stopPropagation();
    this.value = (e.target as HTMLInputElement).value;
    this.count.typed(this.value.length, (this.question as QuestionOf<'text'> | undefined)?.maxLength);
    this.emit('input');
  }

  private onChange(): void {
    this.emit('change');
  }

  override render() {
    const q = this.question as QuestionOf<'text'> | undefined;
    if (!q) return nothing;
    const text = this.value ?? '';
    const max = q.maxLength;
    return html`
      <div class=${this.groupClass()} part="form-group">
        <label class="label" for=${q.id} part="question">${this.renderLabel()}</label>
        ${this.renderHint()} ${this.renderError()}
        <input
          class="input"
          part="input"
          id=${q.id}
          name=${q.id}
          type="text"
          .value=${live(text)}
          autocomplete=${q.autocomplete ?? nothing}
          inputmode=${q.inputMode ?? nothing}
          spellcheck=${q.inputMode && q.inputMode !== 'text' ? 'false' : nothing}
          aria-invalid=${this.error ? 'true' : nothing}
          aria-describedby=${this.describedBy(max ? CharacterCount.infoId(q.id) : undefined)}
          @input=${this.onInput}
          @change=${this.onChange}
        />
        ${this.count.render(q.id, text.length, max)}
      </div>
    `;
  }
}
