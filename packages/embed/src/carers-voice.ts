/**
 * The carers-voice drop-in (`dist/v1/carers-voice.js`): a tiny ES module a partner adds with one
 * `<script type="module">`. It defines nothing up front. It looks for our tags in the page (now, and
 * whenever the page adds more) and imports only the code for the tags it finds: a page showing one
 * survey downloads the survey and the shared kit, never the charts or the quiz.
 *
 * Isolation: no eval, no inline script, no `style` attribute; the one rule it adds to the page
 * (space reserved for a widget that is not defined yet, so nothing below it jumps) is a constructed
 * stylesheet, which a strict Content-Security-Policy allows without `'unsafe-inline'` or a nonce.
 */

type Loader = () => Promise<unknown>;

/** One lazy import per tag (bundlers need literal paths). */
const widgets: Record<string, Loader> = {
  'carer-voice': () => import('@carers-voice/elements/provider/define'),
  'carer-survey': () => import('@carers-voice/elements/survey/define'),
  'carer-quiz': () => import('@carers-voice/elements/quiz/define'),
  'carer-poll': () => import('@carers-voice/elements/poll/define'),
  'carer-priority-check': () => import('@carers-voice/elements/priority-check/define'),
  'carer-results': () => import('@carers-voice/charts/define'),
  // Defined by the same module as <carer-results> (a dashboard's statement heat map).
  'carer-statement-heatmap': () => import('@carers-voice/charts/define'),
};

/**
 * The file every widget imports (Lit and localisation): asked for beside the widget's own file, so
 * the two arrive together rather than one after the other. (The build names the real file.)
 */
const shared = () => import('carers-voice:shared').catch(() => undefined);


/** Tags this script can define, for partners' own checks (`carersVoice.tags`). */
export const tags = Object.keys(widgets);

const started = new Map<string, Promise<boolean>>();
/** How each tag was defined on this page: the widget itself, or iframe mode's light frame host. */
const modes = new Map<string, 'frame' | 'inline'>();
/** Tags iframe mode can show (the collector serves a frame page for each). */
const frameable = ['carer-survey', 'carer-quiz', 'carer-poll', 'carer-priority-check'];

/**
 * Loads the code for `tag` (once; later calls get the same promise). Resolves `true` when the tag
 * is defined, `false` when this script has no such widget or its code could not be loaded (the console says why).
 *
 * Iframe mode: when `mode` is 'frame', or (mode not given) any `<tag mode="frame">` is in the
 * document, the tag is defined as a light frame host instead, and the widget's own code is never
 * downloaded. A tag has one definition per page, so once one instance asks for a frame, every
 * instance of that tag on the page is framed.
 */
export function load(tag: string, mode?: 'frame' | 'inline'): Promise<boolean> {
  const name = tag.toLowerCase();
  const existing = started.get(name);
  if (existing) return existing;
  const frame = frameable.includes(name) && (mode ? mode === 'frame' : document.querySelector(`${name}[mode=frame]`) !== null);
  modes.set(name, frame ? 'frame' : 'inline');
  const loader: Loader | undefined = frame
    ? () => import('./frame/frame-host.js').then((m) => (m.defineFrameHost(name), m))
    : widgets[name];
  if (!frame && name in widgets) void shared();
  const done = !loader
    ? Promise.resolve(false)
    : loader().then(
        () => true,
        (error: unknown) => {
          // A chunk that fails to load (offline, blocked) must not stop the other widgets.
          started.delete(name);
          console.error(`carers-voice: could not load <${name}>.`, error);
          return false;
        },
      );
  started.set(name, done);
  return done;
}

const selector = tags.join(',');

/**
 * Definitions asked for by the loader, by URL: the widget takes the answer from here (the first to
 * ask for that URL) instead of asking again. The widget's code is another file, so the two meet
 * under a symbol on the page (elements' widget/definition-source.ts).
 */
const prefetches = Symbol.for('carers-voice/prefetch');

/**
 * A widget about to be loaded fetches its definition first thing (`src`, or `instrument` from the
 * collector at `endpoint`): asked for now, it downloads while the widget's own code does, instead
 * of after it (a round trip less before the first question on a phone network). The same request
 * the widget would make: no cookies, JSON. (A tag defined already upgrades on insertion, but its
 * first update, where it asks, comes after this observer's callback: it still takes this answer.)
 */
function prefetch(element: Element): void {
  const get = (name: string) => element.getAttribute(name);
  const endpoint = get('endpoint') ?? element.closest('carer-voice')?.getAttribute('endpoint');
  const id = get('instrument');
  const url = get('src') ?? (id && endpoint && `${endpoint.replace(/\/+$/, '')}/api/v1/instruments/${encodeURIComponent(id)}`);
  if (!url) return;
  const key = new URL(url, document.baseURI).href;
  const store = ((page as { [prefetches]?: Map<string, Promise<Response | void>> })[prefetches] ??= new Map());
  if (!store.has(key)) store.set(key, fetch(key, { credentials: 'omit', headers: { accept: 'application/json' } }).catch(() => {}));
}

function found(element: Element): void {
  const name = element.localName;
  const frame = element.getAttribute('mode') === 'frame';
  void load(name, frame ? 'frame' : undefined);
  try {
    // Only the widgets with a definition, shown here rather than in a frame (whose page fetches it).
    if (!frame && frameable.includes(name) && modes.get(name) === 'inline') prefetch(element);
  } catch {
    // A URL that cannot be read: the widget says so itself.
  }
  if (frame && modes.get(name) === 'inline') {
    // The widget is already defined inline on this page: rather than show sensitive questions on
    // the partner's origin when a frame was asked for, this one stays hidden.
    (element as HTMLElement).hidden = true;
    console.warn(`carers-voice: <${name} mode="frame"> is hidden: another <${name}> on this page loaded first without mode="frame". Use one mode per tag on a page.`);
  }
}

function scan(root: ParentNode): void {
  if (root instanceof Element && root.matches(selector)) found(root);
  for (const element of root.querySelectorAll(selector)) found(element);
}

/**
 * Space for a widget before and while it loads, so the page below does not jump when it appears
 * (layout shift). The box never shrinks (a minimum height, kept once the widget shows), and grows
 * only when the widget's first screen is taller than the space kept. A partner who wants no shift
 * at all sets `--carer-reserve` to that height, e.g. `carer-survey { --carer-reserve: 45em }`.
 * Sizes in em of the widget's own base size, which a 62.5% root font-size cannot shrink.
 */
function reserveSpace(): void {
  if (!('adoptedStyleSheets' in Document.prototype)) return;
  const sheet = new CSSStyleSheet();
  const boxes = tags.filter((t) => t !== 'carer-voice').join(',');
  sheet.replaceSync(
    `:where(${boxes}){display:block;font-size:var(--carer-font-size-base,max(19px,1.1875rem));` +
      'min-block-size:var(--carer-reserve,20em)}' +
      `:where(${boxes})[hidden]{display:none}:where(carer-voice):not(:defined){display:block}`,
  );
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

function start(): void {
  reserveSpace();
  scan(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

const flag = Symbol.for('carers-voice/embed');
const page = globalThis as typeof globalThis & { [flag]?: boolean };
// Safe to include twice (two snippets on one page): the second copy does nothing.
if (typeof document !== 'undefined' && !page[flag]) {
  page[flag] = true;
  start();
}
