/**
 * A simple screen for carers' own poll statements. It FLAGS, it never blocks: every statement waits
 * for a moderator anyway, and a flag tells the moderator why to look twice and where (the matched
 * span). Nothing flagged is ever published without a moderator approving it (or editing the detail out).
 *
 * What it looks for (see statement-screen.test.ts for the table of inputs and flags, including the
 * false positives it avoids and the ones it accepts):
 * - `phone`: a run of digits, spaces, dots, dashes and brackets holding 10 to 13 digits (UK numbers are
 *   10 or 11; +44 adds two), e.g. "07700 900123", "(0161) 496 0000", "+44 7700 900 123". Short numbers
 *   ("24/7", "caring for 12 years", "999") are not phone numbers.
 * - `email`: name@domain.tld, and the common spelt-out forms "name (at) domain (dot) com", "name [at] …".
 * - `postcode`: a full UK postcode ("BL9 0EJ", "m1 1ae"). A district on its own ("BL9") names nobody.
 * - `url`: http(s)://…, www.…, or a bare domain with a common ending (example.org.uk, site.com/page).
 * - `name`: a word after a cue that introduces a person: "my name is …", "I am …"/"I'm …"/"call me …"
 *   followed by a Capitalised word that is not a common non-name ("I am British", "I am Deaf"), a
 *   relative followed by a Capitalised word ("my husband Dave"), or a title ("Dr Patel", "Mrs Jones").
 * - `abuse`: a word from ABUSIVE_WORDS below, as a whole word, case-insensitive, seen through common
 *   disguises: l33t digits and symbols (5h1t, a$$hole), letters hidden by asterisks or other symbols
 *   (f**k, sh!t), stretched letters (fuuuck) and letters split by dots, dashes or spaces (f.u.c.k, s h i t).
 *   Whole words only, so "Scunthorpe", "assess" or "class" are never flagged.
 */

export type FlagKind = 'phone' | 'email' | 'postcode' | 'url' | 'name' | 'abuse';

export interface StatementFlag {
  kind: FlagKind;
  /** The matched span in the text: `text.slice(start, end)`. */
  start: number;
  end: number;
  /** Why, in plain words for the moderator. */
  reason: string;
}

/** Plain words for each kind (the moderation queue shows them). */
export const FLAG_REASONS: Record<FlagKind, string> = {
  phone: 'looks like a phone number',
  email: 'looks like an email address',
  postcode: 'looks like a postcode',
  url: 'looks like a web address',
  name: 'may name a person',
  abuse: 'may be abusive language',
};

/**
 * Our own small list, deliberately short: swearing aimed at people, and slurs about disability
 * (which carers' statements are most likely to meet). It is a prompt for a moderator, not a filter —
 * every statement is read before publication — so a word missing here is caught by the moderator,
 * and a word here that is meant kindly is approved by them. Words that are also ordinary words or
 * names ("dick", "cock", "prick", "bloody") are left out on purpose. Lower case, one form per line;
 * the matcher also catches a trailing "s", "ing", "ed" or "er" on any of them.
 */
export const ABUSIVE_WORDS: readonly string[] = [
  'fuck',
  'fucking',
  'motherfucker',
  'shit',
  'shite',
  'bullshit',
  'bastard',
  'bitch',
  'wanker',
  'twat',
  'cunt',
  'arsehole',
  'asshole',
  'dickhead',
  'bellend',
  'bollocks',
  'piss',
  'slag',
  'whore',
  'scumbag',
  'retard',
  'retarded',
  'spastic',
  'spaz',
  'mong',
  'cripple',
  'nutter',
  'psycho',
];

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '!': 'i', '|': 'l', '+': 't' };
const SUFFIXES = ['', 's', 'es', 'ing', 'ed', 'er', 'ers', 'y'];

