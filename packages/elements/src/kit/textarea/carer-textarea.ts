import { html, nothing, type CSSResultGroup } from 'lit';
import { live } from 'lit/directives/live.js';
import type { QuestionOf } from '@carers-voice/core/content';
import { CarerElement } from '../../base/carer-element.js';
import { QuestionControl } from '../../base/question-control.js';
import { fieldStyles, questionBaseStyles } from '../../theme/question.styles.js';
import { CharacterCount } from './character-count.js';

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
export class CarerTextarea extends QuestionControl<string> {
  static override styles: CSSResultGroup = [CarerElement.styles, questionBaseStyles, fieldStyles];
  private readonly count = new CharacterCount(this);

  private onInput(e: Event): void {
    e.stopPropagation();
    this.value = (e.target as HTMLTextAreaElement).value;
    this.count.typed(this.value.length, (this.question as QuestionOf<'textarea'> | undefined)?.maxLength);
    this.emit('input');
  }

  private onChange(): void {
    this.emit('change');
  }

  override render() {
    const q = this.question as QuestionOf<'textarea'> | undefined;
    if (!q) return nothing;
    const text = this.value ?? '';
    const max = q.maxLength;
    return html`
      <div class=${this.groupClass()} part="form-group">
        <label class="label" for=${q.id} part="question">${this.renderLabel()}</label>
        ${this.renderHint()} ${this.renderError()}
        <textarea
          class="textarea"
          part="textarea"
          id=${q.id}
          name=${q.id}
          rows=${q.rows ?? 5}
          .value=${live(text)}
          aria-invalid=${this.error || (max && text.length > max) ? 'true' : nothing}
          aria-describedby=${this.describedBy(max ? CharacterCount.infoId(q.id) : undefined)}
          @input=${this.onInput}
          @change=${this.onChange}
        ></textarea>
        ${this.count.render(q.id, text.length, max)}
      </div>
    `;
  }
}
