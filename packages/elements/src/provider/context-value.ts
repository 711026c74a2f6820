/**
 * One value from the nearest `<carer-voice>` (or any Context Protocol provider), kept up to date:
 * the part of `@lit/context`'s `ContextConsumer` the widgets need. `@lit/context` has no
 * `sideEffects` flag, so importing anything from it puts its provider, root and decorators into
 * every widget's download; this speaks the same protocol (a `context-request` event with
 * `subscribe: true`), so `<carer-voice>`'s `@provide` and the page's `ContextRoot` answer it as before.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Context, ContextCallback, ContextType } from '@lit/context';

type Host = ReactiveControllerHost & HTMLElement;

/** The Context Protocol's request (what `@lit/context`'s `ContextRequestEvent` is). */
class ContextRequest<C extends Context<unknown, unknown>> extends Event {
  constructor(
    readonly context: C,
    readonly contextTarget: Element,
    readonly callback: ContextCallback<ContextType<C>>,
    readonly subscribe: boolean,
  ) {
    super('context-request', { bubbles: true, composed: true });
  }
}

export class ContextValue<C extends Context<unknown, unknown>> implements ReactiveController {
  /** The provider's value; undefined until a provider answers. */
  value?: ContextType<C>;
  private unsubscribe?: (() => void) | undefined;

  constructor(
    private readonly host: Host,
    private readonly context: C,
  ) {
    host.addController(this);
  }

  // Stable (one per consumer): a provider and the page's ContextRoot keep it to call again.
  private readonly receive = (value: ContextType<C>, unsubscribe?: () => void): void => {
    // Another provider answered (e.g. a nearer one connected): leave the old one.
    if (this.unsubscribe && this.unsubscribe !== unsubscribe) this.unsubscribe();
    this.unsubscribe = unsubscribe;
    this.value = value;
    this.host.requestUpdate();
  };

  hostConnected(): void {
    this.host.dispatchEvent(new ContextRequest(this.context, this.host, this.receive, true));
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
