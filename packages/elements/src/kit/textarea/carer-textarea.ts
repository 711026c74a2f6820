import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { QuestionOf } from '@carers-voice/core/content';
import { TextControl } from './text-control.js';

/**
 * A longer free-text answer (GOV.UK textarea) with a GOV.UK character count when the question has
 * `maxLength`: "You have 12 characters remaining" / "You have 3 characters too many", visible at
 * once and said politely to screen readers after a pause. Typing is never blocked. The answer is
 * the text (a string).
 *
 * @fires input - The carer typed. Read `.value`.
 * @fires change - The carer left the box after changing it.
 *
 * @csspart form-group - Wraps the whole question.
 * @csspart question - The label (the question heading).
 * @csspart hint - The hint.
 * @csspart error - The inline error message.
 * @csspart textarea - The text box.
 * @csspart count - The visible character count.
 *
 * @cssproperty --carer-color-border - Box border.
 * @cssproperty --carer-color-error - Error text, border and an over-long count.
 *
 * @tag carer-textarea
 */
export class CarerTextarea extends TextControl {
  protected renderBox(q: QuestionOf<'textarea'>, text: string, describedBy: string | typeof nothing) {
    const max = q.maxLength;
    return html`<textarea
      class="textarea"
      part="textarea"
      id=${q.id}
      name=${q.id}
      rows=${q.rows ?? 5}
      .value=${live(text)}
      aria-invalid=${this.error || (max && text.length > max) ? 'true' : nothing}
      aria-describedby=${describedBy}
      @input=${this.onInput}
      @change=${this.onChange}
    ></textarea>`;
  }
}
