import { css, html, nothing, type CSSResultGroup } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
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
 * Put options in order of importance, with no dragging: each item has "Move up" and "Move down"
 * buttons (Alt+Up / Alt+Down do the same while a button has focus). Every move is announced
 * ("Respite moved to position 2 of 8") and focus stays on the button that was pressed, on the item
 * that moved, so a keyboard or switch user can press again to keep moving it.
 *
 * The answer is the option values best first (only the top `rankCount` when set). Until the carer
 * moves something, `value` is empty: an untouched list is not an answer. A carer who is happy with
 * the order shown can move any item and back.
 *
 * @fires input - The carer moved an item. Read `.value`.
 * @fires change - As `input`.
 *
 * @csspart form-group - Wraps the whole question.
 * @csspart question - The fieldset.
 * @csspart legend - The question heading.
 * @csspart hint - The hint.
 * @csspart instructions - How to use the buttons.
 * @csspart error - The inline error message.
 * @csspart options - The ordered list.
 * @csspart option - One item.
 * @csspart position - An item's position number.
 * @csspart button - A "Move up" or "Move down" button.
 *
 * @cssproperty --carer-color-border-subtle - Item outlines.
 * @cssproperty --carer-color-secondary - The move buttons.
 * @cssproperty --carer-target-size - Smallest size of a button (44px).
 *
 * @tag carer-ranking
 */
