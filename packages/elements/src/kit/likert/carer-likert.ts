import type { CSSResultGroup } from 'lit';
import type { QuestionOf } from '@carers-voice/core/content';
import { CarerElement } from '../../base/carer-element.js';
import { choiceStyles, questionBaseStyles } from '../../theme/question.styles.js';
import { ChoiceGroup, type ChoiceOption } from '../choice/choice-group.js';
import { scaleStyles } from '../choice/choice.styles.js';
import { likertOptions } from './scales.js';

/**
 * A Likert scale as radios: in a row when the widget is wide (40em or more), stacked when narrow,
 * so nobody has to scroll sideways on a phone. Options come from `question.options` or the named
 * `question.scale` (agreement, satisfaction, truth, frequency, ease; via core's `resolveOptions`), with "Does not apply to me"
 * after an "or" when `notApplicable` is set. The answer is the chosen value (a string).
 *
 * @fires input - The carer chose a point on the scale. Read `.value`.
 * @fires change - As `input`.
 *
 * @csspart form-group - Wraps the whole question.
 * @csspart question - The fieldset.
 * @csspart legend - The question heading.
 * @csspart hint - The question hint.
 * @csspart error - The inline error message.
 * @csspart options - The scale.
 * @csspart option - One point on the scale.
 * @csspart option-label - One point's label.
 * @csspart divider - The "or" before "Does not apply to me".
 *
 * @cssproperty --carer-color-border-subtle - Outline of each point in the row layout.
 *
 * @tag carer-likert
 */
export class CarerLikert extends ChoiceGroup<string> {
  static override styles: CSSResultGroup = [CarerElement.styles, questionBaseStyles, choiceStyles, scaleStyles];
  protected readonly inputType = 'radio' as const;

  protected choices(): ChoiceOption[] {
    const q = this.question as QuestionOf<'likert'> | undefined;
    return q ? likertOptions(q) : [];
  }

  protected override optionsClass(): string {
    return 'row';
  }

  protected checked(optionValue: string): boolean {
    return this.value === optionValue;
  }

  protected choose(optionValue: string, checked: boolean): void {
    if (checked) this.value = optionValue;
  }
}
