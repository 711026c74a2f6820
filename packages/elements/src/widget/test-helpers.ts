/**
 * Helpers the widget browser tests share (poll, quiz): reaching into nested shadow roots the way a
 * user sees them, waiting for nested elements to render, and moving focus by keyboard only.
 */
import { sendKeys } from '@web/test-runner-commands';

/** Waits for the widget and every element inside it to finish rendering. */
export async function settle(el: Element): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await (el as Element & { updateComplete: Promise<unknown> }).updateComplete;
    const nested = deepAll(el, '*').filter((n): n is Element & { updateComplete: Promise<unknown> } => 'updateComplete' in n);
    await Promise.all(nested.map((n) => n.updateComplete));
  }
}

/** Every element matching `selector` below `root`, looking through shadow roots. */
export function deepAll(root: Element | ShadowRoot, selector: string): Element[] {
  const out: Element[] = [];
  const scope = root instanceof Element ? root.shadowRoot : root;
  if (!scope) return out;
  for (const node of scope.querySelectorAll('*')) {
    if (node.matches(selector)) out.push(node);
    if (node.shadowRoot) out.push(...deepAll(node, selector));
  }
  return out;
}

/** Text as a user sees it (whitespace collapsed), piercing shadow roots; hidden bits skipped. */
export function seen(node: Element | ShadowRoot | null | undefined): string {
  if (!node) return '';
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
    if (n instanceof Element) {
      if (n.localName === 'style' || n.hasAttribute('hidden')) return;
      if (n.shadowRoot) n.shadowRoot.childNodes.forEach(walk);
      else n.childNodes.forEach(walk);
    } else n.childNodes.forEach(walk);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** The element focused now, looking through shadow roots. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

export interface TabOptions {
  /** Presses at the most (default 30). */
  max?: number;
  key?: 'Tab' | 'Shift+Tab';
  /** What is being looked for, for the failure message. */
  what?: string;
}

/** Presses Tab (or Shift+Tab) until the focused element matches, as a keyboard user would; fails if it never does. */
export async function tabUntil(match: (active: Element) => boolean, { max = 30, key = 'Tab', what = 'the element' }: TabOptions = {}): Promise<Element> {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: key });
    const a = deepActive();
    if (a && match(a)) return a;
  }
  throw new Error(`Tab never reached ${what} (last: ${deepActive()?.outerHTML.slice(0, 120)})`);
}