export class CarerRanking extends QuestionControl<string[]> {
  static override styles: CSSResultGroup = [
    CarerElement.styles,
    questionBaseStyles,
    choiceStyles,
    fieldStyles,
    buttonStyles,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: var(--cv-space-2);
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--cv-space-2);
        padding: var(--cv-space-2);
        border: 1px solid var(--cv-color-border-subtle);
        background: var(--cv-color-surface);
      }
      li.moved {
        border-color: var(--cv-color-border);
        border-width: 3px;
      }
      .position {
        font-weight: 700;
        min-inline-size: 1.6em;
      }
      .item-label {
        flex: 1 1 10em;
      }
      .moves {
        display: flex;
        gap: var(--cv-space-2);
      }
      .button[aria-disabled='true'] {
        opacity: 0.6;
        cursor: default;
      }
      .cut {
        border-block-start: 3px dashed var(--cv-color-border);
        margin: 0;
        padding-block-start: var(--cv-space-2);
        color: var(--cv-color-hint);
      }
    `,
  ];

  private readonly announcer = new Announcer(this);
  /** The item last moved, outlined so sighted users see what happened too. */
  private lastMoved: string | undefined;

  private get options(): Option[] {
    return (this.question as QuestionOf<'ranking'> | undefined)?.options ?? [];
  }

  /** Every option in the order shown now: the answer first, then the rest in their own order. */
  private order(): Option[] {
    const options = this.options;
    const chosen = Array.isArray(this.value) ? this.value : [];
    const ranked = chosen.map((v) => options.find((o) => o.value === v)).filter((o): o is Option => Boolean(o));
    return [...ranked, ...options.filter((o) => !chosen.includes(o.value))];
  }

  /** Moves one item by `by` places (user action only); returns false at either end. */
  private async move(value: string, by: -1 | 1, dir: 'up' | 'down' = by < 0 ? 'up' : 'down'): Promise<boolean> {
    const order = this.order();
    const from = order.findIndex((o) => o.value === value);
    const to = from + by;
    const item = order[from];
    if (!item) return false;
    const label = this.optionText(item);
    if (to < 0 || to >= order.length) {
      this.announcer.announce(
        to < 0
          ? msg(str`${label} is already at the top`, { id: 'kit.ranking.at-top' })
          : msg(str`${label} is already at the bottom`, { id: 'kit.ranking.at-bottom' }),
      );
      return false;
    }
    order.splice(from, 1);
    order.splice(to, 0, item);
    const rankCount = (this.question as QuestionOf<'ranking'> | undefined)?.rankCount;
    const all = order.map((o) => o.value);
    this.value = rankCount ? all.slice(0, rankCount) : all;
    this.lastMoved = value;
    this.announcer.announce(
      msg(str`${label} moved to position ${to + 1} of ${order.length}`, { id: 'kit.ranking.moved' }),
    );
    this.emit('input');
    this.emit('change');
    await this.updateComplete;
    // Keyed rendering moved the element; moving a focused node loses focus, so put it back.
    this.renderRoot.querySelector<HTMLElement>(`button[data-value="${CSS.escape(value)}"][data-dir="${dir}"]`)?.focus();
    return true;
  }

  private onKeydown(e: KeyboardEvent, value: string): void {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    void this.move(value, e.key === 'ArrowUp' ? -1 : 1);
  }

  override focusField(id: string, options?: FocusOptions): boolean {
    if (id === this.qid) {
      const first = this.renderRoot.querySelector<HTMLElement>('button[data-dir]');
      first?.focus(options);
      return Boolean(first);
    }
    return super.focusField(id, options);
  }

  override render() {
    const q = this.question as QuestionOf<'ranking'> | undefined;
    if (!q) return nothing;
    const order = this.order();
    const total = order.length;
    const rankCount = q.rankCount && q.rankCount < total ? q.rankCount : undefined;
    return html`
      <div class=${this.groupClass()} part="form-group">
        <fieldset aria-describedby=${this.describedBy(`${q.id}-instructions`)} part="question">
          <legend class="legend" part="legend">${this.renderLabel()}</legend>
          ${this.renderHint()}
          <p class="hint" id="${q.id}-instructions" part="instructions">
            ${msg('Use the Move up and Move down buttons to put these in order, most important first.', {
              id: 'kit.ranking.instructions',
            })}
            ${rankCount
              ? plural(rankCount, {
                  one: () => msg(str`Only your top ${rankCount} counts.`, { id: 'kit.ranking.top.one' }),
                  other: () => msg(str`Only your top ${rankCount} count.`, { id: 'kit.ranking.top.other' }),
                })
              : nothing}
          </p>
          ${this.renderError()}
          <ol part="options">
            ${repeat(
              order,
              (o) => o.value,
              (o, i) => {
                const label = this.optionText(o);
                return html`
                  ${rankCount && i === rankCount ? html`<li class="cut" aria-hidden="true"></li>` : nothing}
                  <li class=${this.lastMoved === o.value ? 'moved' : ''} part="option" @keydown=${(e: KeyboardEvent) => this.onKeydown(e, o.value)}>
                    <span class="position" part="position">${i + 1}.</span>
                    <span class="item-label">${label}</span>
                    <span class="moves">
                      <button
                        type="button"
                        class="button secondary small"
                        part="button"
                        id=${i === 0 ? q.id : nothing}
                        data-value=${o.value}
                        data-dir="up"
                        aria-disabled=${i === 0 ? 'true' : nothing}
                        aria-keyshortcuts="Alt+ArrowUp"
                        @click=${() => this.move(o.value, -1)}
                      >
                        <span aria-hidden="true">↑</span> ${msg('Move up', { id: 'kit.ranking.up' })}<span class="visually-hidden">: ${label}</span>
                      </button>
                      <button
                        type="button"
                        class="button secondary small"
                        part="button"
                        data-value=${o.value}
                        data-dir="down"
                        aria-disabled=${i === total - 1 ? 'true' : nothing}
                        aria-keyshortcuts="Alt+ArrowDown"
                        @click=${() => this.move(o.value, 1)}
                      >
                        <span aria-hidden="true">↓</span> ${msg('Move down', { id: 'kit.ranking.down' })}<span class="visually-hidden">: ${label}</span>
                      </button>
                    </span>
                  </li>
                `;
              },
            )}
          </ol>
        </fieldset>
        ${this.announcer.render()}
      </div>
    `;
  }
}
