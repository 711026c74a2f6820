/**
 * A quick yes/no check of a JSON body against `core/response`'s envelope schema, compiled once from the
 * schema itself (its zod definitions: types, patterns, lengths, enums), for the ingest hot path.
 *
 * It only ever says "valid" for a body that `parseEnvelope` would accept unchanged: anything it does not
 * understand — an unknown schema node, a check it does not know, an odd value — makes it say "not sure",
 * and the caller runs the full `parseEnvelope`, which names every problem in plain words. So rejections
 * keep their exact messages, and a valid body skips zod and the plain-data copy (about 0.1 ms of CPU
 * per response, a tenth of the collector's work under load). `envelope-check.test.ts` compares the two
 * on thousands of generated and mutated bodies.
 */
import { ResponseEnvelope } from '@carers-voice/core/response';

/** The zod schema parts read here (zod 4 keeps each schema's definition in `_zod.def`). */
interface Def {
  type: string;
  format?: string;
  pattern?: RegExp;
  checks?: { _zod: { def: Def & { check?: string; maximum?: number; minimum?: number; value?: number; inclusive?: boolean } } }[];
  shape?: Record<string, Node>;
  catchall?: Node;
  innerType?: Node;
  options?: Node[];
  element?: Node;
  keyType?: Node;
  valueType?: Node;
  entries?: Record<string, unknown>;
  check?: string;
}
interface Node {
  _zod: { def: Def };
}
type Check = (value: unknown) => boolean;

class Unsupported extends Error {}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** The string checks a node carries (format patterns and lengths); anything else is unsupported. */
function stringChecks(def: Def): Check[] {
  const out: Check[] = [];
  // A string format schema (z.uuid(), z.iso.datetime()) is itself a pattern check.
  if (def.format !== undefined) {
    if (!['uuid', 'datetime', 'regex'].includes(def.format) || !(def.pattern instanceof RegExp)) throw new Unsupported(`string format ${def.format}`);
    out.push(patternCheck(def.pattern));
  }
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'string_format' && d.format === 'regex' && d.pattern instanceof RegExp) out.push(patternCheck(d.pattern));
    else if (d.check === 'max_length' && typeof d.maximum === 'number') {
      const max = d.maximum;
      out.push((v) => (v as string).length <= max);
    } else if (d.check === 'min_length' && typeof d.minimum === 'number') {
      const min = d.minimum;
      out.push((v) => (v as string).length >= min);
    } else throw new Unsupported(`string check ${d.check}/${d.format}`);
  }
  return out;
}
function patternCheck(pattern: RegExp): Check {
  // zod resets lastIndex before each test; a fresh copy without the g/y flags needs no reset.
  const re = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  // The same answer keys (question ids) come in every response: the first few thousand strings that
  // passed are remembered, a lookup being cheaper than the pattern (ids that never repeat, such as the
  // envelope's own, only fill it once).
  const passed = new Set<string>();
  return (v) => {
    if (passed.has(v as string)) return true;
    if (!re.test(v as string)) return false;
    if (passed.size < 4096) passed.add(v as string);
    return true;
  };
}

