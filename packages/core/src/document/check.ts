/**
 * Check a document against a statement set: which statements it addresses, where, and how
 * readable it is. Pure TypeScript, no dependencies; the same code runs in Node and browsers.
 *
 * Matching rules (also in packages/core/README.md, "document"):
 * - Each statement's `phrases` and `synonyms` are split into words and stemmed (Porter2), like the
 *   document, so "short breaks" matches "Short-term break", "breaking" and "BREAKS".
 * - Phrase words must appear in order, in one sentence, with at most `maxGap` (default 1) other
 *   words between two neighbours and at most `maxTotalGap` (default 2) in the whole match —
 *   "breaks from caring" matches "breaks from their caring"; it never matches across sentences.
 * - Negation: a match is *negated* when, in the same sentence and clause, a negation cue ("not",
 *   "no", "never", any "…n't", "cannot", "without", "unable", "nor", "none", "lack" …) stands within
 *   `negationWindow` (default 5) words before it, inside its gaps, or straight after it behind
 *   auxiliary verbs only ("breaks are not offered"). Commas, semicolons, colons, brackets, dashes and
 *   "but"/"however"/"although" end the cue's reach. "not only", "not just", "no matter" and
 *   "no doubt" are not cues.
 * - Coverage per statement: `addressed` when at least one match is not negated; `partly` when
 *   every match is negated (the document talks about it, but says it is not done); `not-mentioned`
 *   when nothing matches.
 *
 * Speed: the document is tokenised and stemmed once (stems cached); only words whose stem occurs in
 * some phrase are indexed, and each phrase is looked up by its first stem, so the work grows with
 * the document plus the number of candidate matches. `checkDocument` runs synchronously;
 * `checkDocumentAsync` does the same work in slices of a few milliseconds, yielding to the event
 * loop between slices, with progress and an AbortSignal — so a page never freezes. (A Web Worker
 * was not used: a worker needs its own same-origin script file or a blob: URL, which partners'
 * strict CSPs and cross-origin script tags rule out; slicing works everywhere.)
 */
import { ReadabilityCounter, type Readability } from './readability.js';
import { stem as defaultStem } from './stem.js';
import { Tokenizer, phraseStems, type Sentence, type TokenTable } from './tokenize.js';

export interface DocumentStatement {
  id: string;
  text: string;
  phrases: readonly string[];
  synonyms?: readonly string[] | undefined;
}

export interface DocumentGroup {
  id: string;
  title: string;
  audience?: string;
  statements: readonly DocumentStatement[];
}

/** The part of a statement set the checker needs (a parsed `statement-set` definition fits). */
export interface DocumentStatementSet {
  groups: readonly DocumentGroup[];
}

export type Coverage = 'addressed' | 'partly' | 'not-mentioned';

export interface Passage {
  /** Character offsets of the matched words in the original text (end exclusive). */
  start: number;
  end: number;
  /** The phrase or synonym from the statement set that matched. */
  phrase: string;
  kind: 'phrase' | 'synonym';
  negated: boolean;
  /** The negation cue as written in the text, when negated. */
  cue?: string;
  /** The sentence around the match (offsets and text). */
  sentence: Sentence;
  sentenceText: string;
}

export interface StatementCoverage {
  id: string;
  group: string;
  text: string;
  coverage: Coverage;
  /** Every match, negated or not (after removing overlaps). */
  matches: number;
  /** The first `maxPassages` matches, in document order. */
  passages: Passage[];
}

export interface DocumentReport {
  statements: StatementCoverage[];
  addressed: string[];
  partly: string[];
  notMentioned: string[];
  readability: Readability;
  words: number;
  sentences: number;
}

export interface CheckOptions {
  /** Most other words allowed between two neighbouring phrase words (default 1). */
  maxGap?: number;
  /** Most other words allowed in a whole match (default 2). */
  maxTotalGap?: number;
  /** How many words before a match a negation cue reaches (default 5). */
  negationWindow?: number;
  /** Passages kept per statement (default 25); `matches` still counts them all. */
  maxPassages?: number;
  /** Replace the stemmer (tests). */
  stemmer?: (word: string) => string;
}

export interface AsyncCheckOptions extends CheckOptions {
  signal?: AbortSignal;
  /** Called with a fraction 0–1 after each slice. */
  onProgress?: (fraction: number) => void;
  /** Longest stretch of work before yielding to the event loop, in ms (default 8). */
  sliceMs?: number;
}

const NEGATION_CUES = new Set([
  'not', 'no', 'never', 'cannot', 'without', 'unable', 'nor', 'neither', 'none', 'nobody', 'nothing',
  'nowhere', 'lack', 'lacks', 'lacking', 'dont', 'doesnt', 'didnt', 'cant', 'wont', 'isnt', 'arent',
  'wasnt', 'werent', 'havent', 'hasnt', 'hadnt', 'wouldnt', 'couldnt', 'shouldnt', 'mustnt',
]);
/** Words after which a cue is not a negation ("not only", "no matter"). */
const CUE_EXCEPTIONS: Record<string, ReadonlySet<string>> = {
  not: new Set(['only', 'just', 'merely', 'simply']),
  no: new Set(['matter', 'doubt']),
};
/** Words that end a cue's reach, like a comma does. */
const CLAUSE_WORDS = new Set(['but', 'however', 'although', 'though', 'whereas', 'yet', 'instead']);
/** Words allowed between a match and a cue after it ("breaks are not", "support will never"). */
const AUXILIARIES = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'will', 'would', 'can', 'could', 'shall', 'should',
  'may', 'might', 'must', 'do', 'does', 'did', 'has', 'have', 'had', 'currently', 'yet', 'still', 'always',
]);
const AFTER_REACH = 3;

