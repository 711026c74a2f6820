/**
 * The parts of <carer-poll> that are not rendering and are needed for its first screen: whether
 * the poll is open, what the device remembers about its last vote, and reading the collector's
 * statements and updates without ever throwing. Voting, results and adding a statement:
 * `./poll-routes.ts`, loaded with the rest of what comes after the first screen.
 */
import type { Answers, Poll } from '@carers-voice/core/content';
import type { StatementLists } from '@carers-voice/core/aggregate';
import { once } from '../base/once.js';

export type PollWindow = 'not-open' | 'open' | 'closed';

/** Where the poll stands at `now` (ms since 1970). */
export function pollWindow(poll: Pick<Poll, 'opens' | 'closes'>, now: number): PollWindow {
  if (poll.opens && Date.parse(poll.opens) > now) return 'not-open';
  if (poll.closes && Date.parse(poll.closes) <= now) return 'closed';
  return 'open';
}

/** Statement polls are answered one statement at a time; any other poll on one page. */
export function isStatementPoll(poll: Pick<Poll, 'questions'>): boolean {
  return poll.questions.length > 0 && poll.questions.every((q) => q.type === 'statement');
}

/** May results be shown now? `voted`: this device has voted. */
export function resultsAllowed(poll: Pick<Poll, 'showResults'>, window: PollWindow, voted: boolean): boolean {
  switch (poll.showResults) {
    case 'after-vote':
      return voted || window === 'closed';
    case 'after-close':
      return window === 'closed';
    default:
      return false;
  }
}

/** What this device remembers of its last vote in a poll (kept in IndexedDB, never sent anywhere else). */
export interface RememberedVote {
  /** The envelope id the vote was sent under. */
  id: string;
  answers: Answers;
  /** When it was cast, ISO. */
  at: string;
  /** The instrument version voted on. */
  version: number;
}

/** Where the device keeps its last vote in a poll. */
export const voteKey = (pollId: string) => `poll-vote:${pollId}`;

/**
 * The device store (idb) loads apart from the poll's first file; `<carer-poll>` starts loading it
 * when it connects, alongside its definition, so a returning voter waits for no extra round trip.
 * Once per page; a failed load (offline) is tried again next time.
 */
export const loadDeviceStore = once(() => import('@carers-voice/core/outbox/store'));

export async function rememberedVote(pollId: string, database?: string): Promise<RememberedVote | undefined> {
  try {
    const { openDeviceStore } = await loadDeviceStore();
    const db = await openDeviceStore(database);
    const row = await db.get('settings', voteKey(pollId));
    if (!row) return undefined;
    const vote = JSON.parse(row.value) as RememberedVote;
    return vote && typeof vote.id === 'string' && vote.answers && typeof vote.answers === 'object' ? vote : undefined;
  } catch {
    // No IndexedDB (private browsing in some browsers): the poll still works, it just forgets.
    return undefined;
  }
}

// ------------------------------------------------------------------ the collector's poll routes

export interface PollUpdate {
  id: string | number;
  youSaid: string;
  weDid: string;
  /** ISO date-time. */
  date: string;
}

export function pollUrl(endpoint: string, pollId: string, route: 'statements' | 'updates' | 'results'): string {
  return `${endpoint.replace(/\/+$/, '')}/api/v1/polls/${encodeURIComponent(pollId)}/${route}`;
}

/** Reads a JSON body whatever the status; `undefined` when there is none or it is not JSON. */
export async function json(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

/** "You said, we did" updates, newest first; an empty list when there are none or they cannot be read. */
export async function fetchUpdates(endpoint: string, pollId: string, signal?: AbortSignal): Promise<PollUpdate[]> {
  try {
    const response = await fetch(pollUrl(endpoint, pollId, 'updates'), { credentials: 'omit', signal: signal ?? null, headers: { accept: 'application/json' } });
    if (!response.ok) return [];
    const body = (await json(response)) as { updates?: unknown } | undefined;
    const list = Array.isArray(body?.updates) ? (body.updates as Partial<PollUpdate>[]) : [];
    return list
      .filter((u): u is PollUpdate => typeof u?.youSaid === 'string' && typeof u.weDid === 'string' && typeof u.date === 'string' && !Number.isNaN(Date.parse(u.date)))
      .sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
  } catch {
    return [];
  }
}

/** One option's published numbers (see core/aggregate: `null` = hidden because it is a small number). */
export interface PublicOption {
  value: string;
  label: string;
  count: number | null;
  percent: number | null;
  mean?: number | null;
}
export interface PublicQuestion {
  id: string;
  label: string;
  type: string;
  answered: number | null;
  options?: PublicOption[];
  mean?: number | null;
}
export type { StatementListEntry as ListedStatement, StatementLists } from '@carers-voice/core/aggregate';

export type PublicResults =
  | { suppressed: false; base: number | null; suppression: { threshold: number; rounding: number }; questions: PublicQuestion[]; statementLists?: StatementLists }
  | { suppressed: true; suppression: { threshold: number; rounding: number }; reason?: string; statementLists?: StatementLists };

/** A carer's statement a moderator approved, offered for voting as `key` (`s:<statement id>`). */
export interface CarerStatement {
  key: string;
  text: string;
}

const STATEMENT_KEY = /^s:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The poll's approved carers' statements (the collector lists only approved ones: pending and
 * rejected statements never reach a carer). An empty list when there are none or they cannot be read.
 */
export async function fetchCarerStatements(endpoint: string, pollId: string, signal?: AbortSignal): Promise<CarerStatement[]> {
  try {
    const response = await fetch(pollUrl(endpoint, pollId, 'statements'), { credentials: 'omit', signal: signal ?? null, headers: { accept: 'application/json' } });
    if (!response.ok) return [];
    const body = (await json(response)) as { statements?: unknown } | undefined;
    const list = Array.isArray(body?.statements) ? (body.statements as { id?: unknown; key?: unknown; text?: unknown }[]) : [];
    const out: CarerStatement[] = [];
    const seen = new Set<string>();
    for (const s of list) {
      const key = typeof s?.key === 'string' ? s.key : typeof s?.id === 'string' ? `s:${s.id}` : '';
      if (!STATEMENT_KEY.test(key) || typeof s.text !== 'string' || !s.text.trim() || seen.has(key)) continue;
      seen.add(key);
      out.push({ key, text: s.text.trim() });
    }
    return out.slice(0, 200);
  } catch {
    return [];
  }
}

/** Is this answer key a vote on a carer's statement? */
export const isCarerStatementKey = (key: string): boolean => STATEMENT_KEY.test(key);

export type ResultsOutcome = { status: 'ok'; results: PublicResults } | { status: 'unavailable'; message?: string | undefined };
