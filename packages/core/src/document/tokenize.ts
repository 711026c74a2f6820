/**
 * Words and sentences of a plain-text document, with character offsets into the original text so
 * a widget can highlight exactly what matched.
 *
 * A word is a run of Unicode letters or digits, optionally joined by apostrophes ("carer's",
 * "don't", "o’clock"); everything else (hyphens included: "short-term" is two words) separates
 * words. Words are lower-cased and curly apostrophes straightened before stemming, so matching is
 * case and punctuation insensitive.
 *
 * Sentence rule (documented in README): a sentence ends
 * - at `.`, `!`, `?` or `…` followed by white space (closing quotes or brackets may come between)
 *   — except a `.` followed by a lower-case letter or digit ("e.g. breaks", "approx. 5"), which is
 *   treated as an abbreviation;
 * - at a blank line (paragraph break);
 * - at a line break followed by a list marker (`-`, `*`, `•`, `1.`, `a)`), a heading `#`, or a
 *   capital letter when the line before has no end punctuation (headings and list items in .txt
 *   and .md files). A line break followed by a lower-case word is a wrapped line, not a boundary.
 * Matches never cross a sentence boundary.
 */

export interface Sentence {
  /** Offset of the first character of the sentence (after leading space). */
  start: number;
  /** Offset just after the last character. */
  end: number;
}

/** Tokens are stored column-wise (typed arrays) so 50,000 words cost little memory. */
export interface TokenTable {
  count: number;
  /** Lower-case, straight-apostrophe form of each word. */
  words: string[];
  stems: string[];
  start: Uint32Array;
  end: Uint32Array;
  /** Index into `sentences` of each word. */
  sentence: Uint32Array;
  /** 1 when a clause mark (, ; : brackets or a dash) stands between this word and the one before. */
  clauseBreak: Uint8Array;
  sentences: Sentence[];
}

export const WORD_RE = /[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*/gu;
const CLAUSE_RE = /[,;:()[\]—–]|\s-\s/;
const LIST_OR_HEADING_RE = /^[ \t]*(?:[-*•▪◦‣+]\s|#{1,6}\s|\d{1,3}[.)]\s|[a-z][.)]\s)/;

/** Does the gap between two words (the text between them) end a sentence? */
export function gapEndsSentence(gap: string, next: string): boolean {
  if (gap.length === 0) return false;
  // Paragraph break.
  if (/\n[ \t]*\r?\n/.test(gap)) return true;
  // End punctuation followed by white space (optionally with closing quotes/brackets between).
  const m = /[.!?…]+["'”’)\]]*\s/.exec(gap);
  if (m) {
    const punct = m[0];
    if (/[!?…]/.test(punct)) return true;
    // A full stop: an abbreviation when the next word starts lower case or with a digit and the
    // rest of the gap holds no other mark.
    const after = gap.slice(m.index + punct.length);
    const nextChar = next[0] ?? '';
    if (after.trim() === '' && /[\p{Ll}\p{N}]/u.test(nextChar)) return false;
    return true;
  }
  const nl = gap.lastIndexOf('\n');
  if (nl >= 0) {
    const lineStart = gap.slice(nl + 1) + next;
    if (LIST_OR_HEADING_RE.test(lineStart)) return true;
    if (/^[\s"'“‘(]*\p{Lu}/u.test(lineStart)) return true;
  }
  return false;
}

/** Normalise one word as the matcher sees it. */
export function normaliseWord(raw: string): string {
  const lower = raw.toLowerCase();
  return lower.includes('’') || lower.includes('ʼ') ? lower.replace(/[’ʼ]/g, "'") : lower;
}

export type Stemmer = (word: string) => string;

/**
 * Incremental tokeniser: call `step(limit)` repeatedly until it returns false, so a long document
 * can be split into slices that each take a few milliseconds.
 */
export class Tokenizer {
  private readonly re = new RegExp(WORD_RE.source, 'gu');
  private words: string[] = [];
  private stems: string[] = [];
  private start: number[] = [];
  private end: number[] = [];
  private sentenceOf: number[] = [];
  private clause: number[] = [];
  private sentences: Sentence[] = [];
  private lastEnd = 0;
  private done = false;

  constructor(
    private readonly text: string,
    private readonly stemmer: Stemmer,
  ) {}

  /** Progress as a fraction 0–1 of the text read so far. */
  get progress(): number {
    return this.text.length === 0 ? 1 : this.lastEnd / this.text.length;
  }

  /** Read up to `limit` more words; false when the text is finished. */
  step(limit: number): boolean {
    if (this.done) return false;
    const { re, text } = this;
    for (let n = 0; n < limit; n++) {
      const m = re.exec(text);
      if (!m) {
        this.done = true;
        if (this.sentences.length > 0) this.sentences[this.sentences.length - 1]!.end = this.lastEnd;
        return false;
      }
      const raw = m[0];
      const s = m.index;
      const e = s + raw.length;
      // Most gaps are one space: skip the sentence and clause rules for them.
      const gap = s - this.lastEnd === 1 && text.charCodeAt(this.lastEnd) === 32 ? ' ' : text.slice(this.lastEnd, s);
      const first = this.words.length === 0;
      if (gap === ' ' && !first) {
        this.clause.push(0);
      } else if (first || gapEndsSentence(gap, raw)) {
        if (!first) this.closeSentence(gap);
        this.sentences.push({ start: s, end: e });
        this.clause.push(1);
      } else {
        this.clause.push(CLAUSE_RE.test(gap) ? 1 : 0);
      }
      const word = normaliseWord(raw);
      this.words.push(word);
      this.stems.push(this.stemmer(word));
      this.start.push(s);
      this.end.push(e);
      this.sentenceOf.push(this.sentences.length - 1);
      this.lastEnd = e;
    }
    return true;
  }

  /** The sentence ends after the word before, including its end punctuation. */
  private closeSentence(gap: string): void {
    const current = this.sentences[this.sentences.length - 1]!;
    const punct = /^[.!?…"'”’)\]]*/.exec(gap)?.[0] ?? '';
    current.end = this.lastEnd + punct.length;
  }

  table(): TokenTable {
    while (this.step(1 << 30));
    return {
      count: this.words.length,
      words: this.words,
      stems: this.stems,
      start: Uint32Array.from(this.start),
      end: Uint32Array.from(this.end),
      sentence: Uint32Array.from(this.sentenceOf),
      clauseBreak: Uint8Array.from(this.clause),
      sentences: this.sentences,
    };
  }
}

/** Tokenise a whole text at once. */
export function tokenize(text: string, stemmer: Stemmer): TokenTable {
  return new Tokenizer(text, stemmer).table();
}

/** Stems of a phrase as written in a statement set ("short breaks" → ["short", "break"]). */
export function phraseStems(phrase: string, stemmer: Stemmer): string[] {
  const out: string[] = [];
  for (const m of phrase.matchAll(new RegExp(WORD_RE.source, 'gu'))) out.push(stemmer(normaliseWord(m[0])));
  return out;
}
