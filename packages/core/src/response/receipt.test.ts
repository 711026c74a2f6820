/**
 * `receiptCode` works in 32-bit halves; codes already given to carers were made with BigInt
 * arithmetic. This is that original, kept here to prove every code stays the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { receiptCode } from './receipt.js';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
function bigintReceiptCode(id: string): string {
  const text = String(id).toLowerCase();
  let n = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    n ^= BigInt(text.charCodeAt(i));
    n = (n * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  let out = '';
  const base = BigInt(ALPHABET.length);
  for (let i = 0; i < 8; i++) {
    out += ALPHABET[Number(n % base)];
    n /= base;
  }
  return out;
}

test('receiptCode gives the BigInt original\'s code for 20,000 UUIDs and known ids', () => {
  for (let i = 0; i < 20_000; i++) {
    const id = crypto.randomUUID();
    assert.equal(receiptCode(id), bigintReceiptCode(id), id);
  }
  // Fixed points, so a change to both functions at once would still show.
  assert.equal(receiptCode('00000000-0000-4000-8000-000000000000'), bigintReceiptCode('00000000-0000-4000-8000-000000000000'));
  assert.equal(receiptCode(''), 'KG68NX7N'); // the FNV offset basis in base 30
  assert.equal(receiptCode('1b4e28ba-2fa1-41d2-883f-0016d3cca427'), bigintReceiptCode('1b4e28ba-2fa1-41d2-883f-0016d3cca427'));
});

test('receiptCode gives the BigInt original\'s code for any text (all UTF-16 units, any length)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      assert.equal(receiptCode(text), bigintReceiptCode(text));
    }),
    { numRuns: 5000 },
  );
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 64 }), (units) => {
      const text = String.fromCharCode(...units);
      assert.equal(receiptCode(text), bigintReceiptCode(text));
    }),
    { numRuns: 5000 },
  );
});
