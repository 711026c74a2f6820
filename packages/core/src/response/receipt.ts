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

/**
 * FNV-1a, 64 bit: spreads any id (a UUID or anything else) over the code space; then the 8 digits in
 * base 30, least significant first. The 64-bit value is kept as two 32-bit halves in plain numbers
 * (every intermediate below 2^53, so exact): the same code as BigInt arithmetic, about 20× cheaper
 * (the collector makes one per response). `receipt.test.ts` compares it with the BigInt original.
 */
export function receiptCode(id: string): string {
  const text = String(id).toLowerCase();
  // offset basis 0xcbf29ce484222325
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    lo = (lo ^ text.charCodeAt(i)) >>> 0;
    // × prime 0x100000001b3 = 2^40 + 0x1b3, modulo 2^64
    const low = lo * 0x1b3;
    const carry = Math.floor(low / 0x100000000);
    hi = (hi * 0x1b3 + carry + ((lo << 8) >>> 0)) % 0x100000000;
    lo = low >>> 0;
  }
  let out = '';
  const base = ALPHABET.length;
  for (let i = 0; i < LENGTH; i++) {
    // (hi · 2^32 + lo) divided by 30: the remainder of the high half carries into the low half.
    const r = hi % base;
    hi = (hi - r) / base;
    const rest = r * 0x100000000 + lo;
    const digit = rest % base;
    lo = (rest - digit) / base;
    out += ALPHABET[digit];
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
