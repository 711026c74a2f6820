import { html, type CSSResultGroup } from 'lit';
import { msg, str } from '@lit/localize';
import type { QuestionOf } from '@carers-voice/core/content';
import { CarerElement } from '../../base/carer-element.js';
import { Announcer } from '../../base/announcer.js';
import { choiceStyles, questionBaseStyles } from '../../theme/question.styles.js';
import { ChoiceGroup, type ChoiceOption } from '../choice/choice-group.js';

/**
 * Any number of answers from a list (GOV.UK checkboxes). An option marked `exclusive` ("None of
 * these") comes after an "or" divider; ticking it clears the others, and ticking another clears it.
 * Either clearing is announced politely, so nobody is surprised by a box changing out of sight.
 * The answer is an array of option values in the order of the options.
 *
 * @fires input - The carer ticked or unticked a box (or typed in a revealed follow-up). Read `.value`.
 * @fires change - As `input`.
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
 * @cssproperty --carer-color-text - Text and box colour.
 * @cssproperty --carer-color-error - Error text and border.
 * @cssproperty --carer-color-focus - Focus highlight.
 *
 * @tag carer-checkboxes
 */
export class CarerCheckboxes extends ChoiceGroup<string[]> {
  static override styles: CSSResultGroup = [CarerElement.styles, questionBaseStyles, choiceStyles];
  protected readonly inputType = 'checkbox' as const;
  private readonly announcer = new Announcer(this);

  protected choices(): ChoiceOption[] {
    const q = this.question as QuestionOf<'multiple'> | undefined;
    const options = q?.options ?? [];
    return options.map((o, i) => ({ ...o, dividerBefore: Boolean(o.exclusive) && i > 0 && !options[i - 1]?.exclusive }));
  }

  protected checked(optionValue: string): boolean {
    return Array.isArray(this.value) && this.value.includes(optionValue);
  }

  protected choose(optionValue: string, checked: boolean): void {
    const options = this.choices();
    const option = options.find((o) => o.value === optionValue);
    const before = Array.isArray(this.value) ? this.value : [];
    let next: string[];
    if (!checked) {
      next = before.filter((v) => v !== optionValue);
    } else if (option?.exclusive) {
      next = [optionValue];
      if (before.some((v) => v !== optionValue))
        this.announcer.announce(
          msg(str`Your other answers have been unticked because you chose "${this.optionText(option)}".`, {
            id: 'kit.checkboxes.cleared-others',
          }),
        );
    } else {
      const exclusive = options.filter((o) => o.exclusive && before.includes(o.value));
      next = [...before.filter((v) => !exclusive.some((o) => o.value === v)), optionValue];
      for (const o of exclusive)
        this.announcer.announce(msg(str`"${this.optionText(o)}" has been unticked.`, { id: 'kit.checkboxes.cleared-exclusive' }));
    }
    // Keep the answer in option order whatever order the boxes were ticked in.
    this.value = options.map((o) => o.value).filter((v) => next.includes(v));
  }

  protected override renderAfterOptions() {
    return html`${this.announcer.render()}`;
  }
}
