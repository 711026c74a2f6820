/**
 * Every widget's way to its definition. A partner gives one of (first wins):
 * - the `definition` property (an object, or JSON text),
 * - `src`: the URL of a JSON file (fetched without cookies),
 * - `instrument`: a built-in id — from the collector (`GET {endpoint}/api/v1/instruments/:id`) when
 *   an endpoint is set, otherwise from `@carers-voice/content`, loaded lazily.
 * It is checked with the widget's own parser (core's `parseSurvey`, `parseQuiz` … so a widget ships
 * only its kind's schema) and must be of the widget's kind. Anything wrong becomes
 * `status: 'error'` with a plain-words message and the list of problems (and a `carer-error` event);
 * nothing is thrown.
 *
 * ```ts
 * private source = new DefinitionSourceController(this, { kind: 'survey', parse: parseSurvey, endpoint: () => this.config.endpoint });
 * render() { if (this.source.status === 'ready') … this.source.definition … }
 * ```
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { INSTRUMENT_KINDS, type DefinitionOf, type InstrumentKind, type Problem } from '@carers-voice/core/content';
import { CarerErrorEvent, type CarerProblem } from '../events/events.js';
import { builtInInstrument, builtInInstrumentIds } from './builtins.js';

export type DefinitionStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What went wrong, for the partner (message) and their web editor (problems with paths). */
export interface DefinitionProblem {
  message: string;
  problems: CarerProblem[];
}

export type DefinitionHost = ReactiveControllerHost &
  HTMLElement & {
    definition?: unknown;
    src?: string | undefined;
    instrument?: string | undefined;
  };

/** Checks a definition of one kind (core's `parseSurvey`, `parseQuiz`, `parsePoll`, `parseStatementSet`). */
export type DefinitionParser<K extends InstrumentKind> = (
  input: unknown,
) => { ok: true; definition: DefinitionOf<K> } | { ok: false; problems: Problem[] };

export interface DefinitionControllerOptions {
  /** The kind the widget renders. */
  kind: InstrumentKind;
  /** The collector's base URL in force (own attribute, else the provider's). */
  endpoint?: () => string | undefined;
  /** The fetch to use (tests). */
  fetch?: typeof fetch;
}

/** Where the definition came from, to notice when the partner changes it. */
type Source =
  | { from: 'definition'; value: unknown }
  | { from: 'src'; url: string }
  | { from: 'instrument'; id: string; endpoint: string | undefined }
  | { from: 'none' };

function sameSource(a: Source | undefined, b: Source): boolean {
  if (!a || a.from !== b.from) return false;
  switch (b.from) {
    case 'definition':
      return (a as typeof b).value === b.value;
    case 'src':
      return (a as typeof b).url === b.url;
    case 'instrument':
      return (a as typeof b).id === b.id && (a as typeof b).endpoint === b.endpoint;
    case 'none':
      return true;
  }
}

/** A thing the partner set up wrong: shown in plain words, never thrown. */
class LoadProblem extends Error {
  constructor(
    message: string,
    readonly problems: CarerProblem[] = [],
  ) {
    super(message);
  }
}

function kindName(kind: string): string {
  switch (kind) {
    case 'survey':
      return msg('survey', { id: 'widget.kind.survey' });
    case 'quiz':
      return msg('quiz', { id: 'widget.kind.quiz' });
    case 'poll':
      return msg('poll', { id: 'widget.kind.poll' });
    case 'statement-set':
      return msg('statement set', { id: 'widget.kind.statement-set' });
    default:
      return kind;
  }
}

const TAG_FOR_KIND: Record<string, string> = {
  survey: 'carer-survey',
  quiz: 'carer-quiz',
  poll: 'carer-poll',
  'statement-set': 'carer-priority-check',
};

/**
 * The collector may answer `GET /instruments/:id` with the definition itself, `{ definition }`,
 * or every registered version (`[…]`, `{ versions: […] }`, `{ definitions: […] }`): use the newest.
 */
