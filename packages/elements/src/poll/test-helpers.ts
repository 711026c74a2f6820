/**
 * Helpers for the <carer-poll> browser tests: small polls of every kind, a way to render the poll,
 * to reach into its nested shadow roots as a user sees it, to drive it by keyboard only, and the
 * scripted collector (test/support/scripted-collector.mjs) with its poll routes.
 */
import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

export { sendKeys };
import type { CarerPoll } from './carer-poll.js';
import './define.js';
import { localeReady } from '../i18n/index.js';
import { deepActive, deepAll, seen, settle, tabUntil } from '../widget/test-helpers.js';

export { deepActive, deepAll, seen, settle };

const base = { version: 1, privacy: { anonymous: true, notice: 'We do not ask who you are.' }, showResults: 'after-vote' } as const;

export const polls = {
  single: {
    ...base,
    kind: 'poll',
    id: 'test-single',
    title: 'How would you like to have your say?',
    questions: [
      {
        id: 'best-way',
        type: 'single',
        label: 'What is the easiest way for you to have your say?',
        options: [
          { value: 'online', label: 'Online' },
          { value: 'phone', label: 'By phone' },
          { value: 'group', label: 'At a carers group' },
        ],
      },
    ],
  },
  multiple: {
    ...base,
    kind: 'poll',
    id: 'test-multiple',
    title: 'When could you come to a meeting?',
    questions: [
      {
        id: 'when',
        type: 'multiple',
        label: 'When could you come?',
        options: [
          { value: 'morning', label: 'Mornings' },
          { value: 'afternoon', label: 'Afternoons' },
          { value: 'evening', label: 'Evenings' },
        ],
      },
    ],
  },
  ranking: {
    ...base,
    kind: 'poll',
    id: 'test-ranking',
    title: 'Rank the priorities',
    questions: [
      {
        id: 'themes',
        type: 'ranking',
        label: 'Put these in order, most important first',
        options: [
          { value: 'breaks', label: 'Breaks from caring' },
          { value: 'information', label: 'Information and advice' },
          { value: 'money', label: 'Money and work' },
        ],
      },
    ],
  },
  points: {
    ...base,
    kind: 'poll',
    id: 'test-points',
    title: 'Share out your points',
    questions: [
      {
        id: 'share',
        type: 'points',
        label: 'Share 3 points between these',
        total: 3,
        allocateAll: true,
        options: [
          { value: 'health', label: 'Health' },
          { value: 'work', label: 'Work' },
        ],
      },
    ],
  },
  statements: {
    ...base,
    kind: 'poll',
    id: 'test-statements',
    title: 'Is this true for you?',
    allowStatements: true,
    questions: [
      { id: 'info', type: 'statement', label: 'I know where to get information.' },
      { id: 'break', type: 'statement', label: 'I can take a break when I need one.' },
      { id: 'listened', type: 'statement', label: 'Staff listen to me.' },
    ],
  },
};

export type PollKind = keyof typeof polls;

/** A copy of a test poll with other settings (dates, showResults…). */
export function poll(kind: PollKind, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...structuredClone(polls[kind]), ...extra };
}

export const DAY = 24 * 60 * 60 * 1000;
export const iso = (ms: number) => new Date(ms).toISOString();

let counter = 0;
export function freshDatabase(): string {
  counter += 1;
  return `cv-poll-test-${Date.now()}-${counter}`;
}

export async function renderPoll(props: Partial<CarerPoll> & Record<string, unknown> = {}, attrs: Record<string, string> = {}): Promise<CarerPoll> {
  const host = await fixture<HTMLDivElement>(html`<div><button type="button" data-before>Before the poll</button></div>`);
  const el = document.createElement('carer-poll');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  Object.assign(el, props);
  host.append(el);
  await el.ready;
  await localeReady();
  await settle(el);
  return el;
}

/** Waits until `check` is true (polling), for things that arrive over the network or from IndexedDB. */
export async function until(check: () => boolean | Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const shown = (el: Element) => seen(el.shadowRoot!);

/** Presses Tab until the focused element matches, as a keyboard user would. */
export function tabTo(match: (a: Element) => boolean, what: string, max = 30): Promise<Element> {
  return tabUntil(match, { what, max });
}

export const isButton = (text: RegExp) => (a: Element) => a.localName === 'button' && text.test(seen(a) || a.textContent || '');
export const isInput = (name: string, value?: string) => (a: Element) =>
  a.localName === 'input' && (a as HTMLInputElement).name === name && (value === undefined || (a as HTMLInputElement).value === value);

/** Starts keyboard travel from the button just before the poll. */
export async function startKeyboard(el: Element): Promise<void> {
  (el.parentElement!.querySelector('[data-before]') as HTMLElement).focus();
}

export function button(el: Element, text: RegExp): HTMLButtonElement {
  const b = [...el.shadowRoot!.querySelectorAll('button')].find((x) => text.test(seen(x)));
  if (!b) throw new Error(`no button ${text}`);
  return b;
}

export async function press(el: Element, text: RegExp): Promise<void> {
  button(el, text).click();
  await settle(el);
}

/** Clicks an option (radio or checkbox) of a question. */
export async function choose(el: Element, qid: string, value: string): Promise<void> {
  const input = deepAll(el, 'input').find((i) => (i as HTMLInputElement).name === qid && (i as HTMLInputElement).value === value) as HTMLInputElement | undefined;
  if (!input) throw new Error(`option ${value} of ${qid} not found`);
  input.click();
  await settle(el);
}

let serverCounter = 0;
export interface Stored {
  envelopes: { id: string; meta?: { device?: string }; answers: Record<string, unknown> }[];
  statements: { id: string; text: string; status: string }[];
}
/** A fresh scripted collector with its own key; `updates`/`results` script the poll routes. */
export async function scriptedServer(options: { script?: object[]; updates?: object[]; results?: object; down?: boolean } = {}) {
  serverCounter += 1;
  const key = `poll${Date.now()}-${serverCounter}`;
  await fetch(`/__scripted__/${key}`, { method: 'PUT', body: JSON.stringify({ script: options.script ?? [], down: options.down ?? false, updates: options.updates, results: options.results }) });
  const endpoint = `${location.origin}/__scripted__/${key}`;
  const server = async () => (await (await fetch(`/__scripted__/${key}`)).json()) as { posts: number; ids: string[] };
  const stored = async () => (await (await fetch(`/__scripted__/${key}/__stored`)).json()) as Stored;
  const setDown = (down: boolean) => fetch(`/__scripted__/${key}`, { method: 'PATCH', body: JSON.stringify({ down }) });
  return { endpoint, server, stored, setDown };
}
