/**
 * Reading level: Flesch Reading Ease and the Flesch–Kincaid grade, compared with plain-English
 * guidance.
 *
 * Guidance used (say so wherever the result is shown): GOV.UK and the NHS content guides ask for
 * text most people can read at a reading age of about 9 to 11. A Flesch–Kincaid grade is a US
 * school grade; the UK reading age is roughly grade + 5. So:
 * - `meets`   — FK grade ≤ 6 (reading age ≤ 11) — plain English;
 * - `close`   — FK grade ≤ 8 (reading age ≤ 13) — fine for most readers, could be simpler;
 * - `above`   — FK grade > 8 — hard for many carers; shorten sentences and use shorter words.
 * Flesch Reading Ease of 60 or more is "plain English"; 70 or more is "easy".
 *
 * Syllable heuristic (documented, approximate — every formula of this kind is):
 * 1. lower-case, letters only; words of 1–3 letters count 1;
 * 2. drop a silent final "e" (but keep "-le" after a consonant: "ta-ble"), and a final "-es"/"-ed"
 *    unless it follows t/d ("cared" 1, "wanted" 2), or s/x/z/c/g/ch/sh for "-es" ("boxes" 2);
 * 3. count groups of vowels (a e i o u y);
 * 4. add one for vowel pairs that are usually two syllables: "ia"/"io" after a consonant other than
 *    s/t/c/x/g ("radio", "media"; but "-tion", "-sion" stay one), "eo" ("video"; not "people"),
 *    "oe" ("poem"; not "does"), "ua"/"uo" not after q ("usual"), "iu", "ii", "-eing" ("being"),
 *    and a final "ea" ("area");
 * 5. at least 1.
 * Numbers ("2024") count as one word of one syllable.
 */

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  /** Words of three or more syllables. */
  longWords: number;
  wordsPerSentence: number;
  syllablesPerWord: number;
  /** Flesch Reading Ease: 206.835 − 1.015 × words/sentence − 84.6 × syllables/word (higher is easier). */
  fleschReadingEase: number;
  /** Flesch–Kincaid grade: 0.39 × words/sentence + 11.8 × syllables/word − 15.59. */
  fleschKincaidGrade: number;
  /** Approximate UK reading age (FK grade + 5), at least 5. */
  readingAge: number;
  verdict: 'meets' | 'close' | 'above' | 'empty';
}

/** Plain-English targets used for `verdict` (see the module comment). */
export const PLAIN_ENGLISH = {
  /** FK grade at or below which text meets the guidance (reading age ≈ 11). */
  targetGrade: 6,
  /** FK grade at or below which text is close (reading age ≈ 13). */
  closeGrade: 8,
  /** Flesch Reading Ease at or above which text counts as plain English. */
  targetEase: 60,
} as const;

const VOWEL_GROUP = /[aeiouy]+/g;
const SPLIT_PAIRS = /[^aeioustcxg]i[ao]|eo(?![pu])|oe(?![se])|[^q]u[ao]|iu|ii|eing|ea$/g;

/** Estimated syllables in one word (see the module comment for the rule). */
export function syllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return /\p{N}/u.test(word) ? 1 : 0;
  if (w.length <= 3) return 1;
  if (/[^aeiouy]le$/.test(w)) {
    // "table", "little": the -le is its own syllable; leave it for the vowel count.
  } else if (/[^aeiouy]e$/.test(w) && !/[^aeiouy]ee$/.test(w)) {
    w = w.slice(0, -1);
  } else if (/ed$/.test(w) && !/[td]ed$/.test(w) && !/[aeiouy]{2}ed$/.test(w)) {
    w = w.slice(0, -2) + 'd';
  } else if (/es$/.test(w) && !/(?:[sxzcg]|ch|sh)es$/.test(w)) {
    w = w.slice(0, -2) + 's';
  }
  let count = w.match(VOWEL_GROUP)?.length ?? 0;
  count += w.match(SPLIT_PAIRS)?.length ?? 0;
  return Math.max(1, count);
}

/** Running syllable counts, so a long text can be measured in slices. */
export class ReadabilityCounter {
  words = 0;
  syllables = 0;
  longWords = 0;
  private readonly cache = new Map<string, number>();
  add(word: string): void {
    let s = this.cache.get(word);
    if (s === undefined) {
      s = syllables(word);
      this.cache.set(word, s);
    }
    if (s === 0) return;
    this.words++;
    this.syllables += s;
    if (s >= 3) this.longWords++;
  }
  result(sentenceCount: number): Readability {
    return readabilityFromCounts(this.words, sentenceCount, this.syllables, this.longWords);
  }
}

/** Readability of a list of words split into a number of sentences. */
export function readabilityOf(words: readonly string[], sentenceCount: number): Readability {
  const counter = new ReadabilityCounter();
  for (const w of words) counter.add(w);
  return counter.result(sentenceCount);
}

export function readabilityFromCounts(
  counted: number,
  sentenceCount: number,
  syl: number,
  long: number,
): Readability {
  const sentences = Math.max(sentenceCount, counted > 0 ? 1 : 0);
  if (counted === 0) {
    return {
      words: 0, sentences: 0, syllables: 0, longWords: 0, wordsPerSentence: 0, syllablesPerWord: 0,
      fleschReadingEase: 0, fleschKincaidGrade: 0, readingAge: 0, verdict: 'empty',
    };
  }
  const wps = counted / sentences;
  const spw = syl / counted;
  const ease = 206.835 - 1.015 * wps - 84.6 * spw;
  const grade = 0.39 * wps + 11.8 * spw - 15.59;
  const round1 = (n: number): number => Math.round(n * 10) / 10;
  return {
    words: counted,
    sentences,
    syllables: syl,
    longWords: long,
    wordsPerSentence: round1(wps),
    syllablesPerWord: Math.round(spw * 100) / 100,
    fleschReadingEase: round1(ease),
    fleschKincaidGrade: round1(grade),
    readingAge: Math.max(5, Math.round(grade + 5)),
    verdict: grade <= PLAIN_ENGLISH.targetGrade ? 'meets' : grade <= PLAIN_ENGLISH.closeGrade ? 'close' : 'above',
  };
}