export function newestDefinition(body: unknown): unknown {
  const version = (d: unknown) => (d && typeof d === 'object' && typeof (d as { version?: unknown }).version === 'number' ? (d as { version: number }).version : 0);
  const unwrap = (d: unknown) => (d && typeof d === 'object' && 'definition' in d ? (d as { definition: unknown }).definition : d);
  let list: unknown[] | undefined;
  if (Array.isArray(body)) list = body;
  else if (body && typeof body === 'object') {
    const b = body as { versions?: unknown; definitions?: unknown; definition?: unknown };
    if (Array.isArray(b.versions)) list = b.versions;
    else if (Array.isArray(b.definitions)) list = b.definitions;
    else if ('definition' in b) return b.definition;
  }
  if (!list) return body;
  const defs = list.map(unwrap);
  return defs.reduce((best, d) => (version(d) > version(best) ? d : best), defs[0]);
}

export interface DefinitionSourceOptions<K extends InstrumentKind> extends DefinitionControllerOptions {
  kind: K;
  parse: DefinitionParser<K>;
}

/** The `kind` a definition says it is, when it names one of the four (JSON text is read first). */
function declaredKind(raw: unknown): InstrumentKind | undefined {
  let data = raw;
  if (typeof raw === 'string') {
    try {
      data = JSON.parse(raw) as unknown;
    } catch {
      return undefined;
    }
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  try {
    const kind = Object.hasOwn(data, 'kind') ? (data as { kind: unknown }).kind : undefined;
    return (INSTRUMENT_KINDS as readonly unknown[]).includes(kind) ? (kind as InstrumentKind) : undefined;
  } catch {
    return undefined;
  }
}

export class DefinitionSourceController<K extends InstrumentKind> implements ReactiveController {
  status: DefinitionStatus = 'idle';
  /** The checked definition, once `status` is `ready`. */
  definition: DefinitionOf<K> | undefined;
  /** What is wrong, once `status` is `error`. */
  problem: DefinitionProblem | undefined;

  private source: Source | undefined;
  private generation = 0;
  private abort: AbortController | undefined;
  private settled: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: DefinitionHost,
    private readonly options: DefinitionSourceOptions<K>,
  ) {
    host.addController(this);
  }

  /** Resolves when the current load has finished (either way). */
  get complete(): Promise<void> {
    return this.settled;
  }

  private currentSource(): Source {
    const h = this.host;
    if (h.definition !== undefined && h.definition !== null) return { from: 'definition', value: h.definition };
    if (h.src) return { from: 'src', url: h.src };
    if (h.instrument) return { from: 'instrument', id: h.instrument, endpoint: this.options.endpoint?.() };
    return { from: 'none' };
  }

  hostConnected(): void {
    // Reconnected after a move: a load that was cut short (aborted on disconnect) starts again.
    if (this.status === 'loading') {
      this.source = undefined;
      this.host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    this.abort?.abort();
  }

  hostUpdate(): void {
    const next = this.currentSource();
    if (sameSource(this.source, next)) return;
    this.source = next;
    this.load(next);
  }

  private load(source: Source): void {
    const generation = ++this.generation;
    this.abort?.abort();
    this.abort = undefined;
    if (source.from === 'none') {
      this.set('idle');
      // A page may set `definition` just after adding the element: only complain if it stays empty.
      setTimeout(() => {
        if (generation !== this.generation || !this.host.isConnected) return;
        this.host.dispatchEvent(
          new CarerErrorEvent({
            kind: 'config',
            message: msg('Nothing to show yet: set the src attribute, the instrument attribute or the definition property.', { id: 'widget.error.none' }),
          }),
        );
      }, 0);
      return;
    }
    if (source.from === 'definition') {
      // Synchronous, so a widget given an object renders its first page in the same update.
      this.accept(generation, source.value);
      return;
    }
    this.set('loading');
    const abort = (this.abort = new AbortController());
    this.settled = this.fetchSource(source, abort.signal).then(
      (raw) => this.accept(generation, raw),
      (error: unknown) => {
        if (generation !== this.generation || abort.signal.aborted) return;
        const problem = error instanceof LoadProblem ? error : new LoadProblem(String(error));
        this.fail(generation, { message: problem.message, problems: problem.problems });
      },
    );
  }

  private async fetchSource(source: Exclude<Source, { from: 'none' } | { from: 'definition' }>, signal: AbortSignal): Promise<unknown> {
    if (source.from === 'src') return this.fetchJson(source.url, signal);
    if (source.endpoint) {
      const url = `${source.endpoint.replace(/\/+$/, '')}/api/v1/instruments/${encodeURIComponent(source.id)}`;
      return newestDefinition(await this.fetchJson(url, signal));
    }
    const load = builtInInstrument(source.id);
    if (!load) {
      const known = builtInInstrumentIds().join(', ');
      throw new LoadProblem(
        msg(str`There is no built-in instrument called "${source.id}". Check the instrument attribute. Built-in instruments: ${known}.`, {
          id: 'widget.error.unknown-instrument',
        }),
      );
    }
    try {
      return await load();
    } catch {
      throw new LoadProblem(msg(str`The built-in instrument "${source.id}" could not be loaded. Reload the page to try again.`, { id: 'widget.error.builtin-load' }));
    }
  }

  private async fetchJson(url: string, signal: AbortSignal): Promise<unknown> {
    let response: Response;
    try {
      const doFetch = this.options.fetch ?? ((i: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(i, init));
      response = await doFetch(url, { credentials: 'omit', signal, headers: { accept: 'application/json' } });
    } catch {
      throw new LoadProblem(
        msg(
          str`The definition could not be loaded from ${url}. Check the address, that this device is online, and that the other site allows this page to read it (CORS).`,
          { id: 'widget.error.network' },
        ),
      );
    }
    if (!response.ok) {
      throw new LoadProblem(
        response.status === 404
          ? msg(str`There is no definition at ${url} (the server answered 404, not found). Check the address.`, { id: 'widget.error.not-found' })
          : msg(str`The definition could not be loaded from ${url}: the server answered ${response.status}.`, { id: 'widget.error.http' }),
      );
    }
    const text = await response.text();
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      const detail = error instanceof Error ? error.message : '';
      throw new LoadProblem(msg(str`The file at ${url} is not valid JSON, so it cannot be read as a definition.`, { id: 'widget.error.bad-json' }), [
        { path: '', message: detail },
      ]);
    }
  }

  private accept(generation: number, raw: unknown): void {
    if (generation !== this.generation) return;
    // Another kind is named before anything else: the partner needs another element, not a fix.
    const kind = declaredKind(raw);
    if (kind && kind !== this.options.kind) {
      const tag = TAG_FOR_KIND[kind] ?? '';
      this.fail(generation, {
        message: msg(
          str`This definition is a ${kindName(kind)}, but this element shows a ${kindName(this.options.kind)}. Use <${tag}> for it, or choose a ${kindName(this.options.kind)}.`,
          { id: 'widget.error.wrong-kind' },
        ),
        problems: [{ path: 'kind', message: `"${kind}"` }],
      });
      return;
    }
    const parsed = this.options.parse(raw);
    if (!parsed.ok) {
      const n = parsed.problems.length;
      this.fail(generation, {
        message:
          n === 1
            ? msg('The definition has a problem, so it cannot be shown. The details below say what to fix.', { id: 'widget.error.invalid-one' })
            : msg(str`The definition has ${n} problems, so it cannot be shown. The details below say what to fix.`, { id: 'widget.error.invalid-many' }),
        problems: parsed.problems.map((p) => ({ path: p.path, message: p.message })),
      });
      return;
    }
    this.definition = parsed.definition;
    this.problem = undefined;
    this.set('ready');
  }

  private fail(generation: number, problem: DefinitionProblem): void {
    if (generation !== this.generation) return;
    this.definition = undefined;
    this.problem = problem;
    this.set('error');
    this.host.dispatchEvent(new CarerErrorEvent({ kind: 'definition', message: problem.message, problems: problem.problems }));
  }

  private set(status: DefinitionStatus): void {
    this.status = status;
    if (status === 'loading' || status === 'idle') this.definition = undefined;
    this.host.requestUpdate();
  }
}
