/**
 * A short receipt code for the confirmation page ("Your reference is 7KQ4-MX2P") and for asking
 * us to delete a response. Made from the envelope id, so the same response always has the same
 * code and nothing extra is stored on the device.
 *
 * 8 characters from 30 that cannot be confused when read aloud or written down (no 0/O, 1/I/L, U),
 * about 39 bits: enough to find one response among many, not a secret.
 */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 8;

/** FNV-1a, 64 bit: spreads any id (a UUID or anything else) over the code space. */
function hash64(text: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h;
}

/** `receiptCode("1b4e28ba-…")` → `"7KQ4MX2P"`. Show it as `formatReceiptCode(code)`. */
export function receiptCode(id: string): string {
  let n = hash64(String(id).toLowerCase());
  let out = '';
  const base = BigInt(ALPHABET.length);
  for (let i = 0; i < LENGTH; i++) {
    out += ALPHABET[Number(n % base)];
    n /= base;
  }
  return out;
}

/** `"7KQ4MX2P"` → `"7KQ4-MX2P"`, easier to read out. */
export function formatReceiptCode(code: string): string {
  return code.length === LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/**
 * What a person typed back (any case, with spaces or dashes) as a code to look up, or `undefined`
 * if it cannot be one.
 */
export function normaliseReceiptCode(typed: string): string | undefined {
  const cleaned = String(typed).toUpperCase().replace(/[\s-]/g, '');
  return cleaned.length === LENGTH && [...cleaned].every((c) => ALPHABET.includes(c)) ? cleaned : undefined;
}
