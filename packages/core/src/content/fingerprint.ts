/**
 * "Checked" definitions. A definition that has passed `parseDefinition` can carry
 * `checked: "fnv1a64:<16 hex digits>"`, a fingerprint of the definition without that key. A widget
 * given a definition whose fingerprint still matches renders it at once, without loading the
 * checker (zod and the plain-words problem text, about 20 KB gzipped); anything else is checked in
 * full first.
 *
 * The fingerprint is FNV-1a (64 bits) over the UTF-8 bytes of the definition's canonical JSON
 * (object keys sorted, no spaces). It catches accidental edits — a hand-edited file, a
 * half-finished copy and paste — not deliberate ones: anyone can compute it. That is enough here,
 * because a definition is the partner's own configuration, and a widget still guards the shape it
 * iterates before rendering. It is not a signature; never use it to trust data from someone else.
 *
 * Who adds it: `carers-voice-check <file.json> --write` (package `@carers-voice/content`), and the
 * collector when it serves a definition it checked at registration. No zod here: widgets import it.
 */

/** The key the fingerprint is kept under. */
export const CHECKED_KEY = 'checked';

const PREFIX = 'fnv1a64:';
const MAX_DEPTH = 64;

/**
 * JSON with object keys in sorted order (UTF-16 code unit order, as `Array.prototype.sort`), so the
 * same data gives the same text whatever order its keys were written or stored in (PostgreSQL's
 * jsonb, for one, reorders them). Values are written as `JSON.stringify` writes them. Throws on
 * data that is not plain JSON-like (a loop, or deeper than 64 levels).
 */
export function canonicalJson(value: unknown): string {
  return write(value, 0);
}

/** `canonicalJson` of `value`; `skip` names a key left out at this level (the fingerprint's own). */
function write(value: unknown, depth: number, skip?: string): string {
  if (depth > MAX_DEPTH) throw new RangeError('nested too deeply');
  if (value === null || typeof value !== 'object') {
    // Like JSON.stringify: undefined, functions and symbols inside a list become null.
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + write(value[i], depth + 1);
    return out + ']';
  }
  let out = '{';
  let first = true;
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol' || key === skip) continue;
    out += (first ? '' : ',') + JSON.stringify(key) + ':' + write(item, depth + 1);
    first = false;
  }
  return out + '}';
}

const encoder = /* @__PURE__ */ new TextEncoder();

/** FNV-1a, 64 bits, over the UTF-8 bytes of `text`, as 16 hex digits. Done in 16-bit parts (no BigInt). */
export function fnv1a64(text: string): string {
  const bytes = encoder.encode(text);
  // The offset basis 0xcbf29ce484222325, lowest 16 bits first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i]!;
    // Multiply by the prime 0x100000001b3 = 2^40 + 0x1b3, keeping the low 64 bits.
    const t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + (h0 << 8);
    const t3 = h3 * 0x1b3 + (h1 << 8);
    t1 += t0 >>> 16;
    h0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    h1 = t1 & 0xffff;
    h3 = (t3 + (t2 >>> 16)) & 0xffff;
    h2 = t2 & 0xffff;
  }
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}

/** The definition without its `checked` key (a shallow copy; the original is left alone). */
function withoutChecked(definition: object): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(definition)) {
    if (key === CHECKED_KEY) continue;
    // defineProperty, not `rest[key] =`: a "__proto__" key stays a key.
    Object.defineProperty(rest, key, { value: (definition as Record<string, unknown>)[key], enumerable: true, writable: true, configurable: true });
  }
  return rest;
}

/** The fingerprint of a definition (its `checked` key, if any, left out), e.g. `fnv1a64:0f3c…`. Throws on data that is not plain. */
export function definitionFingerprint(definition: object): string {
  // The same text as canonicalJson(withoutChecked(definition)), without copying it first.
  return PREFIX + fnv1a64(write(definition, 0, CHECKED_KEY));
}

/**
 * The definition with a fresh `checked` fingerprint (last key). Call it only with the output of
 * `parseDefinition` (or a kind's parser): the fingerprint says "this exact data passed the check".
 */
export function withFingerprint<T extends object>(definition: T): T & { checked: string } {
  const rest = withoutChecked(definition);
  const checked = PREFIX + fnv1a64(canonicalJson(rest));
  return Object.defineProperty(rest, CHECKED_KEY, { value: checked, enumerable: true, writable: true, configurable: true }) as T & { checked: string };
}

/**
 * Whether `input` is an object whose `checked` fingerprint matches the rest of it, i.e. it is
 * exactly what passed the check (unless someone forged it: see the top of this file). Never throws.
 */
export function hasValidFingerprint(input: unknown): boolean {
  try {
    if (!input || typeof input !== 'object' || Array.isArray(input)) return false;
    const checked = (input as Record<string, unknown>)[CHECKED_KEY];
    if (typeof checked !== 'string' || !Object.hasOwn(input, CHECKED_KEY)) return false;
    return checked === definitionFingerprint(input);
  } catch {
    return false;
  }
}
