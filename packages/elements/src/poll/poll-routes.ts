/**
 * The collector's poll routes a carer needs only after the first screen (loaded lazily with
 * `./poll-later.ts`): remembering the device's vote, the public results and sending a carer's own
 * statement, none of which ever throws.
 */
import { openDeviceStore } from '@carers-voice/core/outbox';
import type { StatementLists } from '@carers-voice/core/aggregate';
import { json, pollUrl, voteKey, type PublicResults, type RememberedVote, type ResultsOutcome } from './poll-logic.js';

export async function rememberVote(pollId: string, vote: RememberedVote, database?: string): Promise<void> {
  try {
    const db = await openDeviceStore(database);
    await db.put('settings', { key: voteKey(pollId), value: JSON.stringify(vote) });
  } catch {
    // As above: nothing to do.
  }
}

/** Is this a usable statement lists object (the collector's shape)? */
export function isStatementLists(v: unknown): v is StatementLists {
  const l = v as Partial<StatementLists> | undefined;
  return Boolean(l && Array.isArray(l.broad) && Array.isArray(l.divided) && typeof l.tooFew === 'number' && l.rules && typeof l.rules === 'object');
}

/** The poll's public, suppressed results (only when the poll allows; the collector checks too). */
export async function fetchResults(endpoint: string, pollId: string, signal?: AbortSignal): Promise<ResultsOutcome> {
  try {
    const response = await fetch(pollUrl(endpoint, pollId, 'results'), { credentials: 'omit', signal: signal ?? null, headers: { accept: 'application/json' } });
    const body = (await json(response)) as Record<string, unknown> | undefined;
    if (!response.ok || !body || typeof body !== 'object') {
      const message = typeof body?.['error'] === 'string' ? body['error'] : typeof body?.['message'] === 'string' ? body['message'] : undefined;
      return { status: 'unavailable', message };
    }
    if (body['suppressed'] === true) return { status: 'ok', results: body as unknown as PublicResults };
    if (!Array.isArray(body['questions'])) return { status: 'unavailable' };
    return { status: 'ok', results: body as unknown as PublicResults };
  } catch {
    return { status: 'unavailable' };
  }
}

export type StatementOutcome =
  | { status: 'pending' }
  | { status: 'refused'; message: string | undefined; problems: { path: string; message: string }[] }
  | { status: 'offline' };

/** Sends a carer's own statement for moderation. Never throws. */
export async function submitStatement(endpoint: string, pollId: string, partner: string, text: string): Promise<StatementOutcome> {
  let response: Response;
  try {
    response = await fetch(pollUrl(endpoint, pollId, 'statements'), {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ partner, text }),
    });
  } catch {
    return { status: 'offline' };
  }
  if (response.ok) return { status: 'pending' };
  if (response.status >= 500 || response.status === 429) return { status: 'offline' };
  const body = (await json(response)) as { error?: unknown; message?: unknown; problems?: unknown } | undefined;
  const message = typeof body?.error === 'string' ? body.error : typeof body?.message === 'string' ? body.message : undefined;
  const problems = Array.isArray(body?.problems) ? (body.problems as { path: string; message: string }[]).filter((p) => typeof p?.message === 'string') : [];
  return { status: 'refused', message, problems };
}

/** The collector's limits for a statement (packages/collector/src/polls.ts). */
export const STATEMENT_MIN = 3;
export const STATEMENT_MAX = 500;