function isCue(words: readonly string[], k: number): boolean {
  const w = words[k]!;
  if (!(NEGATION_CUES.has(w) || w.endsWith("n't"))) return false;
  const next = words[k + 1];
  return !(next !== undefined && CUE_EXCEPTIONS[w]?.has(next));
}

interface CompiledPhrase {
  statement: number;
  phrase: string;
  kind: 'phrase' | 'synonym';
  stems: string[];
}

interface RawMatch {
  first: number;
  last: number;
  phrase: CompiledPhrase;
  cue: number; // token index of the cue, or -1
}

function compile(set: DocumentStatementSet, stemmer: (w: string) => string) {
  const statements: { id: string; group: string; text: string }[] = [];
  const phrases: CompiledPhrase[] = [];
  for (const group of set.groups) {
    for (const st of group.statements) {
      const index = statements.length;
      statements.push({ id: st.id, group: group.id, text: st.text });
      const seen = new Set<string>();
      const add = (phrase: string, kind: 'phrase' | 'synonym'): void => {
        const stems = phraseStems(phrase, stemmer);
        const key = stems.join(' ');
        if (stems.length === 0 || seen.has(key)) return;
        seen.add(key);
        phrases.push({ statement: index, phrase, kind, stems });
      };
      for (const p of st.phrases) add(p, 'phrase');
      for (const p of st.synonyms ?? []) add(p, 'synonym');
    }
  }
  const wanted = new Set<string>();
  for (const p of phrases) for (const s of p.stems) wanted.add(s);
  return { statements, phrases, wanted };
}

/** Tokens are processed in batches of this many words between time checks. */
const BATCH = 512;

/**
 * The whole check as a generator: it yields a progress fraction after each batch of work, so the
 * sync and async drivers share one code path.
 */
function* run(text: string, set: DocumentStatementSet, options: CheckOptions): Generator<number, DocumentReport> {
  const stemmer = options.stemmer ?? defaultStem;
  const maxGap = options.maxGap ?? 1;
  const maxTotalGap = options.maxTotalGap ?? 2;
  const window = options.negationWindow ?? 5;
  const maxPassages = options.maxPassages ?? 25;
  const { statements, phrases, wanted } = compile(set, stemmer);

  // 1. Tokenise, stem and index the stems that some phrase uses (0–60 %).
  const tokenizer = new Tokenizer(text, stemmer);
  while (tokenizer.step(BATCH)) yield 0.6 * tokenizer.progress;
  const t: TokenTable = tokenizer.table();
  const index = new Map<string, number[]>();
  for (let i = 0; i < t.count; i++) {
    const s = t.stems[i]!;
    if (!wanted.has(s)) continue;
    const list = index.get(s);
    if (list) list.push(i);
    else index.set(s, [i]);
    if ((i & (BATCH * 8 - 1)) === 0) yield 0.6;
  }

  // 2. Readability (60–80 %).
  const counter = new ReadabilityCounter();
  for (let i = 0; i < t.count; i++) {
    counter.add(t.words[i]!);
    if ((i & (BATCH - 1)) === BATCH - 1) yield 0.6 + 0.2 * (i / t.count);
  }
  const readability = counter.result(t.sentences.length);

  // 3. Match each phrase by its first stem (80–100 %).
  const raw: RawMatch[][] = statements.map(() => []);
  let work = 0;
  for (let p = 0; p < phrases.length; p++) {
    const phrase = phrases[p]!;
    const starts = index.get(phrase.stems[0]!);
    if (!starts) continue;
    for (const first of starts) {
      // Count every candidate, matched or not: a common first word ("carers") can mean thousands.
      if (++work % BATCH === 0) yield 0.8 + 0.15 * (p / phrases.length);
      const last = extend(t, phrase.stems, first, maxGap, maxTotalGap);
      if (last < 0) continue;
      raw[phrase.statement]!.push({ first, last, phrase, cue: findCue(t, first, last, window) });
    }
  }

  // 4. Per statement: drop overlaps (keep the earlier, then the longer match), decide coverage.
  const results: StatementCoverage[] = [];
  for (let s = 0; s < statements.length; s++) {
    const st = statements[s]!;
    yield 0.95 + 0.05 * (s / statements.length);
    const list = raw[s]!.sort(
      (a, b) => a.first - b.first || b.last - a.last || b.phrase.stems.length - a.phrase.stems.length,
    );
    const kept: RawMatch[] = [];
    for (const m of list) {
      const prev = kept[kept.length - 1];
      if (prev && m.first <= prev.last) {
        // Overlap: a negation on either makes the kept match negated (the cautious reading).
        if (prev.cue < 0 && m.cue >= 0) prev.cue = m.cue;
        if (m.last > prev.last) prev.last = m.last;
        continue;
      }
      kept.push({ ...m });
    }
    const negatedAll = kept.every((m) => m.cue >= 0);
    const coverage: Coverage = kept.length === 0 ? 'not-mentioned' : negatedAll ? 'partly' : 'addressed';
    const passages = kept.slice(0, maxPassages).map((m): Passage => {
      const sentence = t.sentences[t.sentence[m.first]!]!;
      const passage: Passage = {
        start: t.start[m.first]!,
        end: t.end[m.last]!,
        phrase: m.phrase.phrase,
        kind: m.phrase.kind,
        negated: m.cue >= 0,
        sentence: { start: sentence.start, end: sentence.end },
        sentenceText: text.slice(sentence.start, sentence.end),
      };
      if (m.cue >= 0) passage.cue = text.slice(t.start[m.cue]!, t.end[m.cue]!);
      return passage;
    });
    results.push({ id: st.id, group: st.group, text: st.text, coverage, matches: kept.length, passages });
  }

  yield 1;
  return {
    statements: results,
    addressed: results.filter((r) => r.coverage === 'addressed').map((r) => r.id),
    partly: results.filter((r) => r.coverage === 'partly').map((r) => r.id),
    notMentioned: results.filter((r) => r.coverage === 'not-mentioned').map((r) => r.id),
    readability,
    words: t.count,
    sentences: t.sentences.length,
  };
}

