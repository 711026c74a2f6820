import { html, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { AnswerValue, Answers, Question } from '@carers-voice/core/content';
import { CarerElement } from '../../base/carer-element.js';
import type { QuestionControl } from '../../base/question-control.js';

/**
 * Renders the right control for any `question` (single → `<carer-radios>`, multiple →
 * `<carer-checkboxes>`, select, likert, rating, text, textarea, number, ranking, points,
 * statement), so a widget can render one tag per question. `value`, `error`, `easy-read`, `young`,
 * `revealValues` and `revealErrors` are passed down; the inner control's `input` and `change`
 * events come out of this element, and `.value` / `.answers` here follow the carer's answer.
 *
 * @fires input - The carer changed the answer. Read `.value` (or `.answers` with reveals).
 * @fires change - The carer committed a change.
 *
 * @cssproperty --carer-font-size-base - Every size in the control scales from this (all `--carer-*` tokens pass through).
 *
 * @tag carer-question
 */
export class CarerQuestion extends CarerElement {
  @property({ attribute: false }) question?: Question;
  @property({ attribute: false }) value: AnswerValue | undefined = undefined;
  @property() error = '';
  @property({ type: Boolean, attribute: 'easy-read', reflect: true }) easyRead = false;
  @property({ type: Boolean, reflect: true }) young = false;
  @property({ attribute: false }) revealValues: Record<string, AnswerValue> = {};
  @property({ attribute: false }) revealErrors: Record<string, string> = {};

  @query('[data-control]') private control?: QuestionControl;

  /** This question's answers with those of chosen reveals (see the inner control). */
  get answers(): Answers {
    return this.control?.answers ?? {};
  }

  /** Focuses the first input of the question. */
  override focus(options?: FocusOptions): void {
    this.control ? this.control.focus(options) : super.focus(options);
  }

  /** Focuses the field with this id (the question or a reveal); false if it is not here. */
  focusField(id: string, options?: FocusOptions): boolean {
    return this.control?.focusField(id, options) ?? false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('question') && this.question) this.setAttribute('data-question', this.question.id);
  }

  // Keeps `.value` in step with the carer's answer; the event itself carries on outwards untouched.
  private sync(e: Event): void {
    const c = e.currentTarget as QuestionControl;
    this.value = c.value;
    this.revealValues = c.revealValues;
  }

  override render() {
    const q = this.question;
    if (!q) return nothing;
    const common = {
      q,
      v: this.value,
      e: this.error,
    };
    const on = (e: Event) => this.sync(e);
    // Lit cannot bind a dynamic tag name without `unsafeStatic`; a switch keeps templates static.
    switch (q.type) {
      case 'single':
        return html`<carer-radios data-control .question=${common.q} .value=${common.v} .error=${common.e} .revealValues=${this.revealValues} .revealErrors=${this.revealErrors} ?easy-read=${this.easyRead} ?young=${this.young} @input=${on} @change=${on}></carer-radios>`;
      case 'multiple':
        return html`<carer-checkboxes data-control .question=${common.q} .value=${common.v} .error=${common.e} .revealValues=${this.revealValues} .revealErrors=${this.revealErrors} ?easy-read=${this.easyRead} ?young=${this.young} @input=${on} @change=${on}></carer-checkboxes>`;
      case 'select':
        return html`<carer-select data-control .question=${common.q} .value=${common.v} .error=${common.e} ?easy-read=${this.easyRead} ?young=${this.young} @input=${on} @change=${on}></carer-select>`;
      case 'likert':
        return html`<carer-likert data-control .question=${common.q} .value=${common.v} .error=${common.e} ?easy-read=${this.easyRead} ?young=${this.young} @input=${on} @change=${on}></carer-likert>`;
      case 'rating':
        return html`<carer-rating data-control .question=${common.q} .value=${common.v} .error=${common.e} ?easy-read=${this.easyRead} ?young=${this.young} @input=${on} @change=${on}></carer-rating>`;
      case 'text':
        return html`<carer-text-input data-control .question=${common.q} .value=${common.v} .error=${common.e} ?easy-read=${this.easyRead} ?young=${this.young} @input=${on} @change=${on}></carer-text-input>`;
      case 'textarea':
        return html`<carer-textarea data-control .question=${common.q} .value=${common.v} .error=${common.e} ?easy-read=${this.easyRead} ?young=${this.young} @input=${on} @change=${on}></carer-textarea>`;
      case 'number':
        return html`<carer-number data-control .question=${common.q} .value=${common.v} .error=${common.e} ?easy-read=${this.easyRead} ?young=${this.young} @input=${on} @change=${on}></carer-number>`;
      case 'ranking':
        return html`<carer-ranking data-control .question=${common.q} .value=${common.v} .error=${common.e} ?easy-read=${this.easyRead} ?young=${this.young} @input=${on} @change=${on}></carer-ranking>`;
      case 'points':
        return html`<carer-points data-control .question=${common.q} .value=${common.v} .error=${common.e} ?easy-read=${this.easyRead} ?young=${this.young} @input=${on} @change=${on}></carer-points>`;
      case 'statement':
        return html`<carer-statement data-control .question=${common.q} .value=${common.v} .error=${common.e} ?easy-read=${this.easyRead} ?young=${this.young} @input=${on} @change=${on}></carer-statement>`;
    }
  }
}
