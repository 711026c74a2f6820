/**
 * Turning anything a partner might hand us into plain data, and zod's issues into plain words.
 *
 * Partners are web editors: a problem reads like `pages[1].questions[3].options[0]: an option needs
 * a value`, never like a stack trace or a union dump. Nothing here throws, whatever the input.
 */
import * as z from 'zod/mini';

/** One thing wrong with a definition or response: where it is and what to do, in plain words. */
export interface Problem {
  /** Where, e.g. `pages[1].questions[3].options`; `''` for the whole thing. */
  path: string;
  message: string;
}

export type PathSegment = string | number;

export interface Limits {
  /** Deepest nesting of objects and lists. */
  maxDepth: number;
  /** Most characters in total (text, keys and a few for each value). */
  maxSize: number;
  /** Most problems reported at once; the rest are summed up in one line. */
  maxProblems: number;
}

export const DEFAULT_LIMITS: Limits = { maxDepth: 32, maxSize: 1_000_000, maxProblems: 100 };

// ---------------------------------------------------------------- paths

const plainKey = /^[A-Za-z0-9_$][A-Za-z0-9_$-]*$/;

/** `['pages', 1, 'questions', 3]` → `pages[1].questions[3]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const key = String(seg);
      if (plainKey.test(key)) out += out === '' ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** One line per problem, ready for a console, a log or an editor's error panel. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('\n');
}

// ---------------------------------------------------------------- plain data

export type PlainResult = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

/**
 * Copies `input` into fresh plain objects and arrays: reads every property once (so getters and
 * Proxy traps run here, inside try/catch, not inside zod), refuses loops, caps depth and size,
 * and keeps keys such as `__proto__` as ordinary own keys so they are reported, never obeyed.
 * A string is parsed as JSON first.
 */
export function toPlainData(input: unknown, limits: Limits = DEFAULT_LIMITS, what = 'this'): PlainResult {
  try {
    if (typeof input === 'string') {
      if (input.length > limits.maxSize) {
        return fail('', `${what} is too large (more than ${limits.maxSize.toLocaleString('en-GB')} characters)`);
      }
      if (input.trim() === '') return fail('', `${what} is empty`);
      // JSON.parse would happily build 500,000 nested lists first; refuse deep text before parsing.
      const deepAt = jsonTooDeep(input, limits.maxDepth);
      if (deepAt >= 0) {
        return fail('', `${what} is nested too deeply (more than ${limits.maxDepth} levels, at character ${deepAt + 1})`);
      }
      try {
        input = JSON.parse(input);
      } catch (error) {
        return fail('', `${what} is not valid JSON${jsonWhere(input as string, error)}`);
      }
    }
    const problems: Problem[] = [];
    const state = { size: 0, stopped: false };
    const ancestors = new Set<object>();

    const copy = (value: unknown, path: PathSegment[]): unknown => {
      if (state.stopped) return undefined;
      state.size += 4;
      if (typeof value === 'string') state.size += value.length;
      if (state.size > limits.maxSize) {
        state.stopped = true;
        problems.push({
          path: '',
          message: `${what} is too large (more than ${limits.maxSize.toLocaleString('en-GB')} characters)`,
        });
        return undefined;
      }
      if (value === null || typeof value !== 'object') return value;
      if (path.length >= limits.maxDepth) {
        problems.push({ path: formatPath(path), message: `this is nested too deeply (more than ${limits.maxDepth} levels)` });
        return undefined;
      }
      if (!Array.isArray(value) && !isPlainObject(value)) {
        problems.push({ path: formatPath(path), message: 'this is not plain data (only objects, lists, text, numbers, true/false and null)' });
        return undefined;
      }
      if (ancestors.has(value)) {
        problems.push({ path: formatPath(path), message: 'this refers back to itself (a loop); use plain data, as in a JSON file' });
        return undefined;
      }
      ancestors.add(value);
      try {
        if (Array.isArray(value)) {
          const length = Number(value.length);
          if (!(state.size + length * 4 <= limits.maxSize)) {
            state.stopped = true;
            problems.push({ path: '', message: `${what} is too large (more than ${limits.maxSize.toLocaleString('en-GB')} characters)` });
            return undefined;
          }
          const out: unknown[] = [];
          for (let i = 0; i < length && !state.stopped; i++) {
            out.push(copy(readProperty(value, i, path, problems), [...path, i]));
          }
          return out;
        }
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(value)) {
          if (state.stopped) break;
          state.size += key.length;
          const item = copy(readProperty(value, key, path, problems), [...path, key]);
          if (item === undefined) continue; // as JSON.stringify does
          // defineProperty, not `out[key] =`: a "__proto__" key must stay a key, not a prototype.
          Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
        }
        return out;
      } catch {
        problems.push({ path: formatPath(path), message: 'this value could not be read; use plain data, as in a JSON file' });
        return undefined;
      } finally {
        ancestors.delete(value);
      }
    };

    const value = copy(input, []);
    if (problems.length > 0) return { ok: false, problems: limitProblems(problems, limits) };
    return { ok: true, value };
  } catch {
    return fail('', `${what} could not be read; use plain data, as in a JSON file`);
  }
}

