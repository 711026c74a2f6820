/** The per-client limit counts as @fastify/rate-limit's LocalStore did (client-limit.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeIP } from '@fastify/rate-limit';
import { ClientLimiter, clientKey } from './client-limit.js';

const addresses = [
  '127.0.0.1',
  '10.0.0.7',
  '::1',
  '::',
  '::ffff:10.1.2.3',
  '::ffff:127.0.0.1',
  '2001:db8:85a3::8a2e:370:7334',
  '2001:DB8:85A3:0:ffff:1:2:3',
  '2001:db8:85a3:0001::1',
  '2001:db8:85a3:1::2',
  'fe80::1',
  'fe80::2:3',
  '2001:db8::1.2.3.4',
  '1::',
];

test('addresses share a key exactly when the plugin gave them one (IPv6 by /64, mapped IPv4 as IPv4)', () => {
  for (const a of addresses) {
    for (const b of addresses) {
      assert.equal(clientKey(a) === clientKey(b), normalizeIP(a) === normalizeIP(b), `${a} / ${b}`);
    }
  }
  assert.equal(clientKey('::ffff:10.1.2.3'), '10.1.2.3');
});

test('a fixed window from the first post: counts, headers, refusal with Retry-After, a new window after it', (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: 1_000_000 });
  const limiter = new ClientLimiter(2, 60_000, false);
  const first = limiter.verdict(limiter.hit('a') as { current: number; ttl: number });
  assert.deepEqual(first, { headers: [['x-ratelimit-limit', '2'], ['x-ratelimit-remaining', '1'], ['x-ratelimit-reset', '60']], refused: undefined });
  t.mock.timers.tick(30_500);
  assert.equal(limiter.verdict(limiter.hit('a') as { current: number; ttl: number }).refused, undefined);
  const third = limiter.verdict(limiter.hit('a') as { current: number; ttl: number });
  assert.equal(third.refused, 'too many responses: try again in 30 seconds');
  assert.deepEqual(third.headers, [['x-ratelimit-limit', '2'], ['x-ratelimit-remaining', '0'], ['x-ratelimit-reset', '30'], ['retry-after', '30']]);
  // Another client has its own window.
  assert.equal(limiter.verdict(limiter.hit('b') as { current: number; ttl: number }).refused, undefined);
  t.mock.timers.tick(29_500);
  assert.deepEqual(limiter.hit('a'), { current: 1, ttl: 60_000, start: 1_060_000 });
});

test('at most cacheSize keys: the least recently counted is forgotten first', () => {
  const limiter = new ClientLimiter(1, 60_000, false, 3);
  for (const k of ['a', 'b', 'c']) limiter.hit(k);
  limiter.hit('a'); // a is now the most recent: a second post, refused
  limiter.hit('d'); // b is forgotten
  assert.equal((limiter.hit('b') as { current: number }).current, 1);
  assert.equal((limiter.hit('a') as { current: number }).current, 3);
});