function compile(node: Node): Check {
  const def = node._zod.def;
  switch (def.type) {
    case 'string': {
      const checks = stringChecks(def);
      return (v) => typeof v === 'string' && checks.every((c) => c(v));
    }
    case 'number': {
      if (def.format !== undefined && def.format !== 'safeint') throw new Unsupported(`number format ${def.format}`);
      const checks: Check[] = [];
      if (def.format === 'safeint') checks.push((v) => Number.isSafeInteger(v));
      for (const c of def.checks ?? []) {
        const d = c._zod.def;
        if (d.check === 'greater_than' && typeof d.value === 'number') {
          const min = d.value;
          checks.push(d.inclusive ? (v) => (v as number) >= min : (v) => (v as number) > min);
        } else throw new Unsupported(`number check ${d.check}`);
      }
      return (v) => typeof v === 'number' && Number.isFinite(v) && checks.every((c) => c(v));
    }
    case 'enum': {
      const values = new Set(Object.values(def.entries ?? {}));
      if (def.checks?.length) throw new Unsupported('enum checks');
      return (v) => (typeof v === 'string' || typeof v === 'number') && values.has(v);
    }
    case 'union': {
      if (def.checks?.length || !def.options?.length) throw new Unsupported('union');
      const options = def.options.map(compile);
      return (v) => options.some((o) => o(v));
    }
    case 'array': {
      const element = compile(def.element!);
      const lengths: Check[] = [];
      for (const c of def.checks ?? []) {
        const d = c._zod.def;
        if (d.check === 'max_length' && typeof d.maximum === 'number') {
          const max = d.maximum;
          lengths.push((v) => (v as unknown[]).length <= max);
        } else throw new Unsupported(`array check ${d.check}`);
      }
      return (v) => Array.isArray(v) && lengths.every((c) => c(v)) && v.every((item) => element(item));
    }
    case 'record': {
      if (def.checks?.length) throw new Unsupported('record checks');
      const key = compile(def.keyType!);
      if (def.keyType!._zod.def.type !== 'string') throw new Unsupported('record keys');
      const value = compile(def.valueType!);
      return (v) => {
        if (!isPlainObject(v)) return false;
        for (const k of Object.keys(v)) if (k === '__proto__' || !key(k) || !value(v[k])) return false;
        return true;
      };
    }
    case 'object': {
      // Strict objects only (catchall never): a plain object would drop unknown keys, changing the value.
      if (def.checks?.length || def.catchall?._zod.def.type !== 'never') throw new Unsupported('object');
      const fields = Object.entries(def.shape ?? {}).map(([name, schema]) => {
        const optional = schema._zod.def.type === 'optional';
        if (optional && schema._zod.def.checks?.length) throw new Unsupported('optional checks');
        return { name, optional, check: compile(optional ? schema._zod.def.innerType! : schema) };
      });
      const names = new Set(fields.map((f) => f.name));
      return (v) => {
        if (!isPlainObject(v)) return false;
        let present = 0;
        for (const f of fields) {
          if (!Object.hasOwn(v, f.name)) {
            if (!f.optional) return false;
            continue;
          }
          present++;
          if (!f.check(v[f.name])) return false;
        }
        // No other keys (a strict object refuses them).
        if (Object.keys(v).length !== present) return false;
        for (const k of Object.keys(v)) if (!names.has(k)) return false;
        return true;
      };
    }
    default:
      throw new Unsupported(def.type);
  }
}

/**
 * `parseEnvelope`'s size count (core/content/problems.ts, toPlainData): 4 per value, plus each text's
 * and each key's length. Stops counting once over `max`.
 */
export function plainSize(value: unknown, max: number): number {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length && size <= max) {
    const v = stack.pop();
    size += 4;
    if (typeof v === 'string') size += v.length;
    else if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        size += k.length;
        stack.push((v as Record<string, unknown>)[k]);
      }
    }
  }
  return size;
}

/** parseEnvelope's size limit for a response (core/response/envelope-schema.ts). */
const MAX_SIZE = 500_000;

let compiled: Check | undefined | null;
function envelopeCheck(): Check | undefined {
  if (compiled === undefined) {
    try {
      compiled = compile(ResponseEnvelope as unknown as Node);
    } catch {
      // A schema this does not understand: every body takes the full check (slower, same answers).
      compiled = null;
    }
  }
  return compiled ?? undefined;
}

/**
 * True when `body` (a `JSON.parse` result: plain data only) is certainly a valid envelope, one that
 * `parseEnvelope` would return unchanged; false means "run the full check".
 */
export function isPlainValidEnvelope(body: unknown, jsonLength?: number): boolean {
  const check = envelopeCheck();
  return !!check && check(body) && (withinSizeLimit(jsonLength) || plainSize(body, MAX_SIZE) <= MAX_SIZE);
}

/**
 * Whether a value parsed from JSON text of `jsonLength` UTF-16 units (at most its UTF-8 bytes, so a body
 * limit in bytes will do) is certainly within parseEnvelope's size limit without walking it:
 * `plainSize` is at most 4 × the text's length. (Each value counts 4 plus, for a text, its length: its
 * own text is at least 1 character, a text's at least its length + 2; a key counts its length and takes
 * its length + 2; the parts do not overlap.) The collector's body limit (64 KiB) is far below 125,000.
 */
export function withinSizeLimit(jsonLength: number | undefined): boolean {
  return jsonLength !== undefined && jsonLength >= 0 && 4 * jsonLength <= MAX_SIZE;
}