/** Index of the last word of a match starting at `first`, or -1. */
function extend(t: TokenTable, stems: readonly string[], first: number, maxGap: number, maxTotalGap: number): number {
  const sentence = t.sentence[first]!;
  let at = first;
  let gapLeft = maxTotalGap;
  for (let k = 1; k < stems.length; k++) {
    const want = stems[k]!;
    let found = -1;
    const limit = Math.min(at + 1 + Math.min(maxGap, gapLeft), t.count - 1);
    for (let j = at + 1; j <= limit; j++) {
      if (t.sentence[j] !== sentence) break;
      if (t.stems[j] === want) {
        found = j;
        break;
      }
    }
    if (found < 0) return -1;
    gapLeft -= found - at - 1;
    at = found;
  }
  return at;
}

/** Token index of a negation cue governing the match `first..last`, or -1. */
function findCue(t: TokenTable, first: number, last: number, window: number): number {
  const sentence = t.sentence[first]!;
  // Before the match, within the clause.
  for (let k = first - 1, n = 0; k >= 0 && n < window; k--, n++) {
    if (t.sentence[k] !== sentence || t.clauseBreak[k + 1] === 1) break;
    if (CLAUSE_WORDS.has(t.words[k]!)) break;
    if (isCue(t.words, k)) return k;
  }
  // Inside the gaps of the match.
  for (let k = first + 1; k < last; k++) if (isCue(t.words, k)) return k;
  // Straight after, behind auxiliary verbs only.
  for (let k = last + 1, n = 0; k < t.count && n < AFTER_REACH; k++, n++) {
    if (t.sentence[k] !== sentence || t.clauseBreak[k] === 1) break;
    if (isCue(t.words, k)) return k;
    if (!AUXILIARIES.has(t.words[k]!)) break;
  }
  return -1;
}

/** Check a document synchronously. Fine for short texts and in Node; see `checkDocumentAsync`. */
export function checkDocument(text: string, set: DocumentStatementSet, options: CheckOptions = {}): DocumentReport {
  const it = run(text, set, options);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/**
 * Give the event loop a turn: `setImmediate` in Node; a `MessageChannel` message in browsers (an
 * ordinary task, so a due frame is painted first — `scheduler.yield()` was not used because its
 * continuation jumps ahead of rendering and frames starve); else `setTimeout`.
 */
export function yieldToEventLoop(): Promise<void> {
  const g = globalThis as unknown as { setImmediate?: (cb: () => void) => void };
  if (typeof g.setImmediate === 'function') return new Promise((r) => g.setImmediate!(r));
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(null);
    });
  }
  return new Promise((r) => setTimeout(r, 0));
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The document check was stopped.', 'AbortError');
}

/**
 * Check a document without blocking: works in slices of at most `sliceMs` (default 8 ms),
 * yielding to the event loop between them. Rejects with the signal's reason when aborted.
 */
export async function checkDocumentAsync(
  text: string,
  set: DocumentStatementSet,
  options: AsyncCheckOptions = {},
): Promise<DocumentReport> {
  const { signal, onProgress } = options;
  const sliceMs = options.sliceMs ?? 8;
  const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
  if (signal?.aborted) throw abortError(signal);
  const it = run(text, set, options);
  let sliceStart = now();
  for (;;) {
    const r = it.next();
    if (r.done) {
      onProgress?.(1);
      return r.value;
    }
    if (now() - sliceStart >= sliceMs) {
      onProgress?.(r.value);
      await yieldToEventLoop();
      if (signal?.aborted) throw abortError(signal);
      sliceStart = now();
    }
  }
}
