/**
 * How a widget reached the carer, for the envelope's `meta.mode`: `frame` inside the page the
 * collector serves for iframe mode (`/embed/frame/…`, whose root element carries
 * `data-parent-origin`), otherwise `inline` on the partner's own page. Only a label for the
 * strategy group's figures; nothing is trusted because of it.
 */
export function deliveryMode(): 'inline' | 'frame' {
  return typeof document !== 'undefined' && document.documentElement.hasAttribute('data-parent-origin') ? 'frame' : 'inline';
}
