/**
 * `Later`: the part of a widget a carer needs only after the first screen (feedback, results,
 * sending, reports), kept out of what a host page downloads up front by a lazy `import()` so the
 * bundler puts it in its own chunk. It is fetched once the browser is idle after the first render,
 * so it is there by the time the carer presses anything; a press that comes sooner waits for it
 * with the button showing the usual busy state (`aria-busy="true"`), and goes ahead once it
 * arrives (also after the connection drops and comes back).
 *
 * ```ts
 * private readonly later = new Later(this, () => import('./quiz-later.js'));
 * onCheck() { void this.later.then((m) => m.check(this)); }
 * html`<button aria-busy=${this.later.waiting ? 'true' : 'false'}>…`
 * ```
 */
import { type CSSResult, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { errorSummaryReady } from '../kit/error-summary/ready.js';
import { addStyles } from '../base/add-styles.js';

export interface LaterModule {
  /** Styles for what the module renders, added to the host's shadow root when it arrives. */
  styles?: CSSResult | CSSResult[];
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export class Later<T extends LaterModule> implements ReactiveController {
  /** The module, once loaded. */
  module: T | undefined;
  /** True while a press waits for the module (render `aria-busy` from it). */
  waiting = false;
  private loading: Promise<T> | undefined;
  private pending: Promise<void> | undefined;
  private idle = 0;
  private styled = false;
  private wanted = false;
  private whenLoaded: ((module: T) => void) | undefined;

  constructor(
    private readonly host: Host,
    private readonly load: () => Promise<T>,
  ) {
    host.addController(this);
  }

  /** Fetch it now (e.g. the first screen needs it); resolves with the module. */
  get(): Promise<T> {
    if (this.module) return Promise.resolve(this.module);
    this.loading ??= this.load().then(
      (m) => {
        this.module = m;
        this.addStyles();
        this.host.requestUpdate();
        return m;
      },
      (error: unknown) => {
        this.loading = undefined; // offline for a moment: the next press tries again
        throw error;
      },
    );
    return this.loading;
  }

  /**
   * Runs `use` with the module: at once when it is here, else after it arrives, with `waiting`
   * true meanwhile. A second press while waiting is ignored (the first one will go ahead).
   * Resolves false when the module could not be fetched, even after waiting for the connection
   * to come back (the button is no longer busy: the carer may press again).
   */
  then(use: (module: T) => unknown): Promise<boolean> {
    if (this.module) return Promise.resolve(use(this.module)).then(() => true);
    if (this.waiting) return Promise.resolve(false);
    this.waiting = true;
    this.host.requestUpdate();
    const done = () => {
      this.waiting = false;
      this.host.requestUpdate();
    };
    // `{ result }`: the press has started once `use` is called; its own async work is not waited for here.
    const started = this.getPatiently().then(
      (m) => {
        done();
        return { result: use(m) };
      },
      () => {
        done();
        return undefined;
      },
    );
    const pending = started.then(() => {
      if (this.pending === pending) this.pending = undefined;
    });
    this.pending = pending;
    return started.then(async (s) => {
      if (!s) return false;
      await s.result;
      return true;
    });
  }

  /**
   * `get()`, tried again when the connection comes back (or after a few seconds), up to three
   * times: a press made on a train going through a tunnel goes ahead when the signal returns.
   */
  private async getPatiently(): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.get();
      } catch (error) {
        if (attempt === 3) throw error;
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            window.removeEventListener('online', done);
            resolve();
          };
          const timer = setTimeout(done, 3000);
          window.addEventListener('online', done);
        });
      }
    }
  }

  /**
   * The module if it is here; else starts fetching it (render shows a placeholder meanwhile) and
   * returns `undefined`. For a first screen that needs it, e.g. a poll already voted in.
   */
  need(): T | undefined {
    if (this.module) return this.module;
    if (!this.pending) {
      const pending = this.get().then(
        () => undefined,
        () => undefined,
      );
      this.pending = pending;
      void pending.then(() => {
        if (this.pending === pending) this.pending = undefined;
      });
    }
    return undefined;
  }

  /**
   * Resolves once a press (or a screen) waiting for the module has gone ahead (at once when none is waiting).
   * Hosts await it in `getUpdateComplete()`, so `updateComplete` after a press includes its
   * result, whether or not the module had arrived.
   */
  get settled(): Promise<void> {
    return this.pending ?? Promise.resolve();
  }

  /**
   * Fetch it when the browser is next idle (after the first screen is painted), then run `use`
   * with it (e.g. open the outbox, which sends anything queued).
   */
  preload(use?: (module: T) => void): void {
    if (use) this.whenLoaded = use;
    this.wanted = true;
    if (this.module) return this.runPreloaded();
    if (this.loading) {
      this.loading.then(() => this.runPreloaded(), () => undefined);
      return;
    }
    if (this.idle) return;
    const start = () => {
      this.idle = 0;
      this.get().then(() => this.runPreloaded(), () => undefined);
      errorSummaryReady().catch(() => undefined);
    };
    this.idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(start, { timeout: 2000 }) : (setTimeout(start, 200) as unknown as number);
  }

  private runPreloaded(): void {
    const use = this.whenLoaded;
    this.whenLoaded = undefined;
    if (use && this.module) use(this.module);
  }

  hostConnected(): void {
    if (this.module) this.addStyles();
    else if (this.wanted) this.preload(); // taken off the page before its idle moment came
  }

  hostDisconnected(): void {
    if (!this.idle) return;
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(this.idle);
    else clearTimeout(this.idle);
    this.idle = 0;
  }

  /** Adds the module's styles to the shadow root once (constructable stylesheets where supported). */
  private addStyles(): void {
    const found = this.module?.styles;
    const root = this.host.renderRoot;
    if (!found || this.styled || !(root instanceof ShadowRoot)) return;
    this.styled = true;
    addStyles(root, found);
  }
}
