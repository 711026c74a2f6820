/**
 * Iframe mode, the frame's side (`dist/v1/frame.js`): loaded by the page the collector serves at
 * `/embed/frame/:widget`, next to the drop-in. It tells the partner page how tall the widget is, so
 * the iframe can grow and shrink with it and never scrolls.
 *
 * - The partner page's origin comes from the page itself (`<html data-parent-origin>`), which the
 *   collector writes only after checking it is one of that partner's registered origins (and the
 *   page's `frame-ancestors` lets only those origins frame it). Sizes are posted to that origin and
 *   no other: never `'*'`, so no other page learns anything about the carer's progress.
 * - It listens only to messages from that origin and from its own parent window; the one it
 *   understands is `carers-voice:hello` (the host says it is listening): it answers with the size
 *   and, from then on, the frame hides its own scroll bars (the host sizes the iframe instead).
 * - It forwards `carer-ready` (the title, for the iframe's `title`) and `carer-sent` without their
 *   details: answers never leave the frame except to the collector.
 */
export const SIZE = 'carers-voice:size';
export const HELLO = 'carers-voice:hello';
export const EVENT = 'carers-voice:event';

function parentOrigin(): string | undefined {
  const claimed = document.documentElement.dataset.parentOrigin ?? '';
  let origin: string;
  try {
    origin = new URL(claimed).origin;
  } catch {
    return undefined;
  }
  if (origin !== claimed || origin === 'null') return undefined;
  // Where the browser tells us who framed us (Chromium, Safari), it must agree.
  const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  if (ancestors && ancestors.length > 0 && ancestors[0] !== origin) return undefined;
  return origin;
}

function start(): void {
  if (window.parent === window) return; // opened on its own: nothing to report to
  const origin = parentOrigin();
  if (!origin) {
    console.error('carers-voice: this frame does not know which page it is shown on, so it will not report its size.');
    return;
  }
  const post = (message: object) => window.parent.postMessage(message, origin);
  let last = -1;
  const report = (force = false) => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last && !force) return;
    last = height;
    post({ type: SIZE, height });
  };
  new ResizeObserver(() => report()).observe(document.body);
  report();

  window.addEventListener('message', (event: MessageEvent) => {
    if (event.origin !== origin || event.source !== window.parent) return;
    const data = event.data as { type?: unknown } | null;
    if (!data || data.type !== HELLO) return;
    document.documentElement.classList.add('carers-voice-sized');
    report(true);
  });

  for (const type of ['carer-ready', 'carer-sent'] as const) {
    document.addEventListener(type, (event) => {
      const detail = (event as CustomEvent<{ title?: unknown }>).detail;
      post({ type: EVENT, event: type, ...(type === 'carer-ready' && typeof detail?.title === 'string' ? { title: detail.title } : {}) });
    });
  }
}

start();
