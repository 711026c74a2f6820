/**
 * Prevents double submission without ever disabling the button (GOV.UK button.mjs): a second
 * activation within `window` ms is ignored, and `busy` is true meanwhile so the button can carry
 * `aria-busy="true"`.
 *
 * ```ts
 * private guard = new SubmitGuard(this);
 * onSubmit(e) { e.preventDefault(); if (!this.guard.attempt()) return; ... }
 * html`<button class="button" aria-busy=${this.guard.busy ? 'true' : 'false'}>…`
 * ```
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class SubmitGuard implements ReactiveController {
  busy = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly window = 1000,
  ) {
    host.addController(this);
  }

  /** True when this activation should go ahead; false for a repeat within the window. */
  attempt(): boolean {
    if (this.busy) return false;
    this.busy = true;
    this.host.requestUpdate();
    this.timer = setTimeout(() => this.release(), this.window);
    return true;
  }

  /** Ends the busy state early (e.g. when the send failed and the user may try again). */
  release(): void {
    clearTimeout(this.timer);
    if (!this.busy) return;
    this.busy = false;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.busy = false;
  }
}
