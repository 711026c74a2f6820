import { css, html, nothing, type CSSResultGroup, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { Option, QuestionOf } from '@carers-voice/core/content';
import { CarerElement } from '../../base/carer-element.js';
import { Announcer } from '../../base/announcer.js';
import { plural } from '../../base/plural.js';
import { QuestionControl } from '../../base/question-control.js';
import { buttonStyles } from '../../theme/button.styles.js';
import { choiceStyles, questionBaseStyles } from '../../theme/question.styles.js';
import { fieldStyles } from '../../theme/field.styles.js';

/**
 * Share out a budget of points (`question.total`) between options: each option has a number box
 * between − and + buttons. "N points left" / "N points too many" is shown and said politely after
 * each change. Going over is allowed and shown, never blocked; the check on submit says what to fix.
 *
 * The answer is `{ [optionValue]: points }` for every option the carer has given a number (0
 * included). Text that is not a whole number stays in its box and is left out of `value`.
 *
 * @fires input - The carer changed a number (typing or − / +). Read `.value`.
 * @fires change - As `input` for the buttons; for typing, when the carer leaves the box.
 *
 * @csspart form-group - Wraps the whole question.
 * @csspart question - The fieldset.
 * @csspart legend - The question heading.
 * @csspart hint - The hint.
 * @csspart error - The inline error message.
 * @csspart status - "N points left".
 * @csspart options - The list of options.
 * @csspart option - One option's row.
 * @csspart input - One option's number box.
 * @csspart button - A − or + button.
 *
 * @cssproperty --carer-color-error - Error text and a "too many" status.
 * @cssproperty --carer-color-secondary - The − and + buttons.
 * @cssproperty --carer-target-size - Smallest size of a button (44px).
 *
 * @tag carer-points
 */
export class CarerPoints extends QuestionControl<Record<string, number>> {
  static override styles: CSSResultGroup = [
    CarerElement.styles,
    questionBaseStyles,
    choiceStyles,
    fieldStyles,
    buttonStyles,
    css`
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--cv-space-2);
        padding-block: var(--cv-space-2);
        border-block-end: 1px solid var(--cv-color-border-subtle);
      }
      .row label {
        flex: 1 1 12em;
        font-weight: 700;
      }
      .stepper {
        display: flex;
        align-items: center;
        gap: var(--cv-space-1);
      }
      .input.points {
        inline-size: 4em;
        text-align: center;
      }
      .stepper .button {
        font-weight: 700;
        font-size: 1.2em;
        padding-block: 0;
      }
      .status {
        margin: 0 0 var(--cv-space-3);
        font-weight: 700;
      }
      .status.over {
        color: var(--cv-color-error);
      }
      .status.over::before {
        content: '! ';
      }
    `,
  ];

  private readonly announcer = new Announcer(this, 500);
  /** What is in each box, exactly as typed (by option value). */
  @state() private texts: Record<string, string> = {};

  private get q(): QuestionOf<'points'> | undefined {
    return this.question as QuestionOf<'points'> | undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('value')) {
      const texts: Record<string, string> = { ...this.texts };
      const value = this.value ?? {};
      for (const o of this.q?.options ?? []) {
        const typed = this.texts[o.value];
        const n = value[o.value];
        if (n === undefined) {
          if (typed !== undefined && /^\s*\d+\s*$/.test(typed)) delete texts[o.value];
        } else if (Number(typed) !== n) texts[o.value] = String(n);
      }
      this.texts = texts;
    }
  }

  private used(value = this.value ?? {}): number {
    return Object.values(value).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  }

  private statusText(): string {
    const total = this.q?.total ?? 0;
    const left = total - this.used();
    if (left >= 0)
      return plural(left, {
        one: () => msg(str`${left} point left`, { id: 'kit.points.left.one' }),
        other: () => msg(str`${left} points left`, { id: 'kit.points.left.other' }),
      });
    const over = -left;
    return plural(over, {
      one: () => msg(str`${over} point too many`, { id: 'kit.points.over.one' }),
      other: () => msg(str`${over} points too many`, { id: 'kit.points.over.other' }),
    });
  }

  private set(option: string, n: number | undefined, text: string): void {
    const next = { ...(this.value ?? {}) };
    if (n === undefined) delete next[option];
    else next[option] = n;
    this.texts = { ...this.texts, [option]: text };
    this.value = next;
  }

  private step(o: Option, by: 1 | -1): void {
    const current = this.value?.[o.value] ?? 0;
    const n = Math.max(0, current + by);
    this.set(o.value, n, String(n));
    this.announcer.announce(
      msg(str`${this.optionText(o)}: ${n}. ${this.statusText()}`, { id: 'kit.points.step' }),
    );
    this.emit('input');
    this.emit('change');
  }

  private onInput(e: Event, o: Option): void {
    e.stopPropagation();
    const text = (e.target as HTMLInputElement).value;
    const t = text.trim();
    const n = /^\d+$/.test(t) ? Number(t) : undefined;
    this.set(o.value, n, text);
    this.announcer.announce(this.statusText());
    this.emit('input');
  }

  private inputId(index: number): string {
    return index === 0 ? this.qid : `${this.qid}-${index + 1}`;
  }

  override render() {
    const q = this.q;
    if (!q) return nothing;
    const over = this.used() > q.total;
    return html`
      <div class=${this.groupClass()} part="form-group">
        <fieldset aria-describedby=${this.describedBy(`${q.id}-rule`, `${q.id}-status`)} part="question">
          <legend class="legend" part="legend">${this.renderLabel()}</legend>
          ${this.renderHint()}
          <p class="hint" id="${q.id}-rule">
            ${q.allocateAll
              ? msg(str`Share out all ${q.total} points.`, { id: 'kit.points.share-all' })
              : msg(str`Share out up to ${q.total} points.`, { id: 'kit.points.share-up-to' })}
          </p>
          ${this.renderError()}
          <p class="status ${over ? 'over' : ''}" id="${q.id}-status" part="status">${this.statusText()}</p>
          <div class="options" part="options">
            ${q.options.map((o, i) => {
              const id = this.inputId(i);
              const label = this.optionText(o);
              return html`<div class="row" part="option">
                <label for=${id}>${label}</label>
                <div class="stepper">
                  <button type="button" class="button secondary small" part="button" @click=${() => this.step(o, -1)}>
                    <span aria-hidden="true">−</span
                    ><span class="visually-hidden">${msg(str`Take a point from ${label}`, { id: 'kit.points.minus' })}</span>
                  </button>
                  <input
                    class="input points"
                    part="input"
                    id=${id}
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    spellcheck="false"
                    .value=${live(this.texts[o.value] ?? String(this.value?.[o.value] ?? 0))}
                    aria-invalid=${this.error ? 'true' : nothing}
                    @input=${(e: Event) => this.onInput(e, o)}
                    @change=${() => this.emit('change')}
                  />
                  <button type="button" class="button secondary small" part="button" @click=${() => this.step(o, 1)}>
                    <span aria-hidden="true">+</span
                    ><span class="visually-hidden">${msg(str`Add a point to ${label}`, { id: 'kit.points.plus' })}</span>
                  </button>
                </div>
              </div>`;
            })}
          </div>
        </fieldset>
        ${this.announcer.render()}
      </div>
    `;
  }
}
