/**
 * Helpers for the drop-in tests: each host page in test/embed/ is a partner's page that loads the
 * built `packages/embed/dist/v1/carers-voice.js` (run `pnpm build:embed` first; `pnpm test` builds it
 * in its Node step). A page is opened in an iframe of a chosen size, like a phone or a desktop.
 */
export type HostRecord = {
  violations: { directive: string; blocked: string; sample: string; source: string; line: number }[];
  shifts: { value: number; hadRecentInput: boolean; at: number }[];
  events: { type: string; tag: string; detail: unknown }[];
  warnings: string[];
};
export type HostWindow = Window & typeof globalThis & { __host: HostRecord };
export type Host = { frame: HTMLIFrameElement; win: HostWindow; doc: Document; close: () => void };

export const manifestUrl = '/packages/embed/dist/v1/manifest.json';

export type Manifest = {
  loader: string;
  files: Record<string, { bytes: number; gzip: number; integrity: string }>;
  widgets: Record<string, { missing?: true; files: string[]; gzip: number; lazy: string[]; budget?: number }>;
};

/** The build's manifest (imported: the test server turns .json files into modules). */
export async function loadManifest(): Promise<Manifest> {
  await requireBuild();
  return ((await import(/* @vite-ignore */ manifestUrl)) as { default: Manifest }).default;
}

/** Fails with a plain message when the drop-in has not been built. */
export async function requireBuild(): Promise<void> {
  const res = await fetch(manifestUrl);
  if (!res.ok) throw new Error('packages/embed/dist/v1 is missing: run `pnpm build:embed` before the embed browser tests.');
}

export async function openHost(path: string, { width = 1024, height = 768 } = {}): Promise<Host> {
  await requireBuild();
  const frame = document.createElement('iframe');
  frame.width = String(width);
  frame.height = String(height);
  frame.title = path;
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.src = path;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as HostWindow;
  return { frame, win, doc: win.document, close: () => frame.remove() };
}

export async function until<T>(check: () => T | undefined | null | false, what: string, timeout = 8000): Promise<T> {
  const started = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - started > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Every element matching `selector` in `root` and in all open shadow roots below it. */
export function deepAll(root: Document | ShadowRoot | Element, selector: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Document | ShadowRoot | Element) => {
    found.push(...node.querySelectorAll(selector));
    for (const el of node.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    // Not `instanceof Element`: host pages live in an iframe, another realm.
    if ((node as Element).shadowRoot) walk((node as Element).shadowRoot!);
  };
  walk(root);
  return found;
}

export const deep = (root: Document | ShadowRoot | Element, selector: string) => deepAll(root, selector)[0];

/** The text-bearing elements a carer reads inside a widget (labels, legends, hints, buttons…). */
export function readableText(widget: Element): Element[] {
  return deepAll(widget, 'legend, label, p, h1, h2, h3, button, a, li, summary, span, th, td, caption').filter((el) => {
    const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    const box = (el as HTMLElement).getBoundingClientRect();
    return own && box.width > 1 && box.height > 1;
  });
}
