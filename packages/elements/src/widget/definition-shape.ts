/**
 * The small guard a widget runs on a checked definition (one whose `checked` fingerprint matches)
 * instead of the full check: the right kind, and every list the widget walks is really a list of
 * objects. The fingerprint already says the data is what passed the full check; this guard makes
 * sure that even a forged or hand-made fingerprint can never make a widget crash on a missing
 * list. Anything it rejects goes to the full check, which says what is wrong in plain words.
 */
import type { InstrumentKind } from '@carers-voice/core/content';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string';
/** A list whose every item passes `item`. */
const listOf = (v: unknown, item: (x: unknown) => boolean): boolean => Array.isArray(v) && v.every(item);
/** Absent, or a list whose every item passes `item`. */
const maybeListOf = (v: unknown, item: (x: unknown) => boolean): boolean => v === undefined || listOf(v, item);
const maybeObj = (v: unknown): boolean => v === undefined || isObj(v);

const option = (o: unknown): boolean => isObj(o) && isText(o['value']) && isText(o['label']);

function question(q: unknown): boolean {
  if (!isObj(q) || !isText(q['id']) || !isText(q['type']) || !isText(q['label'])) return false;
  if (!maybeListOf(q['options'], option)) return false;
  if (q['reveal'] !== undefined && !(isObj(q['reveal']) && Object.values(q['reveal']).every((r) => isObj(r) && isText(r['id']) && isText(r['type'])))) return false;
  return maybeObj(q['showIf']) && maybeObj(q['young']);
}

const questions = (v: unknown) => listOf(v, question);

function header(d: Obj): boolean {
  return (
    isText(d['id']) &&
    Number.isInteger(d['version']) &&
    isText(d['title']) &&
    isObj(d['privacy']) &&
    maybeListOf(d['signposting'], (s) => isObj(s) && isText(s['id']) && isText(s['title'])) &&
    maybeObj(d['translations']) &&
    maybeObj(d['easyRead'])
  );
}

/**
 * What one kind's widget walks beyond the header, given to its DefinitionController as `shape`:
 * each widget carries only its own guard.
 */
export type ShapeGuard = (data: Obj) => boolean;

export const surveyShape: ShapeGuard = (data) =>
  listOf(data['pages'], (p) => isObj(p) && isText(p['id']) && questions(p['questions']) && maybeObj(p['showIf'])) &&
  maybeListOf(data['indicators'], (i) => isObj(i) && listOf(i['positive'], isText)) &&
  maybeObj(data['youngCarer']);

/** A quiz question's answer key, where it has one. */
const answerKey = (q: unknown): boolean => {
  const answer = (q as Obj)['answer'];
  return answer === undefined || (isObj(answer) && listOf(answer['correct'], isText) && isObj(answer['source']));
};

export const quizShape: ShapeGuard = (data) =>
  questions(data['questions']) &&
  listOf(data['questions'], answerKey) &&
  maybeListOf(data['bands'], isObj) &&
  maybeListOf(data['outcomes'], (o) => isObj(o) && isObj(o['when']) && maybeListOf(o['actions'], isObj));

export const pollShape: ShapeGuard = (data) => questions(data['questions']);

export const statementSetShape: ShapeGuard = (data) =>
  listOf(data['scale'], option) &&
  maybeListOf(data['carerScale'], option) &&
  listOf(
    data['groups'],
    (g) => isObj(g) && isText(g['id']) && listOf(g['statements'], (s) => isObj(s) && isText(s['id']) && isText(s['text']) && listOf(s['phrases'], isText)),
  );

/** Whether a checked definition of `kind` has the header and every list and object `shape` says the widget reads. */
export function looksRenderable(kind: InstrumentKind, data: unknown, shape: ShapeGuard): boolean {
  try {
    return isObj(data) && data['kind'] === kind && header(data) && shape(data);
  } catch {
    return false;
  }
}
