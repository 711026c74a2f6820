/**
 * Every widget's way to its definition. A partner gives one of (first wins):
 * - the `definition` property (an object, or JSON text),
 * - `src`: the URL of a JSON file (fetched without cookies),
 * - `instrument`: a built-in id — from the collector (`GET {endpoint}/api/v1/instruments/:id`) when
 *   an endpoint is set, otherwise from `@carers-voice/content`, loaded lazily.
 * It must be of the widget's kind. Then:
 * - a **checked** definition — its `checked` fingerprint matches (core's fingerprint.ts; added by
 *   `carers-voice-check --write`, by the collector, and carried by every built-in pack) — is used at
 *   once, after a small guard on the shape the widget walks, so the widget never downloads the checker;
 * - anything else is checked in full by core's `parseDefinition`, loaded on first need with
 *   `import()` (zod and the plain-words problem text are in that chunk, not in the widget's
 *   download). Once loaded, later checks on the page are synchronous again.
 * Anything wrong becomes `status: 'error'` with a plain-words message and the list of problems (and
 * a `carer-error` event); nothing is thrown. While the checker loads, `status` is `loading` and the
 * host's `updateComplete` waits for the check, so code that awaits it sees the result as before.
 *
 * ```ts
 * private source = new DefinitionSourceController(this, { kind: 'survey', endpoint: () => this.config.endpoint });
 * render() { if (this.source.status === 'ready') … this.source.definition … }
 * ```
 * Passing `parse` (e.g. core's `parseSurvey`) checks every definition with it, synchronously, as
 * before; the widget then ships that parser up front.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import type { DefinitionOf, InstrumentKind, Problem } from '@carers-voice/core/content';
import { INSTRUMENT_KINDS } from '@carers-voice/core/content/constants';
import { hasValidFingerprint } from '@carers-voice/core/content/fingerprint';
import { CarerErrorEvent, type CarerProblem } from '../events/events.js';
import { builtInInstrument, builtInInstrumentIds } from './builtins.js';
import { looksRenderable } from './definition-shape.js';

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
  /**
   * Checks every definition synchronously with this parser (core's `parseSurvey` …), as before
   * checked definitions existed. Leave it out (the default) to use checked definitions at once and
   * load the checker only when a definition needs it.
   */
  parse?: DefinitionParser<K>;
}

type Checker = (input: unknown) => { ok: true; definition: { kind: string } } | { ok: false; problems: Problem[] };

/** The full checker, once its chunk has loaded (shared by every widget on the page). */
let checker: Checker | undefined;
let checkerLoad: Promise<Checker> | undefined;

/** Loads the checker's chunk (zod, the parsers, the problem text) once; a failed load may be retried. */
function loadChecker(): Promise<Checker> {
  checkerLoad ??= import('./definition-check.js').then(
    (m) => (checker = m.checkDefinition),
    (error: unknown) => {
      checkerLoad = undefined;
      throw error;
    },
  );
  return checkerLoad;
}

/** JSON text read as data (left as it is when it is not JSON: the checker says what is wrong). */
function readJson(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/** The `kind` a definition says it is, when it names one of the four (JSON text already read). */
function declaredKind(data: unknown): InstrumentKind | undefined {
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
  /** A check waiting for the checker's chunk, if any. */
  private checking: Promise<void> | undefined;

  constructor(
    private readonly host: DefinitionHost,
    private readonly options: DefinitionSourceOptions<K>,
  ) {
    host.addController(this);
    if (!options.parse) this.awaitChecksInUpdateComplete();
  }

  /**
   * The host's `updateComplete` also waits for a check that is waiting for the checker's chunk,
   * so `await el.updateComplete` after setting `definition` sees it shown (or its problems), as it
   * did when checking was synchronous. Lit's own hook for this is `getUpdateComplete`; it is
   * wrapped on this host only.
   */
  private awaitChecksInUpdateComplete(): void {
    const host = this.host as unknown as { getUpdateComplete?: () => Promise<boolean> };
    const own = host.getUpdateComplete;
    if (typeof own !== 'function') return;
    host.getUpdateComplete = async () => {
      let result = await own.call(this.host);
      while (this.checking) {
        await this.checking;
        result = await own.call(this.host);
      }
      return result;
    };
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
      // Synchronous when the definition is checked (or the checker is loaded), so a widget given an
      // object renders its first page in the same update.
      const pending = this.accept(generation, source.value);
      if (pending) this.settled = pending;
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

  /** Uses, checks or rejects a definition; returns the check in progress when it waits for the checker. */
  private accept(generation: number, raw: unknown): Promise<void> | undefined {
    if (generation !== this.generation) return;
    const data = readJson(raw);
    // Another kind is named before anything else: the partner needs another element, not a fix.
    const kind = declaredKind(data);
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
    if (this.options.parse) {
      this.checked(generation, this.options.parse(raw));
      return;
    }
    // Checked already (the fingerprint matches) and shaped as the widget expects: use it as it is.
    if (hasValidFingerprint(data) && looksRenderable(this.options.kind, data)) {
      this.succeed(data as DefinitionOf<K>);
      return;
    }
    if (checker) {
      this.checked(generation, checker(raw));
      return;
    }
    this.set('loading');
    const check: Promise<void> = loadChecker().then(
      (loaded) => this.checked(generation, loaded(raw)),
      () =>
        this.fail(generation, {
          message: msg('The definition could not be checked, because part of this form did not load. Reload the page to try again.', {
            id: 'widget.error.checker-load',
          }),
          problems: [],
        }),
    );
    const done = check.finally(() => {
      if (this.checking === done) this.checking = undefined;
    });
    this.checking = done;
    return done;
  }

  /** The outcome of a full check. */
  private checked(generation: number, parsed: ReturnType<Checker>): void {
    if (generation !== this.generation) return;
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
    this.succeed(parsed.definition as DefinitionOf<K>);
  }

  private succeed(definition: DefinitionOf<K>): void {
    this.definition = definition;
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
