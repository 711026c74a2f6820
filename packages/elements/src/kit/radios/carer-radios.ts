import type { CSSResultGroup } from 'lit';
import type { QuestionOf } from '@carers-voice/core/content';
import { CarerElement } from '../../base/carer-element.js';
import { choiceStyles, questionBaseStyles } from '../../theme/question.styles.js';
import { ChoiceGroup, type ChoiceOption } from '../choice/choice-group.js';

/**
 * One answer from a list (GOV.UK radios): a fieldset whose legend is the question, native radio
 * inputs (arrow keys move and choose), and an optional follow-up revealed right after its option
 * (`question.reveal[optionValue]`). The answer is the chosen option's `value` (a string).
 *
 * @fires input - The carer chose an option (also when typing in a revealed follow-up). Read `.value`.
 * @fires change - As `input`, once the choice is made.
 *
 * @csspart form-group - Wraps the whole question; carries the error border.
 * @csspart question - The fieldset.
 * @csspart legend - The question heading.
 * @csspart hint - The question hint.
 * @csspart error - The inline error message.
 * @csspart options - The list of options.
 * @csspart option - One option row.
 * @csspart option-label - One option's label.
 * @csspart option-hint - One option's hint.
 * @csspart divider - The "or" before an exclusive option.
 * @csspart reveal - A conditional follow-up.
 *
 * @cssproperty --carer-color-text - Text and radio colour.
 * @cssproperty --carer-color-hint - Hint text.
 * @cssproperty --carer-color-error - Error text and border.
 * @cssproperty --carer-color-focus - Focus highlight.
 * @cssproperty --carer-font-size-base - Every size scales from this.
 *
 * @tag carer-radios
 */
export class CarerRadios extends ChoiceGroup<string> {
  static override styles: CSSResultGroup = [CarerElement.styles, questionBaseStyles, choiceStyles];
  protected readonly inputType = 'radio' as const;

  protected choices(): ChoiceOption[] {
    const q = this.question as QuestionOf<'single'> | undefined;
    return q?.options ?? [];
  }

  protected checked(optionValue: string): boolean {
    return this.value === optionValue;
  }

  protected choose(optionValue: string, checked: boolean): void {
    if (checked) this.value = optionValue;
  }
}
