/**
 * A compact English stemmer following the Porter2 ("English Snowball") algorithm as published by
 * Martin Porter (snowballstem.org/algorithms/english/stemmer.html). Written for this project from
 * the published description, so that "breaks", "break" and "breaking" all become `break` and a
 * statement's phrases match the words a document really uses.
 *
 * Input must already be lower case (the tokeniser does that). Words of one or two letters are
 * returned unchanged. The stemmer is a pure function; `stem()` keeps a small cache because
 * documents repeat the same words many times.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const isVowel = (c: string | undefined): boolean => c !== undefined && VOWELS.has(c);

/** Whole-word exceptions, checked before any step. */
const EXCEPTIONS: Record<string, string> = {
  skis: 'ski',
  skies: 'sky',
  dying: 'die',
  lying: 'lie',
  tying: 'tie',
  idly: 'idl',
  gently: 'gentl',
  ugly: 'ugli',
  early: 'earli',
  only: 'onli',
  singly: 'singl',
  sky: 'sky',
  news: 'news',
  howe: 'howe',
  atlas: 'atlas',
  cosmos: 'cosmos',
  bias: 'bias',
  andes: 'andes',
};

/** Words left alone once step 1a has run. */
const AFTER_1A = new Set(['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed']);

const DOUBLES = new Set(['bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt']);
const LI_ENDINGS = new Set(['c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't']);

/** Start of the region after the first non-vowel that follows a vowel, from `from`. */
function regionAfter(w: string, from: number): number {
  for (let i = from + 1; i < w.length; i++) {
    if (!isVowel(w[i]) && isVowel(w[i - 1])) return i + 1;
  }
  return w.length;
}

/** True when the word ends in a short syllable (see the algorithm's definition). */
function endsShortSyllable(w: string): boolean {
  const n = w.length;
  if (n === 2) return isVowel(w[0]) && !isVowel(w[1]);
  if (n < 2) return false;
  const c = w[n - 1]!;
  return !isVowel(c) && c !== 'w' && c !== 'x' && c !== 'Y' && isVowel(w[n - 2]) && !isVowel(w[n - 3]);
}

/** The longest suffix from `list` (longest first) that `w` ends with. */
function longest(w: string, list: readonly string[]): string | undefined {
  for (const s of list) if (w.endsWith(s)) return s;
  return undefined;
}

const byLength = (list: string[]): string[] => list.sort((a, b) => b.length - a.length);

const STEP2: Record<string, string> = {
  tional: 'tion', enci: 'ence', anci: 'ance', abli: 'able', entli: 'ent', izer: 'ize', ization: 'ize',
  ational: 'ate', ation: 'ate', ator: 'ate', alism: 'al', aliti: 'al', alli: 'al', fulness: 'ful',
  ousli: 'ous', ousness: 'ous', iveness: 'ive', iviti: 'ive', biliti: 'ble', bli: 'ble', ogi: 'og',
  fulli: 'ful', lessli: 'less', li: '',
};
const STEP2_KEYS = byLength(Object.keys(STEP2));

const STEP3: Record<string, string> = {
  tional: 'tion', ational: 'ate', alize: 'al', icate: 'ic', iciti: 'ic', ical: 'ic', ful: '', ness: '', ative: '',
};
const STEP3_KEYS = byLength(Object.keys(STEP3));

const STEP4_KEYS = byLength([
  'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ism', 'ate', 'iti', 'ous',
  'ive', 'ize', 'ion',
]);
const STEP1A_KEYS = byLength(['sses', 'ied', 'ies', 's', 'us', 'ss']);
const STEP1B_KEYS = byLength(['eed', 'eedly', 'ed', 'edly', 'ing', 'ingly']);
const STEP0_KEYS = ["'s'", "'s", "'"];

/** Stem one lower-case word with Porter2. */
export function porter2(input: string): string {
  if (input.length <= 2) return input;
  const exception = EXCEPTIONS[input];
  if (exception !== undefined) return exception;

  let w = input.startsWith("'") ? input.slice(1) : input;
  if (w.length <= 2) return w;

  // Mark y as a consonant (Y) at the start and after a vowel.
  if (w[0] === 'y') w = 'Y' + w.slice(1);
  for (let i = 1; i < w.length; i++) {
    if (w[i] === 'y' && isVowel(w[i - 1])) w = w.slice(0, i) + 'Y' + w.slice(i + 1);
  }

  let r1: number;
  if (w.startsWith('gener') || w.startsWith('arsen')) r1 = 5;
  else if (w.startsWith('commun')) r1 = 6;
  else r1 = regionAfter(w, 0);
  const r2 = regionAfter(w, r1);
  const inR1 = (suffix: string): boolean => w.length - suffix.length >= r1;
  const inR2 = (suffix: string): boolean => w.length - suffix.length >= r2;
  const chop = (suffix: string, replacement = ''): void => {
    w = w.slice(0, w.length - suffix.length) + replacement;
  };

  // Step 0: possessive apostrophes.
  const s0 = longest(w, STEP0_KEYS);
  if (s0) chop(s0);

  // Step 1a: plurals.
  const s1a = longest(w, STEP1A_KEYS);
  if (s1a === 'sses') chop('sses', 'ss');
  else if (s1a === 'ied' || s1a === 'ies') chop(s1a, w.length - 3 > 1 ? 'i' : 'ie');
  else if (s1a === 's') {
    // Delete if the part before contains a vowel that is not the letter right before the s.
    const stemPart = w.slice(0, -2);
    if ([...stemPart].some(isVowel)) chop('s');
  }
  if (AFTER_1A.has(w)) return w;

  // Step 1b: past tenses and -ing.
  const s1b = longest(w, STEP1B_KEYS);
  if (s1b === 'eed' || s1b === 'eedly') {
    if (inR1(s1b)) chop(s1b, 'ee');
  } else if (s1b) {
    const before = w.slice(0, w.length - s1b.length);
    if ([...before].some(isVowel)) {
      w = before;
      if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
      else if (DOUBLES.has(w.slice(-2))) w = w.slice(0, -1);
      else if (r1 >= w.length && endsShortSyllable(w)) w += 'e';
    }
  }

  // Step 1c: y after a consonant (not the first letter) becomes i.
  const last = w[w.length - 1];
  if ((last === 'y' || last === 'Y') && w.length > 2 && !isVowel(w[w.length - 2])) w = w.slice(0, -1) + 'i';

  // Step 2: derivational suffixes in R1.
  const s2 = longest(w, STEP2_KEYS);
  if (s2 && inR1(s2)) {
    if (s2 === 'ogi') {
      if (w[w.length - 4] === 'l') chop('ogi', 'og');
    } else if (s2 === 'li') {
      if (LI_ENDINGS.has(w[w.length - 3] ?? '')) chop('li');
    } else chop(s2, STEP2[s2]);
  }

  // Step 3.
  const s3 = longest(w, STEP3_KEYS);
  if (s3 && inR1(s3)) {
    if (s3 === 'ative') {
      if (inR2(s3)) chop(s3);
    } else chop(s3, STEP3[s3]);
  }

  // Step 4: suffixes removed in R2.
  const s4 = longest(w, STEP4_KEYS);
  if (s4 && inR2(s4)) {
    if (s4 === 'ion') {
      const c = w[w.length - 4];
      if (c === 's' || c === 't') chop('ion');
    } else chop(s4);
  }

  // Step 5: a final e or l.
  if (w.endsWith('e')) {
    if (inR2('e') || (inR1('e') && !endsShortSyllable(w.slice(0, -1)))) chop('e');
  } else if (w.endsWith('l')) {
    if (inR2('l') && w[w.length - 2] === 'l') chop('l');
  }

  return w.replace(/Y/g, 'y');
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/**
 * Stem a lower-case word, with a cache. Curly apostrophes should already be straight (the
 * tokeniser does it). Words with digits are returned unchanged.
 */
export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = /[0-9]/.test(word) ? word : porter2(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, s);
  }
  return s;
}
