import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { QuestionOf } from '@carers-voice/core/content';
import { TextControl } from '../textarea/text-control.js';

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
export class CarerTextInput extends TextControl {
  protected renderBox(q: QuestionOf<'text'>, text: string, describedBy: string | typeof nothing) {
    return html`<input
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
      aria-describedby=${describedBy}
      @input=${this.onInput}
      @change=${this.onChange}
    />`;
  }
}
