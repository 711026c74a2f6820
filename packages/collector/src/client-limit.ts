/**
 * The per-client rate limit (posts a minute per client address), shared by every public route that
 * takes posts: responses, deletions, sign-in, carers' statements. It counts exactly as
 * @fastify/rate-limit's LocalStore did (the plugin this replaces): a fixed window per key that starts at
 * the key's first post, at most 5,000 keys (least recently used forgotten first), IPv6 addresses
 * counted by their /64, IPv4-mapped IPv6 addresses as IPv4. In a cluster (WORKERS=N) the counts are the
 * primary's (rate-limit-cluster.ts), as with the plugin's cluster store. One limiter for the ingest
 * route's fast path (fast-ingest.ts) and the Fastify routes, so a client has one count whichever path
 * its posts take.
 */
import { isIPv6 } from 'node:net';
import { countInWindow } from './rate-limit-cluster.js';

export interface ClientCount {
  /** Posts in the window, this one included. */
  current: number;
  /** ms left in the window. */
  ttl: number;
}

export class ClientLimiter {
  private windows = new Map<string, { current: number; ttl: number; start: number }>();
  constructor(
    readonly max: number,
    readonly windowMs: number,
    private inCluster: boolean,
    private cacheSize = 5000,
  ) {}

  /** Counts one post for `key` (clientKey). A count at once in one process; a promise in a cluster worker. */
  hit(key: string): ClientCount | Promise<ClientCount> {
    if (this.inCluster) return countInWindow(`client:${key}`, this.windowMs, this.max).then((a) => ({ current: a.count, ttl: a.ttl }));
    const now = Date.now();
    let w = this.windows.get(key);
    if (!w) w = { current: 1, ttl: this.windowMs, start: now };
    else {
      this.windows.delete(key); // (set again below: most recently used last)
      if (w.start + this.windowMs <= now) {
        w.current = 1;
        w.ttl = this.windowMs;
        w.start = now;
      } else {
        w.current++;
        w.ttl = this.windowMs - (now - w.start);
      }
    }
    this.windows.set(key, w);
    if (this.windows.size > this.cacheSize) this.windows.delete(this.windows.keys().next().value!);
    return w;
  }

  /**
   * The headers for a counted post (x-ratelimit-limit, -remaining, -reset; Retry-After too when
   * refused), as [name, value] pairs, and the refusal's message when it is over the limit.
   */
  verdict(c: ClientCount): { headers: [string, string][]; refused: string | undefined } {
    const seconds = Math.ceil(c.ttl / 1000);
    if (c.current > this.max) {
      return {
        headers: [
          ['x-ratelimit-limit', String(this.max)],
          ['x-ratelimit-remaining', '0'],
          ['x-ratelimit-reset', String(seconds)],
          ['retry-after', String(seconds)],
        ],
        refused: `too many responses: try again in ${seconds} seconds`,
      };
    }
    return {
      headers: [
        ['x-ratelimit-limit', String(this.max)],
        ['x-ratelimit-remaining', String(Math.max(0, this.max - c.current))],
        ['x-ratelimit-reset', String(seconds)],
      ],
      refused: undefined,
    };
  }
}

/** The key a client address is counted under: IPv4 as it is (lower case), IPv6 by its /64 (…::/64), IPv4-mapped IPv6 as IPv4. */
export function clientKey(ip: string): string {
  if (!isIPv6(ip)) return ip.toLowerCase();
  const groups = ipv6Groups(ip);
  if (!groups) return ip.toLowerCase();
  if (groups[0] === 0 && groups[1] === 0 && groups[2] === 0 && groups[3] === 0 && groups[4] === 0 && groups[5] === 0xffff) {
    return `${groups[6]! >> 8}.${groups[6]! & 255}.${groups[7]! >> 8}.${groups[7]! & 255}`;
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (a zone after % ignored, a dotted IPv4 tail read as two groups). */
function ipv6Groups(ip: string): number[] | undefined {
  let text = ip.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  const lastColon = text.lastIndexOf(':');
  if (text.indexOf('.', lastColon) >= 0) {
    const parts = text.slice(lastColon + 1).split('.').map(Number);
    if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
    text = `${text.slice(0, lastColon + 1)}${((parts[0]! << 8) | parts[1]!).toString(16)}:${((parts[2]! << 8) | parts[3]!).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const [head, rest] = halves as [string, string | undefined];
  const read = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const a = read(head);
  const b = rest === undefined ? [] : read(rest);
  const fill = 8 - a.length - b.length;
  if (fill < 0 || (rest === undefined && fill !== 0)) return undefined;
  const groups = [...a, ...new Array<number>(rest === undefined ? 0 : fill).fill(0), ...b];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}
