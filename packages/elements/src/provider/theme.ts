/**
 * A partner's brand, as a plain object: `<carer-voice>` checks each value and writes it to a
 * `--carer-*` custom property on itself through the CSSOM (`style.setProperty`), which a strict
 * Content-Security-Policy allows (no `style` attribute in the partner's markup, no inline `<style>`).
 * Partners who prefer CSS can set the same custom properties in their own stylesheet instead.
 */
import { msg, str } from '@lit/localize';

export interface CarerTheme {
  /** Buttons, selected options, links: a colour, e.g. "#1d70b8". */
  brand?: string;
  /** Text on the brand colour; must contrast with it. */
  brandText?: string;
  /** The focus highlight, e.g. "#ffdd00". */
  focus?: string;
  /** Text on the focus highlight; must contrast with it. */
  focusText?: string;
  /** Links. */
  link?: string;
  /** Body text colour. */
  text?: string;
  /** Background behind the questions. */
  background?: string;
  /** Error messages and borders. */
  error?: string;
  /** A CSS font stack, e.g. "Arial, sans-serif". */
  fontFamily?: string;
  /** Corner rounding, e.g. "4px" or "0". */
  radius?: string;
  /** The base text size, e.g. "19px" or "1.1875rem". */
  baseSize?: string;
}

type Kind = 'color' | 'font-family' | 'border-radius' | 'font-size';

/** Each theme key, the custom property it sets, and the CSS property its value must be valid for. */
export const THEME_PROPERTIES: Readonly<Record<keyof CarerTheme, { property: string; kind: Kind }>> = {
  brand: { property: '--carer-color-brand', kind: 'color' },
  brandText: { property: '--carer-color-brand-text', kind: 'color' },
  focus: { property: '--carer-color-focus', kind: 'color' },
  focusText: { property: '--carer-color-focus-text', kind: 'color' },
  link: { property: '--carer-color-link', kind: 'color' },
  text: { property: '--carer-color-text', kind: 'color' },
  background: { property: '--carer-color-surface', kind: 'color' },
  error: { property: '--carer-color-error', kind: 'color' },
  fontFamily: { property: '--carer-font-family', kind: 'font-family' },
  radius: { property: '--carer-radius', kind: 'border-radius' },
  baseSize: { property: '--carer-font-size-base', kind: 'font-size' },
};

export interface ThemeCheck {
  /** Only the values that passed. */
  theme: CarerTheme;
  /** One plain-words sentence per value that did not. */
  problems: string[];
}

function kindName(kind: Kind): string {
  switch (kind) {
    case 'color':
      return msg('a colour, like #1d70b8', { id: 'provider.theme.kind-colour' });
    case 'font-family':
      return msg('a font, like Arial, sans-serif', { id: 'provider.theme.kind-font' });
    case 'border-radius':
      return msg('a size, like 4px', { id: 'provider.theme.kind-size' });
    case 'font-size':
      return msg('a text size, like 19px', { id: 'provider.theme.kind-text-size' });
  }
}

/** Checks a theme object (or anything a partner passed as one) without throwing. */
export function checkTheme(input: unknown): ThemeCheck {
  const theme: CarerTheme = {};
  const problems: string[] = [];
  if (input === undefined || input === null) return { theme, problems };
  if (typeof input !== 'object' || Array.isArray(input)) {
    problems.push(msg('The theme must be an object, like { "brand": "#1d70b8" }.', { id: 'provider.theme.not-object' }));
    return { theme, problems };
  }
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    const spec = THEME_PROPERTIES[key as keyof CarerTheme];
    if (!spec) {
      const known = Object.keys(THEME_PROPERTIES).join(', ');
      problems.push(msg(str`The theme has an unknown setting "${key}". Known settings: ${known}.`, { id: 'provider.theme.unknown' }));
      continue;
    }
    if (typeof value !== 'string' || value.trim() === '' || /[;{}]/.test(value) || !CSS.supports(spec.kind, value)) {
      problems.push(msg(str`The theme's "${key}" should be ${kindName(spec.kind)}, not ${JSON.stringify(value)}.`, { id: 'provider.theme.bad-value' }));
      continue;
    }
    theme[key as keyof CarerTheme] = value.trim();
  }
  return { theme, problems };
}

/** Writes a checked theme onto `element` as custom properties; removes ones no longer set. */
export function applyTheme(element: HTMLElement, theme: CarerTheme): void {
  for (const [key, { property }] of Object.entries(THEME_PROPERTIES)) {
    const value = theme[key as keyof CarerTheme];
    if (value === undefined) element.style.removeProperty(property);
    else element.style.setProperty(property, value);
  }
}
