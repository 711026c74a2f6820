import { css, html, nothing, type CSSResultGroup } from 'lit';
import { msg, str } from '@lit/localize';
import type { QuestionOf } from '@carers-voice/core/content';
import { CarerElement } from '../../base/carer-element.js';
import { choiceStyles, questionBaseStyles } from '../../theme/question.styles.js';
import { ChoiceGroup, type ChoiceOption } from '../choice/choice-group.js';
import { scaleStyles } from '../choice/choice.styles.js';

/**
 * A 0–10 (or `min`–`max`) rating as a row of radios, one per number. What the ends mean
 * (`minLabel`, `maxLabel`) is written out in words above the row and tied to the group with
 * `aria-describedby`, so it is read with the question. The answer is a number.
 *
 * @fires input - The carer chose a number. Read `.value`.
 * @fires change - As `input`.
 *
 * @csspart form-group - Wraps the whole question.
 * @csspart question - The fieldset.
 * @csspart legend - The question heading.
 * @csspart hint - The question hint.
 * @csspart error - The inline error message.
 * @csspart scale-labels - What the lowest and highest numbers mean.
 * @csspart options - The row of numbers.
 * @csspart option - One number.
 *
 * @cssproperty --carer-color-border-subtle - Outline of each number.
 * @cssproperty --carer-target-size - Smallest size of a number (44px).
 *
 * @tag carer-rating
 */
export class CarerRating extends ChoiceGroup<number> {
  static override styles: CSSResultGroup = [
    CarerElement.styles,
    questionBaseStyles,
    choiceStyles,
    scaleStyles,
    css`
      .options.numbers {
        display: flex;
        flex-flow: row wrap;
        gap: var(--cv-space-1);
      }
      .options.numbers .option {
        grid-template-columns: 1fr;
        justify-items: center;
        min-inline-size: var(--cv-target-size);
        padding: var(--cv-space-1);
        border: 1px solid var(--cv-color-border-subtle);
      }
      .options.numbers .option label {
        padding-inline-end: 0;
      }
      .scale-labels {
        margin: 0 0 var(--cv-space-3);
        padding: 0;
        list-style: none;
      }
    `,
  ];
  protected readonly inputType = 'radio' as const;

  private get range(): [number, number] {
    const q = this.question as QuestionOf<'rating'> | undefined;
    return [q?.min ?? 0, q?.max ?? 10];
  }

  protected choices(): ChoiceOption[] {
    const [min, max] = this.range;
    const out: ChoiceOption[] = [];
    for (let n = min; n <= max; n++) out.push({ value: String(n), label: String(n) });
    return out;
  }

  protected override optionsClass(): string {
    return 'numbers';
  }

  protected override extraDescribedBy(): string | undefined {
    const q = this.question as QuestionOf<'rating'> | undefined;
    return q?.minLabel || q?.maxLabel ? `${this.qid}-scale` : undefined;
  }

  protected override renderExtraDescription() {
    const q = this.question as QuestionOf<'rating'> | undefined;
    if (!q?.minLabel && !q?.maxLabel) return nothing;
    const [min, max] = this.range;
    return html`<ul class="scale-labels" id="${this.qid}-scale" part="scale-labels">
      ${q.minLabel ? html`<li>${msg(str`${min} means ${q.minLabel}`, { id: 'kit.rating.means' })}</li>` : nothing}
      ${q.maxLabel ? html`<li>${msg(str`${max} means ${q.maxLabel}`, { id: 'kit.rating.means' })}</li>` : nothing}
    </ul>`;
  }

  protected checked(optionValue: string): boolean {
    return this.value !== undefined && String(this.value) === optionValue;
  }

  protected choose(optionValue: string, checked: boolean): void {
    if (checked) this.value = Number(optionValue);
  }
}
