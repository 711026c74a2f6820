import { css, html, nothing, type CSSResultGroup, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { CarerElement } from '../../base/carer-element.js';

/** One problem to list: `id` is the field to focus (a question id, or a reveal's id). */
export interface ErrorSummaryItem {
  id: string;
  message: string;
}

/** Fired when the carer chooses a link in the error summary; the owner focuses the field. */
export class CarerFocusFieldEvent extends Event {
  static readonly eventName = 'carer-focus-field';
  constructor(public readonly id: string) {
    super(CarerFocusFieldEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'carer-focus-field': CarerFocusFieldEvent;
  }
}

/**
 * GOV.UK error summary: "There is a problem" and a link to each question to fix. It takes focus
 * when it appears (and whenever `focus()` is called, e.g. after another failed submit) so screen
 * readers announce it; it is also `role="alert"`.
 *
 * Links inside shadow DOM cannot jump to `#id` in another shadow root, so choosing a link fires
 * `carer-focus-field` (with the field's `id`) and calls `focusTarget(id)` if set; the owning widget
 * focuses the field (e.g. `control.focusField(id)`). Renders nothing when `errors` is empty.
 *
 * @fires carer-focus-field - A link was chosen; `event.id` is the field to focus.
 *
 * @csspart summary - The box.
 * @csspart title - "There is a problem".
 * @csspart list - The list of links.
 * @csspart link - One link.
 *
 * @cssproperty --carer-color-error - The box border.
 * @cssproperty --carer-color-link - The links (shown in the error colour, underlined).
 *
 * @tag carer-error-summary
 */
export class CarerErrorSummary extends CarerElement {
  static override styles: CSSResultGroup = [
    CarerElement.styles,
    css`
      .summary {
        margin: 0 0 var(--cv-space-5);
        padding: var(--cv-space-4);
        border: 5px solid var(--cv-color-error);
      }
      .summary:focus {
        outline: 3px solid var(--cv-color-focus);
        outline-offset: 0;
      }
      .h2 {
        margin: 0 0 var(--cv-space-3);
        font-size: var(--cv-font-size-large);
        font-weight: 700;
        line-height: 1.25;
      }
      ul {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        margin-block-end: var(--cv-space-2);
      }
      a {
        display: inline-block;
        min-block-size: 24px;
        color: var(--cv-color-error);
        font-weight: 700;
        text-decoration: underline;
        text-decoration-thickness: max(1px, 0.0625em);
        text-underline-offset: 0.1em;
      }
      a:hover {
        text-decoration-thickness: max(3px, 0.1875em);
      }
      a:focus-visible {
        color: var(--cv-color-focus-text);
        background: var(--cv-color-focus);
        outline: 3px solid transparent;
        box-shadow: 0 -2px var(--cv-color-focus), 0 4px var(--cv-color-focus-text);
        text-decoration: none;
      }
      @media (forced-colors: active) {
        .summary {
          border-color: CanvasText;
        }
        a {
          color: LinkText;
        }
      }
    `,
  ];

  /** The problems to list, in the order of the questions. */
  @property({ attribute: false }) errors: ErrorSummaryItem[] = [];

  /** Heading level of "There is a problem" (2 by default). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Called with the field id when a link is chosen (as well as the event). */
  @property({ attribute: false }) focusTarget?: (id: string) => void;

  /** Moves focus to the summary so it is read out. */
  override focus(options?: FocusOptions): void {
    const box = this.renderRoot?.querySelector<HTMLElement>('.summary');
    box ? box.focus(options) : super.focus(options);
  }

  protected override updated(changed: PropertyValues<this>): void {
    const before = changed.get('errors') as ErrorSummaryItem[] | undefined;
    if (changed.has('errors') && this.errors.length > 0 && !(before && before.length > 0)) this.focus();
  }

  private choose(e: Event, id: string): void {
    e.preventDefault();
    const event = new CarerFocusFieldEvent(id);
    if (this.dispatchEvent(event)) this.focusTarget?.(id);
  }

  override render() {
    if (!this.errors.length) return nothing;
    const title = msg('There is a problem', { id: 'kit.error-summary.title' });
    const level = Math.min(6, Math.max(2, this.headingLevel));
    return html`
      <div class="summary" part="summary" tabindex="-1" role="alert" aria-labelledby="title">
        <div role="heading" aria-level=${level} id="title" class="h2" part="title">${title}</div>
        <ul part="list">
          ${this.errors.map(
            (item) => html`<li><a href="#${item.id}" part="link" @click=${(e: Event) => this.choose(e, item.id)}>${item.message}</a></li>`,
          )}
        </ul>
      </div>
    `;
  }
}
