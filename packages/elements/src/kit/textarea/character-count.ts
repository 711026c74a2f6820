/**
 * GOV.UK character count for `<carer-text-input>` and `<carer-textarea>`: a visible
 * "You have N characters remaining" / "You have N characters too many" under the box, and the same
 * words said politely to screen readers once the carer pauses typing (1 s), so the count never
 * interrupts. Typing is never blocked: going over is shown, and checked on submit.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { Announcer } from '../../base/announcer.js';
import { plural } from '../../base/plural.js';

export class CharacterCount {
  /** How long the carer must pause before the count is spoken (ms). */
  static announceDelay = 1000;
  private readonly announcer: Announcer;

  constructor(host: ReactiveControllerHost) {
    this.announcer = new Announcer(host, CharacterCount.announceDelay);
  }

  static message(length: number, max: number): string {
    const left = max - length;
    if (left >= 0)
      return plural(left, {
        one: () => msg(str`You have ${left} character remaining`, { id: 'kit.count.remaining.one' }),
        other: () => msg(str`You have ${left} characters remaining`, { id: 'kit.count.remaining.other' }),
      });
    const over = -left;
    return plural(over, {
      one: () => msg(str`You have ${over} character too many`, { id: 'kit.count.over.one' }),
      other: () => msg(str`You have ${over} characters too many`, { id: 'kit.count.over.other' }),
    });
  }

  /** Call on every user keystroke. */
  typed(length: number, max: number | undefined): void {
    if (max) this.announcer.announce(CharacterCount.message(length, max));
  }

  /** id of the static "You can enter up to N characters" text, for `aria-describedby`. */
  static infoId(qid: string): string {
    return `${qid}-info`;
  }

  render(qid: string, length: number, max: number | undefined): TemplateResult | typeof nothing {
    if (!max) return nothing;
    const over = length > max;
    return html`
      <div class="visually-hidden" id=${CharacterCount.infoId(qid)}>
        ${plural(max, {
          one: () => msg(str`You can enter up to ${max} character`, { id: 'kit.count.info.one' }),
          other: () => msg(str`You can enter up to ${max} characters`, { id: 'kit.count.info.other' }),
        })}
      </div>
      <div class="count ${over ? 'over' : ''}" aria-hidden="true" part="count">${CharacterCount.message(length, max)}</div>
      ${this.announcer.render()}
    `;
  }
}
