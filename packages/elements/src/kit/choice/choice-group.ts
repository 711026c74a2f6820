/**
 * The GOV.UK radios/checkboxes pattern shared by `<carer-radios>`, `<carer-checkboxes>`,
 * `<carer-likert>`, `<carer-rating>` and `<carer-statement>`: a fieldset whose legend is the question,
 * hint and error inside it, one native input + label per option (the first option's id is the
 * question id, so an error summary link can reach it), an "or" divider before an exclusive option,
 * and each option's conditional reveal right after it.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { AnswerValue } from '@carers-voice/core/content';
import { QuestionControl } from '../../base/question-control.js';

export interface ChoiceOption {
  value: string;
  label: string;
  hint?: string | undefined;
  easyRead?: string | undefined;
  exclusive?: boolean | undefined;
  /** Draw an "or" divider before this option (exclusive "None of these", "Does not apply to me"). */
  dividerBefore?: boolean | undefined;
}

export abstract class ChoiceGroup<V extends AnswerValue> extends QuestionControl<V> {
  protected abstract readonly inputType: 'radio' | 'checkbox';

  /** The options to show, in order. */
  protected abstract choices(): ChoiceOption[];

  /** Whether the option is chosen in the current `value`. */
  protected abstract checked(optionValue: string): boolean;

  /** Applies the user's choice to `value` (called only on user action). */
  protected abstract choose(optionValue: string, checked: boolean): void;

  /** Extra class on the options container, e.g. `row` for a scale. */
  protected optionsClass(): string {
    return '';
  }

  /** Extra content after the hint (e.g. rating's scale labels). */
  protected renderExtraDescription(): TemplateResult | typeof nothing {
    return nothing;
  }

  protected extraDescribedBy(): string | undefined {
    return undefined;
  }

  protected override isChosen(optionValue: string): boolean {
    return this.checked(optionValue);
  }

  protected optionId(index: number): string {
    return index === 0 ? this.qid : `${this.qid}-${index + 1}`;
  }

  private onChange(e: Event, optionValue: string): void {
    const input = e.target as HTMLInputElement;
    this.choose(optionValue, input.checked);
    this.fireUserChange('both');
  }

  protected renderOption(o: ChoiceOption, index: number): TemplateResult {
    const id = this.optionId(index);
    const hintId = `${id}-item-hint`;
    const reveal = this.revealFor(o.value);
    const chosen = this.checked(o.value);
    return html`
      ${o.dividerBefore ? html`<div class="divider" part="divider">${msg('or', { id: 'kit.or' })}</div>` : nothing}
      <div class="option" part="option">
        <input
          type=${this.inputType}
          id=${id}
          name=${this.qid}
          .value=${o.value}
          .checked=${chosen}
          aria-describedby=${o.hint ? hintId : nothing}
          aria-controls=${reveal ? this.revealId(o.value) : nothing}
          aria-expanded=${
            // ARIA 1.2 allows aria-expanded on a checkbox but not on a radio (axe: aria-allowed-attr),
            // so radios rely on aria-controls and the reveal following the option.
            reveal && this.inputType === 'checkbox' ? String(chosen) : nothing
          }
          data-exclusive=${o.exclusive ? 'true' : nothing}
          @input=${this.stopNative}
          @change=${(e: Event) => this.onChange(e, o.value)}
        />
        <label for=${id} part="option-label">${this.optionText(o)}</label>
        ${o.hint ? html`<div class="option-hint" id=${hintId} part="option-hint">${o.hint}</div>` : nothing}
      </div>
      ${reveal ? this.renderReveal(o.value, chosen) : nothing}
    `;
  }

  // What `live()` would do, without its directive code in every widget: after each render each box
  // shows `value`, even one the carer changed since the last render that Lit's binding did not see.
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    for (const input of this.renderRoot.querySelectorAll<HTMLInputElement>('.option > input')) {
      const want = this.checked(input.value);
      if (input.checked !== want) input.checked = want;
    }
  }

  protected renderChoices(options: ChoiceOption[]): TemplateResult {
    return html`<div class="options ${this.optionsClass()}" part="options">${options.map((o, i) => this.renderOption(o, i))}</div>`;
  }

  protected renderAfterOptions(): TemplateResult | typeof nothing {
    return nothing;
  }

  override render() {
    if (!this.question) return nothing;
    return html`
      <div class=${this.groupClass()} part="form-group">
        <fieldset class="fieldset" aria-describedby=${this.describedBy(this.extraDescribedBy())} part="question">
          <legend class="legend" part="legend">${this.renderLabel()}</legend>
          ${this.renderHint()} ${this.renderExtraDescription()} ${this.renderError()} ${this.renderChoices(this.choices())}
        </fieldset>
        ${this.renderAfterOptions()}
      </div>
    `;
  }
}
