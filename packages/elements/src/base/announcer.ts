/**
 * A polite live region owned by one element: `announcer.announce(text)` says `text` to screen-reader
 * users without moving focus. Render `announcer.render()` once in the element's template.
 *
 * `delay` (ms) throttles chatty sources such as a character count: the region only changes once the
 * user has paused, as GOV.UK's character count does.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

export class Announcer implements ReactiveController {
  private message = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flip = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly delay = 0,
  ) {
    host.addController(this);
  }

  /** The text in the live region now. */
  get text(): string {
    return this.message;
  }

  announce(text: string): void {
    clearTimeout(this.timer);
    const set = () => {
      // Saying the same words twice needs a change in the DOM: alternate a zero-width-free wrapper.
      this.flip = this.message === text ? !this.flip : this.flip;
      this.message = text;
      this.host.requestUpdate();
    };
    if (this.delay > 0) this.timer = setTimeout(set, this.delay);
    else set();
  }

  clear(): void {
    clearTimeout(this.timer);
    this.message = '';
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  render(): TemplateResult {
    return html`<div class="visually-hidden" aria-live="polite" aria-atomic="true" data-announcer>
      ${this.flip ? html`<span>${this.message}</span>` : html`<p>${this.message}</p>`}
    </div>`;
  }
}
