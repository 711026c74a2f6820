/** Small helpers the results elements share. */
import { html as staticHtml, unsafeStatic, type StaticValue } from 'lit/static-html.js';
import type { TemplateResult } from 'lit';

const TAGS: StaticValue[] = [1, 2, 3, 4, 5, 6].map((n) => unsafeStatic(`h${n}`));

export function clampLevel(level: number): number {
  return Math.min(6, Math.max(1, Math.round(Number.isFinite(level) ? level : 2)));
}

/** `<hN>` for a level the page chooses (only the literals h1–h6 are ever made into tags). */
export function heading(level: number, id: string, text: string): TemplateResult {
  const tag = TAGS[clampLevel(level) - 1]!;
  return staticHtml`<${tag} id=${id} class="heading">${text}</${tag}>`;
}

/** The language that applies to `el`: its own `lang`, an ancestor's (through shadow roots), the page's. */
export function languageOf(el: Element): string {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.lang || 'en-GB';
}

export function prefers(query: string): boolean {
  return typeof matchMedia === 'function' && matchMedia(query).matches;
}
