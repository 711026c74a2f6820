/**
 * Iframe mode, the partner page's side: a light element (no Lit, no widget code) that stands in for
 * `<carer-survey mode="frame">` and its siblings. The drop-in defines it for a tag instead of the
 * widget when the page asks for frame mode, so the page never downloads the widget's chunk.
 *
 * It renders one sandboxed iframe pointing at the collector's `/embed/frame/<widget>` page (answers,
 * drafts and the offline outbox then live on the collector's origin) and sizes it from the frame's
 * `carers-voice:size` messages — accepted only when `event.origin` is the collector's origin and
 * `event.source` is its own iframe.
 *
 * Settings: `partner`, `instrument`, `collector` (the collector's address; `endpoint` is used when
 * `collector` is missing), `lang`, `loading` (`lazy` by default); each falls back to the nearest
 * `<carer-voice>`. Events: `carer-ready` (detail `{ title, mode: 'frame' }`) and `carer-sent`
 * (detail `{ mode: 'frame' }`), re-fired on the element; answers never reach the partner page.
 */
const SIZE = 'carers-voice:size';
const HELLO = 'carers-voice:hello';
const EVENT = 'carers-voice:event';

/** Names of the collector's frame pages, and a title for the iframe until the frame sends its own. */
const WIDGETS: Record<string, [path: string, title: string]> = {
  'carer-survey': ['survey', "Carers' survey"],
  'carer-quiz': ['quiz', "Carers' quiz"],
  'carer-poll': ['poll', "Carers' poll"],
  'carer-priority-check': ['priority-check', 'Priority check'],
};
export const frameTags = Object.keys(WIDGETS);

const SANDBOX = ['allow-scripts', 'allow-same-origin', 'allow-forms', 'allow-popups', 'allow-popups-to-escape-sandbox', 'allow-downloads', 'allow-modals'];

let sheet: CSSStyleSheet | undefined;
function styles(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(
      ':host{display:block}:host([hidden]){display:none}' +
        // The space the loader keeps for the widget, so nothing below jumps while the frame loads.
        'iframe{display:block;box-sizing:border-box;inline-size:100%;min-block-size:var(--carer-reserve,20em);border:0;margin:0;padding:0;overflow:hidden;color-scheme:normal}' +
        'p{margin:0;padding:.5em 1em;border-inline-start:5px solid #d4351c;color:#0b0c0c;background:#fff;font:inherit}',
    );
  }
  return sheet;
}

export class CarerFrameHost extends HTMLElement {
  static observedAttributes = ['partner', 'instrument', 'collector', 'endpoint', 'lang', 'loading', 'mode'];
  private frame: HTMLIFrameElement | undefined;
  private collectorOrigin: string | undefined;
  private greeted = false;
  private warned = false;
  private readonly onMessage = (event: MessageEvent) => this.receive(event);

  connectedCallback(): void {
    window.addEventListener('message', this.onMessage);
    this.render();
  }

  disconnectedCallback(): void {
    window.removeEventListener('message', this.onMessage);
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.render();
  }

  /** A setting from this element or the nearest `<carer-voice>`. */
  private setting(name: string): string | undefined {
    const own = this.getAttribute(name);
    if (own) return own;
    return this.closest('carer-voice')?.getAttribute(name) || undefined;
  }

  private render(): void {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (root.adoptedStyleSheets.length === 0) root.adoptedStyleSheets = [styles()];
    const [path, title] = WIDGETS[this.localName] ?? ['', 'Carers voice'];
    if (this.getAttribute('mode') !== 'frame' && !this.warned) {
      this.warned = true;
      console.warn(`carers-voice: this <${this.localName}> has no mode="frame", but another one on this page has, so every <${this.localName}> here is shown in a frame. Use one mode per tag on a page.`);
    }
    const partner = this.setting('partner');
    const instrument = this.setting('instrument');
    const collector = this.setting('collector') ?? this.setting('endpoint');
    let url: URL | undefined;
    let problem = '';
    if (!path) problem = `<${this.localName}> cannot be shown in a frame.`;
    else if (!partner || !instrument || !collector) {
      const missing = [!partner && 'partner', !instrument && 'instrument', !collector && 'collector'].filter(Boolean).join(', ');
      problem = `<${this.localName} mode="frame"> needs ${missing}.`;
    } else {
      try {
        url = new URL(`${new URL(collector, document.baseURI).href.replace(/\/+$/, '')}/embed/frame/${path}`);
      } catch {
        problem = `collector="${collector}" is not an address.`;
      }
    }
    if (!url || problem) {
      this.frame = undefined;
      const p = document.createElement('p');
      p.textContent = `This ${title.toLowerCase()} cannot be shown: the page that holds it is not set up correctly.`;
      root.replaceChildren(p);
      const message = `carers-voice: ${problem}`;
      console.error(message);
      this.dispatchEvent(new CustomEvent('carer-error', { bubbles: true, composed: true, detail: { message, mode: 'frame' } }));
      return;
    }
    url.searchParams.set('partner', partner!);
    url.searchParams.set('instrument', instrument!);
    url.searchParams.set('origin', location.origin);
    // Like an inline widget: its own lang, else the nearest ancestor's, else the page's (when it is
    // a tag the collector accepts; otherwise the instrument's own language).
    const lang = this.getAttribute('lang') || this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
    if (lang && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/.test(lang)) url.searchParams.set('lang', lang);
    if (this.frame && this.frame.src === url.href) return;

    const frame = document.createElement('iframe');
    for (const token of SANDBOX) frame.sandbox.add(token);
    frame.title = title;
    frame.setAttribute('loading', this.getAttribute('loading') === 'eager' ? 'eager' : 'lazy');
    // The frame learns the page's origin (which it is told anyway), never its path.
    frame.referrerPolicy = 'strict-origin';
    // A reloaded frame (moved in the page) starts again: greet it again. No scrolling="no": should
    // the size never arrive, the carer can still scroll to every question.
    frame.addEventListener('load', () => (this.greeted = false));
    frame.src = url.href;
    this.collectorOrigin = url.origin;
    this.greeted = false;
    this.frame = frame;
    root.replaceChildren(frame);
  }

  private receive(event: MessageEvent): void {
    const frame = this.frame;
    // Only our own frame, served from the collector we asked for.
    if (!frame || event.source !== frame.contentWindow || event.origin !== this.collectorOrigin) return;
    const data = event.data as { type?: unknown; height?: unknown; event?: unknown; title?: unknown } | null;
    if (!data || typeof data !== 'object') return;
    if (data.type === SIZE && typeof data.height === 'number' && Number.isFinite(data.height) && data.height >= 0) {
      frame.height = String(Math.min(Math.ceil(data.height), 100_000));
      if (!this.greeted) {
        this.greeted = true;
        frame.contentWindow!.postMessage({ type: HELLO }, this.collectorOrigin!);
      }
    } else if (data.type === EVENT && (data.event === 'carer-ready' || data.event === 'carer-sent')) {
      const title = typeof data.title === 'string' ? data.title.slice(0, 200) : undefined;
      if (title) frame.title = title;
      const detail = data.event === 'carer-ready' ? { title, mode: 'frame' } : { mode: 'frame' };
      this.dispatchEvent(new CustomEvent(data.event, { bubbles: true, composed: true, detail }));
    }
  }
}

/** Defines `tag` as a frame host (each tag needs its own class). */
export function defineFrameHost(tag: string): void {
  if (!customElements.get(tag)) customElements.define(tag, class extends CarerFrameHost {});
}