/** Lower case, l33t mapped, stretched letters collapsed ("fuuuck" → "fuck"); `*` (any hidden letter) kept. */
function normalise(word: string): string {
  let out = '';
  for (const ch of word.toLowerCase()) out += LEET[ch] ?? ch;
  return out.replace(/(.)\1+/g, '$1');
}
const collapse = (w: string) => w.replace(/(.)\1+/g, '$1');
const WORDS = new Set(ABUSIVE_WORDS.flatMap((w) => SUFFIXES.map((s) => collapse(w + s))));
const WORD_LIST = [...WORDS];

/** Does this (normalised) token spell a listed word, reading `*` as one or more hidden letters? */
function isAbusive(token: string): boolean {
  if (token.length < 3) return false;
  if (!/[a-z]/.test(token)) return false;
  if (WORDS.has(token)) return true;
  if (!token.includes('*')) return false;
  // Keep the first letter visible ("f**k"), so "****" alone or "*ing" never matches.
  if (token[0] === '*') return false;
  const pattern = new RegExp(`^${token.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[a-z]{1,3}')}$`);
  return WORD_LIST.some((w) => pattern.test(w));
}

// Symbols that disguise letters inside a word (kept in the token so "sh!t" and "f**k" stay one word).
const TOKEN = /[\p{L}\p{N}*@$!|+]+(?:['’][\p{L}]+)?/gu;

function abuseFlags(text: string): StatementFlag[] {
  const flags: StatementFlag[] = [];
  const tokens: { word: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(TOKEN)) {
    // Trailing "!" is punctuation ("great!"), not a disguised letter.
    const word = m[0].replace(/!+$/, '');
    if (word) tokens.push({ word, start: m.index!, end: m.index! + word.length });
  }
  const seen = new Set<number>();
  tokens.forEach((t, i) => {
    if (isAbusive(normalise(t.word))) {
      flags.push({ kind: 'abuse', start: t.start, end: t.end, reason: FLAG_REASONS.abuse });
      seen.add(i);
    }
  });
  // Letters split by dots, dashes or spaces: "f.u.c.k", "s h i t" — runs of single-character tokens.
  for (let i = 0; i < tokens.length; i++) {
    if (seen.has(i) || tokens[i]!.word.length !== 1) continue;
    let j = i;
    while (j + 1 < tokens.length && tokens[j + 1]!.word.length === 1 && /^[\s.\-_]{1,2}$/.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start))) j++;
    if (j - i + 1 >= 3) {
      const joined = normalise(tokens.slice(i, j + 1).map((t) => t.word).join(''));
      if (isAbusive(joined)) flags.push({ kind: 'abuse', start: tokens[i]!.start, end: tokens[j]!.end, reason: FLAG_REASONS.abuse });
    }
    i = j;
  }
  return flags;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const EMAIL_SPELT = /[\p{L}\p{N}._%+-]+\s*[([{]\s*at\s*[)\]}]\s*[\p{L}\p{N}-]+(?:\s*(?:[([{]\s*dot\s*[)\]}]|\.)\s*[\p{L}\p{N}-]+)+/giu;
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"]+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|uk|info|io|me|gov\.uk|nhs\.uk|co|biz)\b(?:\/[^\s<>"]*)?/gi;
const PHONE = /(?:\+|\b)\d[\d\s().-]{7,}\d\b/g;
const POSTCODE = /\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/gi;