/** An object literal or `JSON.parse` result, from this realm or another (an iframe's). */
function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

/** Index of the first bracket nested deeper than `max` in JSON text, or -1. Skips strings. */
function jsonTooDeep(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

const unreadable = Symbol('unreadable');

function readProperty(obj: object, key: PropertyKey, path: PathSegment[], problems: Problem[]): unknown {
  try {
    return (obj as Record<PropertyKey, unknown>)[key];
  } catch {
    problems.push({
      path: formatPath([...path, key as PathSegment]),
      message: 'this value could not be read; use plain data, as in a JSON file',
    });
    return unreadable;
  }
}

function jsonWhere(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const match = /position (\d+)/.exec(message);
  if (!match) {
    return /end of (JSON|data)/i.test(message)
      ? ' (it ends too early: check for a missing "}", "]" or quote)'
      : ' (check for a missing comma, quote or bracket)';
  }
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column}: check for a missing comma, quote or bracket)`;
}

function fail(path: string, message: string): PlainResult {
  return { ok: false, problems: [{ path, message }] };
}

export function limitProblems(problems: Problem[], limits: Limits = DEFAULT_LIMITS): Problem[] {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length <= limits.maxProblems) return unique;
  const shown = unique.slice(0, limits.maxProblems);
  shown.push({ path: '', message: `and ${unique.length - limits.maxProblems} more problems` });
  return shown;
}

// ---------------------------------------------------------------- zod issues → plain words

/** Zod's own message is replaced unless the schema set its own (`{ error: '…' }`). */
const DEFAULT = '\u0000default';
const defaultMessage = () => DEFAULT;

/** Nouns for "<noun> needs a value", by the list or key the object sits in. */
const listNouns: Record<string, string> = {
  options: 'an option',
  questions: 'a question',
  pages: 'a page',
  signposting: 'a signposting link',
  bands: 'a band',
  outcomes: 'an outcome',
  actions: 'an action',
  groups: 'a group',
  statements: 'a statement',
  scale: 'a scale point',
  carerScale: 'a scale point',
  indicators: 'an indicator',
  all: 'a condition',
  any: 'a condition',
};
const keyNouns: Record<string, string> = {
  reveal: 'a follow-up question',
  answer: 'the answer',
  source: 'the source',
  privacy: 'the privacy section',
  instrument: 'the instrument',
  showIf: 'a condition',
  when: 'a condition',
  not: 'a condition',
  young: 'the young carers\u2019 wording',
  easyRead: 'the easy read wording',
  meta: 'meta',
};
/** What is missing, in words: "needs a value", "needs a list of options". */
const keyThings: Record<string, string> = {
  value: 'a value',
  label: 'a label',
  id: 'an id',
  type: 'a type',
  title: 'a title',
  text: 'some text',
  kind: 'a kind (survey, quiz, poll or statement-set)',
  version: 'a version number',
  privacy: 'a privacy section ({ "anonymous": true })',
  anonymous: '"anonymous" (true or false)',
  questions: 'a list of questions',
  options: 'a list of options',
  pages: 'a list of pages',
  phrases: 'a list of phrases',
  groups: 'a list of groups',
  statements: 'a list of statements',
  scale: 'a scale',
  mode: 'a mode (score or identify)',
  showResults: '"showResults" (after-vote, after-close or never)',
  audience: 'an audience (carer or organisation)',
  correct: 'a list of correct options',
  explanation: 'an explanation',
  source: 'a source',
  name: 'a name',
  when: 'a condition ("when")',
  body: 'a body',
  message: 'a message',
  total: 'a total',
  question: 'a question id',
  positive: 'a list of positive options',
  partner: 'a partner id',
  locale: 'a locale',
  instrument: 'an instrument ({ "id": …, "version": … })',
  answers: 'answers',
  startedAt: 'a start time',
  submittedAt: 'a submitted time',
};

function nounFor(path: readonly PathSegment[], rootNoun: string): string {
  if (path.length === 0) return rootNoun;
  const last = path[path.length - 1]!;
  if (typeof last === 'number') {
    const list = path[path.length - 2];
    return (typeof list === 'string' && listNouns[list]) || 'this item';
  }
  const parent = path[path.length - 2];
  if (parent === 'reveal') return 'a follow-up question';
  return keyNouns[last] ?? `"${last}"`;
}

function thingFor(key: PathSegment): string {
  return (typeof key === 'string' && Object.hasOwn(keyThings, key) && keyThings[key]) || `"${String(key)}"`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? 'text' : `"${value}"`;
    case 'number':
      return Number.isFinite(value) ? String(value) : 'not a real number';
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

const expectedWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  literal: 'a fixed value',
};

function at(data: unknown, path: readonly PathSegment[]): unknown {
  let node: unknown = data;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.hasOwn(node, seg)) return undefined;
    node = (node as Record<PathSegment, unknown>)[seg];
  }
  return node;
}

/** Levenshtein distance, for "did you mean" on misspelt keys. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      prev = next;
    }
  }
  return row[b.length]!;
}

/** The candidate nearest to `key` (two edits at most, and not for tiny keys), if any. */
function closest(key: string, candidates: readonly string[]): string | undefined {
  if (key.length < 3) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = distance(key, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

type Def = { type?: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType; valueType?: z.core.$ZodType; innerType?: z.core.$ZodType; options?: z.core.$ZodType[]; discriminator?: string };
const defOf = (schema: z.core.$ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Through optional wrappers and, using the data, to the one option of a discriminated union. */
function unwrap(schema: z.core.$ZodType | undefined, data: unknown): z.core.$ZodType | undefined {
  for (let i = 0; schema && i < 10; i++) {
    const def = defOf(schema);
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') schema = def.innerType;
    else if (def.type === 'union' && def.discriminator && data !== null && typeof data === 'object') {
      const value = (data as Record<string, unknown>)[def.discriminator];
      schema = def.options?.find((o) => {
        const values = (o as unknown as { _zod: { propValues?: Record<string, Set<unknown>> } })._zod.propValues?.[def.discriminator!];
        return values?.has(value as never);
      });
    } else return schema;
  }
  return schema;
}

/** The keys the object at `path` may have, read from the schema; `[]` when unknown. */
function knownKeys(schema: z.core.$ZodType | undefined, data: unknown, path: readonly PathSegment[]): string[] {
  try {
    let node = data;
    let s = unwrap(schema, node);
    for (const seg of path) {
      if (!s) return [];
      const def = defOf(s);
      if (def.type === 'object' && typeof seg === 'string' && def.shape && Object.hasOwn(def.shape, seg)) s = def.shape[seg];
      else if (def.type === 'array') s = def.element;
      else if (def.type === 'record') s = def.valueType;
      else return [];
      node = at(node, [seg]);
      s = unwrap(s, node);
    }
    const def = s ? defOf(s) : undefined;
    return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
  } catch {
    return [];
  }
}

const CONDITION_OPERATORS = ['equals', 'in', 'answered', 'all', 'any', 'not'] as const;
const CONDITION_KEYS = ['question', ...CONDITION_OPERATORS];

function isConditionPath(path: readonly PathSegment[]): boolean {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  return last === 'showIf' || last === 'when' || last === 'not' || (typeof last === 'number' && (parent === 'all' || parent === 'any'));
}

type Issue = z.core.$ZodIssue;

interface FormatContext {
  data: unknown;
  /** The schema parsed against, to find the keys an object may have ("did you mean"). */
  schema?: z.core.$ZodType;
  rootNoun: string;
  /** Plain words for a union that is not a condition or discriminated union, by the key it sits under. */
  unionMessages?: Record<string, string>;
}

/**
 * One zod issue in plain words (pushed onto `out`). `prefix` is the path of the union an issue came
 * from (zod gives union branches paths relative to the union); `siblings` are the issues reported
 * alongside it, used to suggest a spelling for an unknown key.
 */
function collect(issue: Issue, prefix: PathSegment[], ctx: FormatContext, out: Problem[], siblings: readonly Issue[] = []): void {
  const path = [...prefix, ...(issue.path as PathSegment[])];
  const custom = issue.message !== DEFAULT && issue.message !== undefined && issue.message !== '';
  const value = at(ctx.data, path);

  switch (issue.code) {
    case 'invalid_union': {
      const union = issue as z.core.$ZodIssueInvalidUnion & { note?: string; discriminator?: string; options?: unknown[] };
      if (union.discriminator) {
        const key = union.discriminator;
        const allowed = (union.options ?? []).map(String).join(', ');
        const objectPath = path[path.length - 1] === key ? path.slice(0, -1) : path;
        const found = at(ctx.data, [...objectPath, key]);
        const holder = at(ctx.data, objectPath);
        if (holder === null || typeof holder !== 'object' || Array.isArray(holder)) {
          out.push({ path: formatPath(objectPath), message: `must be an object, not ${describeValue(holder)}` });
        } else if (found === undefined) {
          out.push({ path: formatPath(objectPath), message: `${nounFor(objectPath, ctx.rootNoun)} needs a ${key}: one of ${allowed}` });
        } else {
          out.push({ path: formatPath([...objectPath, key]), message: `must be one of ${allowed}` });
        }
        return;
      }
      if (isConditionPath(path)) {
        conditionProblems(union, path, ctx, out);
        return;
      }
      const messages = ctx.unionMessages ?? {};
      const nearest = [...path].reverse().find((s) => typeof s === 'string' && Object.hasOwn(messages, s));
      const special = typeof nearest === 'string' ? messages[nearest] : undefined;
      if (special) {
        out.push({ path: formatPath(path), message: special });
        return;
      }
      // Every branch wanted a different type: say which types are allowed.
      const branches = union.errors;
      const typeOnly = branches.every((b) => b.length === 1 && b[0]!.code === 'invalid_type' && b[0]!.path.length === 0);
      if (typeOnly && branches.length > 0) {
        const words = branches.map((b) => expectedWords[(b[0] as z.core.$ZodIssueInvalidType).expected] ?? 'something else');
        out.push({ path: formatPath(path), message: `must be ${joinOr([...new Set(words)])}, not ${describeValue(value)}` });
        return;
      }
      // Otherwise report the branch that came closest.
      const best = [...branches].sort((a, b) => a.length - b.length)[0];
      if (!best || best.length === 0) {
        out.push({ path: formatPath(path), message: custom ? issue.message : 'is not in a shape that is allowed here' });
        return;
      }
      for (const inner of best) collect(inner, path, ctx, out, best);
      return;
    }
    case 'unrecognized_keys': {
      const keys = (issue as z.core.$ZodIssueUnrecognizedKeys).keys;
      const own = issue.path;
      const missing = siblings
        .filter(
          (s) =>
            s.code === 'invalid_type' &&
            s.path.length === own.length + 1 &&
            own.every((seg, i) => s.path[i] === seg) &&
            at(ctx.data, [...prefix, ...(s.path as PathSegment[])]) === undefined,
        )
        .map((s) => String(s.path[s.path.length - 1]));
      const present = at(ctx.data, path);
      const allowed = knownKeys(ctx.schema, ctx.data, path).filter(
        (k) => !(present !== null && typeof present === 'object' && Object.hasOwn(present, k)),
      );
      for (const key of keys) {
        const guess = closest(key, missing) ?? closest(key, allowed);
        out.push({
          path: formatPath(path),
          message: guess ? `unknown key "${key}" (did you mean "${guess}"?)` : `unknown key "${key}" (check the spelling)`,
        });
      }
      return;
    }
    case 'invalid_type': {
      if (value === undefined && path.length > 0) {
        const key = path[path.length - 1]!;
        const parentPath = path.slice(0, -1);
        const parent = at(ctx.data, parentPath);
        if (parent !== null && typeof parent === 'object' && !Array.isArray(parent) && typeof key === 'string') {
          out.push({ path: formatPath(parentPath), message: `${nounFor(parentPath, ctx.rootNoun)} needs ${thingFor(key)}` });
          return;
        }
      }
      if (custom) {
        out.push({ path: formatPath(path), message: issue.message });
        return;
      }
      const expected = (issue as z.core.$ZodIssueInvalidType).expected;
      const words = expectedWords[expected] ?? expected;
      if (expected === 'int' && typeof value === 'number') {
        out.push({ path: formatPath(path), message: `must be a whole number, not ${describeValue(value)}` });
        return;
      }
      out.push({ path: formatPath(path), message: `must be ${words}, not ${describeValue(value)}` });
      return;
    }
    case 'invalid_key': {
      const key = path[path.length - 1];
      const inner = (issue as z.core.$ZodIssueInvalidKey).issues[0];
      const why = inner && inner.message !== DEFAULT ? `: ${inner.message}` : '';
      out.push({ path: formatPath(path.slice(0, -1)), message: `"${String(key)}" cannot be used as a name here${why}` });
      return;
    }
    default:
      break;
  }

  if (custom) {
    out.push({ path: formatPath(path), message: issue.message });
    return;
  }
  out.push({ path: formatPath(path), message: plainDefault(issue, value) });
}

function plainDefault(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'too_small': {
      const i = issue as z.core.$ZodIssueTooSmall;
      const min = Number(i.minimum);
      if (i.origin === 'string') return min <= 1 ? 'must not be empty' : `must be at least ${min} characters long`;
      if (i.origin === 'array') return `needs at least ${min} ${min === 1 ? 'item' : 'items'}`;
      return i.inclusive ? `must be ${min} or more, not ${describeValue(value)}` : `must be more than ${min}, not ${describeValue(value)}`;
    }
    case 'too_big': {
      const i = issue as z.core.$ZodIssueTooBig;
      const max = Number(i.maximum);
      if (i.origin === 'string') return `must be at most ${max} characters long`;
      if (i.origin === 'array') return `can have at most ${max} ${max === 1 ? 'item' : 'items'}`;
      return i.inclusive ? `must be ${max} or less, not ${describeValue(value)}` : `must be less than ${max}, not ${describeValue(value)}`;
    }
    case 'invalid_value': {
      const values = (issue as z.core.$ZodIssueInvalidValue).values.map(String);
      return values.length === 1 ? `must be "${values[0]}"` : `must be one of ${values.join(', ')}`;
    }
    case 'invalid_format': {
      const i = issue as z.core.$ZodIssueInvalidStringFormat;
      if (i.format === 'datetime') return 'must be a date and time like 2026-03-01T09:00:00Z';
      if (i.format === 'uuid' || i.format === 'guid') return 'must be a UUID like 1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b';
      if (i.format === 'url') return 'must be a web address starting https://';
      return `is not in the right format`;
    }
    case 'not_multiple_of':
      return `must be a multiple of ${String((issue as z.core.$ZodIssueNotMultipleOf).divisor)}`;
    default:
      return 'is not allowed here';
  }
}

function joinOr(words: string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/**
 * A condition is a union of six shapes; zod reports all six failing. Work out which shape the
 * author meant from the keys they used, and report only that one.
 */
function conditionProblems(
  union: z.core.$ZodIssueInvalidUnion,
  path: PathSegment[],
  ctx: FormatContext,
  out: Problem[],
): void {
  const value = at(ctx.data, path);
  const where = formatPath(path);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    out.push({ path: where, message: `must be a condition like { "question": "age", "equals": "under-18" }, not ${describeValue(value)}` });
    return;
  }
  const keys = Object.keys(value);
  for (const key of keys) {
    if (CONDITION_KEYS.includes(key)) continue;
    const guess = CONDITION_KEYS.find((k) => distance(key, k) <= 2);
    out.push({ path: where, message: guess ? `unknown key "${key}" (did you mean "${guess}"?)` : `unknown key "${key}" (check the spelling)` });
  }
  const used = CONDITION_OPERATORS.filter((op) => keys.includes(op));
  if (used.length === 0) {
    out.push({
      path: where,
      message: keys.includes('question')
        ? 'a condition on a question needs "equals", "in" or "answered"'
        : 'a condition needs "question" with "equals", "in" or "answered"; or "all", "any" or "not"',
    });
    return;
  }
  if (used.length > 1) {
    out.push({ path: where, message: `a condition can use only one of equals, in, answered, all, any, not (this one has ${used.join(' and ')})` });
    return;
  }
  const op = used[0]!;
  const branch = union.errors[CONDITION_OPERATORS.indexOf(op)] ?? [];
  if (['all', 'any', 'not'].includes(op) && keys.includes('question')) {
    out.push({ path: where, message: `"${op}" combines other conditions, so it cannot also name a question` });
  }
  if (['equals', 'in', 'answered'].includes(op) && !keys.includes('question')) {
    out.push({ path: where, message: `a condition with "${op}" needs "question" (the id of an earlier question)` });
  }
  for (const inner of branch) {
    if (inner.code === 'unrecognized_keys') continue; // reported above, with suggestions
    if (inner.code === 'invalid_type' && inner.path.length === 1 && inner.path[0] === 'question') continue; // reported above
    collect(inner, path, ctx, out, branch);
  }
}

export type SchemaParse<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/**
 * The whole pipeline for one schema: plain data → zod → plain-words problems. Never throws.
 */
export function parseWithSchema<T>(
  schema: z.ZodMiniType<T>,
  input: unknown,
  options: {
    /** "a survey" in "a survey needs a title"; a function picks it from the data. */
    rootNoun: string | ((data: unknown) => string);
    /** "the definition" in "the definition is not valid JSON". */
    what: string;
    limits?: Limits;
    unionMessages?: Record<string, string>;
  },
): SchemaParse<T> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  try {
    const plain = toPlainData(input, limits, options.what);
    if (!plain.ok) return plain;
    const result = z.safeParse(schema, plain.value, { error: defaultMessage });
    if (result.success) return { ok: true, value: result.data };
    const rootNoun = typeof options.rootNoun === 'function' ? options.rootNoun(plain.value) : options.rootNoun;
    const ctx: FormatContext = { data: plain.value, rootNoun, schema };
    if (options.unionMessages) ctx.unionMessages = options.unionMessages;
    const problems: Problem[] = [];
    const issues = result.error.issues;
    for (const issue of issues) collect(issue, [], ctx, problems, issues);
    for (const p of problems) {
      if (p.path === '' && p.message.startsWith('must be an object')) p.message = `${options.what} must be a JSON object${p.message.slice('must be an object'.length)}`;
    }
    return { ok: false, problems: limitProblems(problems, limits) };
  } catch {
    return { ok: false, problems: [{ path: '', message: `${options.what} could not be checked; use plain data, as in a JSON file` }] };
  }
}
