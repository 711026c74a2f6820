import { css, html, nothing, type CSSResultGroup, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { AnswerValue, Answers, Question } from '@carers-voice/core/content';
import { CarerElement } from '../../base/carer-element.js';
import type { QuestionControl } from '../../base/question-control.js';
import { hasControl, loadControl } from '../controls.js';

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
 * The control for a type is loaded the first time a question of that type shows (unless the page
 * registered it already, e.g. with `@carers-voice/elements/kit/define`); until then the question
 * keeps some space (`part="pending"`), so the page does not jump much when it appears.
 *
 * @csspart pending - The space kept while the control for this question type loads.
 * @cssproperty --carer-font-size-base - Every size in the control scales from this (all `--carer-*` tokens pass through).
 * @cssproperty --carer-question-pending-size - Space kept while the control loads (default 6em).
 *
 * @tag carer-question
 */
export class CarerQuestion extends CarerElement {
  static override styles: CSSResultGroup = [
    CarerElement.styles,
    css`
      .pending {
        min-block-size: var(--carer-question-pending-size, 6em);
      }
    `,
  ];

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
    return typeof this.control?.focusField === 'function' ? this.control.focusField(id, options) : false;
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
    if (!hasControl(q.type)) {
      // Loaded on first use; a failed load (offline) is tried again on the next render.
      loadControl(q.type).then(
        () => this.requestUpdate(),
        () => undefined,
      );
      return html`<div class="pending" part="pending" aria-busy="true"></div>`;
    }
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