// Capitalised words after "I am" that are not names.
const NOT_NAMES = new Set(
  [
    'a', 'an', 'the', 'not', 'also', 'so', 'very', 'just', 'still', 'now', 'always', 'often', 'never', 'sure', 'here', 'in', 'on', 'at', 'from', 'with', 'too', 'only', 'really', 'tired', 'exhausted', 'happy', 'sad', 'grateful', 'worried', 'alone', 'lonely',
    'british', 'english', 'scottish', 'welsh', 'irish', 'asian', 'black', 'white', 'muslim', 'christian', 'jewish', 'hindu', 'sikh', 'catholic', 'deaf', 'blind', 'disabled', 'autistic', 'lgbt', 'lgbtq', 'gay', 'trans', 'nhs', 'carer', 'caring', 'retired', 'mum', 'dad', 'i',
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  ].map((w) => w.toLowerCase()),
);
const RELATIVE = 'husband|wife|partner|son|daughter|mum|mam|mom|mother|dad|father|brother|sister|friend|nan|nana|gran|granny|grandma|grandad|grandpa|grandmother|grandfather|aunt|auntie|uncle|niece|nephew|cousin|neighbour|grandson|granddaughter|child|boy|girl|stepson|stepdaughter';
const NAME_PATTERNS: RegExp[] = [
  // "my name is jo", "my name's Jo Bloggs": a strong cue, so any word counts.
  /\b[Mm]y\s+[Nn]ame(?:\s+is|['’]s)\s+([\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)/gu,
  // "I am Sarah", "I'm Sarah", "call me Sarah", "ask for Sarah": only a Capitalised word.
  /\b(?:I\s+am|I['’]m|[Cc]all\s+me|[Aa]sk\s+for|[Ss]igned)\s+(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+)?)/gu,
  // "my husband Dave", "our son Tom".
  new RegExp(`\\b(?:[Mm]y|[Oo]ur)\\s+(?:${RELATIVE})\\s*,?\\s+(\\p{Lu}[\\p{Ll}'’-]+)`, 'gu'),
  // "Dr Patel", "Mrs. Jones".
  /\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Nurse|Sister|Prof)\.?\s+(\p{Lu}[\p{Ll}'’-]+)/gu,
];

function nameFlags(text: string): StatementFlag[] {
  const flags: StatementFlag[] = [];
  NAME_PATTERNS.forEach((re, i) => {
    for (const m of text.matchAll(re)) {
      const name = m[1]!;
      const first = name.split(/\s+/)[0]!.replace(/['’]s$/, '').toLowerCase();
      // After "my name is" anything goes; after the weaker cues, skip common non-names.
      if (i !== 0 && NOT_NAMES.has(first)) continue;
      if (i === 0 && ['not', 'a', 'the'].includes(first)) continue;
      const start = m.index! + m[0].length - name.length;
      flags.push({ kind: 'name', start, end: start + name.length, reason: FLAG_REASONS.name });
    }
  });
  return flags;
}

function regexFlags(text: string, re: RegExp, kind: FlagKind, accept: (match: string) => boolean = () => true): StatementFlag[] {
  const flags: StatementFlag[] = [];
  for (const m of text.matchAll(re)) {
    let match = m[0];
    // A URL or email does not end in sentence punctuation.
    if (kind === 'url' || kind === 'email') match = match.replace(/[.,;:!?)\]]+$/, '');
    if (accept(match)) flags.push({ kind, start: m.index!, end: m.index! + match.length, reason: FLAG_REASONS[kind] });
  }
  return flags;
}

const overlaps = (a: StatementFlag, b: StatementFlag) => a.start < b.end && b.start < a.end;

/** Every flag for a statement, in text order; overlapping flags of lower priority are dropped. */
export function screenStatement(text: string): StatementFlag[] {
  const input = text.slice(0, 5000);
  // Order is priority: an email's domain is not also a web address; a phone number is not a postcode.
  const candidates: StatementFlag[] = [
    ...regexFlags(input, EMAIL, 'email'),
    ...regexFlags(input, EMAIL_SPELT, 'email'),
    ...regexFlags(input, URL_RE, 'url'),
    ...regexFlags(input, PHONE, 'phone', (m) => {
      const digits = m.replace(/\D/g, '');
      return digits.length >= 10 && digits.length <= 13;
    }),
    // "A1 2nd" is a road and an ordinal, not a postcode (a real one in capitals is still flagged).
    ...regexFlags(input, POSTCODE, 'postcode', (m) => !/\s\d(?:st|nd|rd|th)$/.test(m)),
    ...nameFlags(input),
    ...abuseFlags(input),
  ];
  const kept: StatementFlag[] = [];
  for (const f of candidates) if (!kept.some((k) => overlaps(k, f))) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}

/** The kinds that are personal details (an "edit out" removes these before approval). */
export const PERSONAL_KINDS: readonly FlagKind[] = ['phone', 'email', 'postcode', 'url', 'name'];
