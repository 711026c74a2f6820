import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import type { Poll } from '@carers-voice/core/content';
import quickPoll from '@carers-voice/content/instruments/quick-poll-have-your-say.json';
import rankBury from '@carers-voice/content/instruments/rank-bury-themes.json';
import sharePoints from '@carers-voice/content/instruments/share-points-stockport.json';
import carerStatements from '@carers-voice/content/instruments/carer-statements.json';
import type { CarerPoll } from '../packages/elements/src/poll/carer-poll.js';
import '../packages/elements/src/poll/define.js';
import type { StoryGlobals } from './support.js';

/**
 * One thing a carer does, replayed by a story's `play` (and by the poll's story test): choose an
 * option of a question (by its input's value), move a ranked item down (`moveDown`: its value), press a button by its `data-action` (the same in
 * every language: `send`, `continue`, `back`, `change`, `add-statement`), or type into the
 * "add your own statement" box.
 */
export type PollStep = { choose: string; value: string } | { press: string } | { type: string } | { moveDown: string };

export interface PollArgs {
  definition: Poll;
  easyRead?: boolean;
  /** Connect to the stand-in collector below (results, updates, statements); otherwise local mode. */
  connected?: boolean;
  /** The clock the poll's dates are read against, as an ISO date (default: now). */
  at?: string;
  steps?: PollStep[];
}

const quick = quickPoll as unknown as Poll;
const rank = rankBury as unknown as Poll;
const points = sharePoints as unknown as Poll;
const statements = carerStatements as unknown as Poll;

/**
 * A stand-in collector for Storybook only (a partner page talks to a real one): it answers the
 * poll routes under `https://collector.example` with sample, already-suppressed results and
 * updates, holds statements as pending, and acknowledges votes. The widget itself just uses fetch.
 */
export const STORY_ENDPOINT = 'https://collector.example';
const sampleUpdates = [
  { id: 1, youSaid: 'Carers said meetings in the daytime are hard to get to.', weDid: 'The carers partnership board now meets on the first Tuesday evening of each month, and online.', date: '2026-04-02T10:00:00.000Z' },
  { id: 2, youSaid: 'Carers said breaks from caring matter most.', weDid: 'We are funding more short breaks, and the carers hub now books them for you.', date: '2026-09-14T10:00:00.000Z' },
];
/** One carer's statement a moderator approved, offered in the statements poll when connected. */
const STORY_CARER_STATEMENT = { id: '3f1c2b8a-5d4e-4f6a-9b7c-1a2b3c4d5e6f', key: 's:3f1c2b8a-5d4e-4f6a-9b7c-1a2b3c4d5e6f', text: 'Carers should get free parking at the hospital.' };
function sampleResults(poll: Poll) {
  const isStatements = poll.id === statements.id;
  const asked = isStatements ? [...poll.questions, { id: STORY_CARER_STATEMENT.key, label: STORY_CARER_STATEMENT.text, type: 'statement' } as Poll['questions'][number]] : poll.questions;
  const questions = asked.map((q) => {
    const options = 'options' in q && Array.isArray(q.options) ? q.options : [{ value: 'agree', label: 'Agree' }, { value: 'disagree', label: 'Disagree' }, { value: 'pass', label: 'Pass' }];
    return {
      id: q.id,
      label: q.label,
      type: q.type,
      answered: 120,
      options: options.map((o, i) => {
        const hidden = i === options.length - 1 && options.length > 2;
        const count = hidden ? null : Math.max(10, 60 - i * 15);
        return { value: o.value, label: o.label, count, percent: count === null ? null : Math.round((count / 120) * 100), mean: q.type === 'ranking' ? 1 + i * 0.8 : q.type === 'points' ? Math.max(0.5, 4 - i) : undefined };
      }),
    };
  });
  // The collector's "broad agreement" and "divided" lists (packages/collector/src/polls.ts), already suppressed.
  const first = poll.questions[0]!;
  const statementLists = isStatements
    ? {
        rules: { broadAgree: 70, dividedEach: 35, dividedSpread: 30, threshold: 7 },
        considered: 2,
        tooFew: poll.questions.length - 1,
        broad: [{ id: first.id, text: first.label, source: 'poll', base: 120, agree: 80, disagree: 15, pass: 5, slices: 5, lowestAgree: 72, highestAgree: 88 }],
        divided: [{ id: STORY_CARER_STATEMENT.key, text: STORY_CARER_STATEMENT.text, source: 'carer', base: 60, agree: 50, disagree: 42, pass: 8, slices: 3, lowestAgree: 25, highestAgree: 75, reason: 'differs' }],
      }
    : undefined;
  return { instrument: { id: poll.id, version: poll.version }, suppression: { threshold: 7, rounding: 5 }, suppressed: false, base: 120, questions, indicators: [], trends: [], ...(statementLists ? { statementLists } : {}) };
}
const polls = new Map([quick, rank, points, statements].map((p) => [p.id, p]));
let installed = false;
export function installStoryCollector(): void {
  if (installed) return;
  installed = true;
  const real = globalThis.fetch.bind(globalThis);
  const reply = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(STORY_ENDPOINT)) return real(input, init);
    const path = url.slice(STORY_ENDPOINT.length);
    const poll = /^\/api\/v1\/polls\/([\w-]+)\/(results|updates|statements)$/.exec(path);
    if (poll?.[2] === 'results') return reply(200, sampleResults(polls.get(poll[1]!) ?? quick));
    if (poll?.[2] === 'updates') return reply(200, { poll: poll[1], updates: sampleUpdates });
    if (poll?.[2] === 'statements' && init?.method === 'POST') return reply(201, { id: 'story', status: 'pending' });
    // Only approved statements are listed (the one above, for the statements poll).
    if (poll?.[2] === 'statements') return reply(200, { poll: poll[1], statements: poll[1] === statements.id ? [STORY_CARER_STATEMENT] : [] });
    if (path === '/api/v1/responses') return reply(201, { status: 'stored' });
    return reply(404, { error: 'not found' });
  };
}

function deepAll(root: Element, selector: string): Element[] {
  const out: Element[] = [];
  const scope = root.shadowRoot;
  if (!scope) return out;
  for (const node of scope.querySelectorAll('*')) {
    if (node.matches(selector)) out.push(node);
    if (node.shadowRoot) out.push(...deepAll(node, selector));
  }
  return out;
}

async function settle(el: CarerPoll): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await el.updateComplete;
    await Promise.all(deepAll(el, '*').map((n) => (n as Partial<CarerPoll>).updateComplete));
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Replays `steps` on the poll inside `root`, as clicks and typing. */
export async function replay(root: Element, steps: PollStep[] = []): Promise<void> {
  const el = root.querySelector('carer-poll') as CarerPoll | null;
  if (!el) return;
  await el.ready;
  await settle(el);
  for (const step of steps) {
    if ('choose' in step) {
      const input = deepAll(el, 'input').find((i) => (i as HTMLInputElement).name === step.choose && (i as HTMLInputElement).value === step.value) as HTMLInputElement | undefined;
      if (!input) throw new Error(`no option ${step.value} of ${step.choose}`);
      input.click();
    } else if ('moveDown' in step) {
      const button = deepAll(el, 'button').find((b) => b.getAttribute('data-value') === step.moveDown && b.getAttribute('data-dir') === 'down') as HTMLButtonElement | undefined;
      if (!button) throw new Error(`no Move down for ${step.moveDown}`);
      button.click();
    } else if ('type' in step) {
      const box = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#statement-text');
      if (!box) throw new Error('no statement box');
      box.value = step.type;
      box.dispatchEvent(new Event('input'));
    } else {
      const button = el.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-action="${step.press}"]`);
      if (!button) throw new Error(`no button ${step.press}`);
      button.click();
      // Voting waits for IndexedDB (the device token): give it a moment.
      for (let i = 0; i < 20 && step.press === 'send' && !el.lastVote; i++) await new Promise((r) => setTimeout(r, 25));
    }
    await settle(el);
  }
}

const send: PollStep = { press: 'send' };
/** Every statement answered in turn: agree, disagree, pass… */
export const allStatements: PollStep[] = statements.questions.flatMap((q, i) => [
  { choose: q.id, value: ['agree', 'disagree', 'pass'][i % 3]! },
  { press: i === statements.questions.length - 1 ? 'send' : 'continue' },
]);
/** Connected, another carer's approved statement comes last: every statement answered, then it. */
export const allStatementsConnected: PollStep[] = [
  ...statements.questions.flatMap((q, i) => [{ choose: q.id, value: ['agree', 'disagree', 'pass'][i % 3]! }, { press: 'continue' }]),
  { choose: STORY_CARER_STATEMENT.key, value: 'agree' },
  send,
];
/** Up to another carer's statement (connected), not yet answered. */
const toCarerStatement: PollStep[] = allStatementsConnected.slice(0, -2);
const firstOption = (p: Poll) => {
  const q = p.questions[0]!;
  return { choose: q.id, value: 'options' in q ? (q.options as { value: string }[])[0]!.value : 'agree' };
};

/**
 * `<carer-poll>`: "have your say" polls from `@carers-voice/content` — a quick single choice, rank
 * the Bury themes, share points across Stockport's priorities, and carers' statements with "add
 * your own". Stories marked "connected" talk to a stand-in collector (sample suppressed results,
 * "You said, we did" updates); the others run in local mode.
 */
/** Spelled out (not inferred) so the declaration does not name Storybook's internal types. */
type PollMeta = Meta<PollArgs> & {
  excludeStories: string[];
  args: Partial<PollArgs> & { definition: Poll };
  render: (args: PollArgs, context?: { globals?: unknown }) => TemplateResult;
};
const meta: PollMeta = {
  title: 'Widgets/Poll',
  component: 'carer-poll',
  excludeStories: ['replay', 'allStatements', 'allStatementsConnected', 'installStoryCollector', 'STORY_ENDPOINT'],
  args: { definition: quick },
  argTypes: {
    definition: { control: 'object', description: 'The poll definition (from @carers-voice/content or your own)' },
    easyRead: { control: 'boolean', name: 'easy-read' },
    connected: { control: 'boolean', description: 'Talk to the stand-in collector' },
    at: { control: 'text', description: 'Pretend it is this date (ISO), to see the not-yet-open and closed states' },
    steps: { table: { disable: true } },
  },
  render: (args, context) => {
    const easyRead = Boolean(args.easyRead) || (context?.globals as StoryGlobals | undefined)?.easyRead === 'on';
    if (args.connected) installStoryCollector();
    const at = args.at ? Date.parse(args.at) : undefined;
    // A fresh database per render, so stories never share a device token or a remembered vote.
    return html`<carer-poll
      .definition=${args.definition}
      .database=${`cv-story-${Math.random().toString(36).slice(2)}`}
      .clock=${at === undefined ? () => Date.now() : () => at}
      endpoint=${args.connected ? STORY_ENDPOINT : ''}
      partner=${args.connected ? 'story-partner' : ''}
      ?easy-read=${easyRead}
    ></carer-poll>`;
  },
  play: async ({ canvasElement, args }) => replay(canvasElement, args.steps),
};
export default meta;
type Story = StoryObj<PollArgs>;

export const Open: Story = { name: 'Open: single choice' };
export const Ranking: Story = { name: 'Open: rank the Bury themes', args: { definition: rank } };
export const Points: Story = { name: 'Open: share points (Stockport)', args: { definition: points } };
export const Statements: Story = { name: 'Open: statements one at a time', args: { definition: statements } };
export const NothingChosen: Story = { name: 'Send with nothing chosen', args: { steps: [send] } };
export const Voted: Story = { name: 'Voted (local mode)', args: { steps: [firstOption(quick), send] } };
export const VotedWithResults: Story = { name: 'Voted, with results (connected)', args: { connected: true, steps: [firstOption(quick), send] } };
export const RankingResults: Story = { name: 'Ranking results (connected)', args: { definition: rank, connected: true, steps: [{ moveDown: (rank.questions[0] as { options: { value: string }[] }).options[0]!.value }, send] } };
export const ChangingVote: Story = { name: 'Changing a vote', args: { steps: [firstOption(quick), send, { press: 'change' }] } };
export const NotYetOpen: Story = { name: 'Not yet open', args: { definition: { ...quick, opens: '2030-01-01T09:00:00Z' } } };
export const Closed: Story = {
  name: 'Closed, with results and "You said, we did" (connected)',
  args: { definition: { ...quick, closes: '2026-10-31T17:00:00Z' }, at: '2026-11-20T12:00:00Z', connected: true },
};
export const CarerStatement: Story = { name: "Open: another carer's statement (connected)", args: { definition: statements, connected: true, steps: toCarerStatement } };
export const StatementsDone: Story = { name: 'Statements voted: where carers agree and are divided, add your own (connected)', args: { definition: statements, connected: true, steps: allStatementsConnected } };
export const StatementAdded: Story = {
  name: 'Own statement sent for moderation (connected)',
  args: { definition: statements, connected: true, steps: [...allStatementsConnected, { type: 'Carers should get free parking at the hospital.' }, { press: 'add-statement' }] },
};
export const StatementError: Story = {
  name: 'Own statement too short (connected)',
  args: { definition: statements, connected: true, steps: [...allStatementsConnected, { type: 'no' }, { press: 'add-statement' }] },
};
export const StatementListsRightToLeft: Story = {
  name: 'Right to left (Urdu): statements voted, with the agree and divided lists',
  args: { definition: statements, connected: true, steps: allStatementsConnected },
  globals: { locale: 'ur' },
};
export const RightToLeft: Story = { name: 'Right to left (Urdu), voted with results', args: { connected: true, steps: [firstOption(quick), send] }, globals: { locale: 'ur' } };
export const EasyRead: Story = { name: 'Easy read', args: { definition: statements, easyRead: true } };
