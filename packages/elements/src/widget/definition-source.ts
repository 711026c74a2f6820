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
import type { DefinitionOf, InstrumentKind, Problem } from '@carers-voice/core/content';
import { INSTRUMENT_KINDS } from '@carers-voice/core/content/constants';
import { hasValidFingerprint } from '@carers-voice/core/content/fingerprint';
import { CarerErrorEvent, type CarerProblem } from '../events/events.js';
import { once } from '../base/once.js';
import { builtInInstrument, builtInInstrumentIds } from './builtins.js';
import { looksRenderable, type ShapeGuard } from './definition-shape.js';
import { setProblemPanel, useProblemPanel } from './definition-problem.js';
import type { Why } from './definition-wording.js';

export type DefinitionStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The drop-in's request for `url`, if it made one when it found the tag (packages/embed
 * carers-voice.ts, under the same symbol; `undefined` once settled if it failed): taken once, so a
 * second widget asks for itself.
 */
function prefetched(url: string): Promise<Response | void> | undefined {
  const store = (globalThis as unknown as Record<symbol, Map<string, Promise<Response | void>> | undefined>)[Symbol.for('carers-voice/prefetch')];
  if (!store) return undefined;
  const key = new URL(url, document.baseURI).href;
  const early = store.get(key);
  store.delete(key);
  return early;
}

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
  /**
   * The widget's guard for a checked definition (definition-shape.ts: `surveyShape` …). Without
   * it, every definition gets the full check, checked or not.
   */
  shape?: ShapeGuard;
}

/**
 * Where the definition came from, to notice when the partner changes it: `['definition', value]`,
 * `['src', url]`, `['instrument', id, endpoint]` or `['none']`.
 */
type Source = ['definition', unknown] | ['src', string] | ['instrument', string, string | undefined] | ['none'];

const sameSource = (a: Source | undefined, b: Source): boolean => !!a && a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/** A thing the partner set up wrong (its wording loads when needed): shown in plain words, never thrown. */
class LoadProblem {
  constructor(
    readonly why: Why,
    readonly problems: CarerProblem[] = [],
  ) {}
}

/** The failure wording, once its chunk (or the checker's) has loaded. */
let describe: ((why: Why) => string) | undefined;

/** Loads the failure wording once (a failed load may be retried). */
const loadWording = once(() =>
  import('./definition-wording.js').then((m) => {
    setProblemPanel(m.renderProblemPanel, m.problemPanelStyles);
    return (describe = m.describe);
  }),
);

/**
 * The collector may answer `GET /instruments/:id` with the definition itself, `{ definition }`,
 * or every registered version (`[…]`, `{ versions: […] }`, `{ definitions: […] }`): use the newest.
 */
export function newestDefinition(body: unknown): unknown {
  const list = Array.isArray(body) ? body : isObject(body) ? [body['versions'], body['definitions']].find(Array.isArray) : undefined;
  if (!list) return isObject(body) && 'definition' in body ? body['definition'] : body;
  const defs = list.map((d) => (isObject(d) && 'definition' in d ? d['definition'] : d));
  const version = (d: unknown) => (isObject(d) && typeof d['version'] === 'number' ? d['version'] : 0);
  return defs.reduce((best, d) => (version(d) > version(best) ? d : best), defs[0]);
}

const isObject = (d: unknown): d is Record<string, unknown> => !!d && typeof d === 'object';

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

/**
 * Loads the checker's chunk (zod, the parsers, the problem text) once, shared by every widget on
 * the page; a failed load may be retried. `loadChecker.value`: the checker, once loaded.
 */
const loadChecker = once((): Promise<Checker> =>
  import('./definition-check.js').then((m) => {
    describe ??= m.describe;
    setProblemPanel(m.renderProblemPanel, m.problemPanelStyles);
    return m.checkDefinition;
  }),
);

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
  /** Idle (no src, instrument or definition) for a moment: what to tell the partner, once its wording has loaded. */
  idleMessage: string | undefined;

  private source: Source | undefined;
  private generation = 0;
  private abort: AbortController | undefined;
  private settled: Promise<void> = Promise.resolve();
  /** A check waiting for the checker's chunk, or a failure for its wording's, if any. */
  private checking: Promise<void> | undefined;

  constructor(
    private readonly host: DefinitionHost,
    private readonly options: DefinitionSourceOptions<K>,
  ) {
    host.addController(this);
    this.awaitChecksInUpdateComplete();
  }

  /**
   * The host's `updateComplete` also waits for a check that is waiting for the checker's chunk
   * (or a failure waiting for its wording), so `await el.updateComplete` after setting
   * `definition` sees it shown (or its problems), as it did when all this was synchronous. Lit's
   * own hook for this is `getUpdateComplete`; it is wrapped on this host only.
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

  /** Remembers `work` as what `updateComplete` waits for, until it is done. */
  private wait(work: Promise<void>): Promise<void> {
    const done = work.finally(() => {
      if (this.checking === done) this.checking = undefined;
    });
    return (this.checking = done);
  }

  /** Resolves when the current load has finished (either way). */
  get complete(): Promise<void> {
    return this.settled;
  }

  private currentSource(): Source {
    const h = this.host;
    return h.definition != null
      ? ['definition', h.definition]
      : h.src
        ? ['src', h.src]
        : h.instrument
          ? ['instrument', h.instrument, this.options.endpoint?.()]
          : ['none'];
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
    if (source[0] === 'none') {
      this.set('idle');
      // A page may set `definition` just after adding the element: only complain if it stays empty.
      setTimeout(() => {
        const still = () => generation === this.generation && this.host.isConnected;
        if (!still()) return;
        const why: Why = ['none'];
        const tell = (message: string) => {
          if (!still()) return;
          this.idleMessage = message;
          this.host.requestUpdate();
          this.host.dispatchEvent(new CarerErrorEvent({ kind: 'config', message }));
        };
        if (describe) tell(describe(why));
        else loadWording().then((d) => tell(d(why)), () => tell(why[0]));
      }, 0);
      return;
    }
    if (source[0] === 'definition') {
      // Synchronous when the definition is checked (or the checker is loaded), so a widget given an
      // object renders its first page in the same update.
      const pending = this.accept(generation, source[1]);
      if (pending) this.settled = pending;
      return;
    }
    this.set('loading');
    const abort = (this.abort = new AbortController());
    this.settled = this.fetchSource(source, abort.signal).then(
      (raw) => this.accept(generation, raw),
      (error: unknown) => {
        if (generation !== this.generation || abort.signal.aborted) return;
        return error instanceof LoadProblem ? this.fail(generation, error.why, error.problems) : this.fail(generation, ['other', String(error)]);
      },
    );
  }

  private async fetchSource(source: Source, signal: AbortSignal): Promise<unknown> {
    const [from, id, endpoint] = source as [string, string, string | undefined];
    if (from === 'src') return this.fetchJson(id, signal);
    if (endpoint) return newestDefinition(await this.fetchJson(`${endpoint.replace(/\/+$/, '')}/api/v1/instruments/${encodeURIComponent(id)}`, signal));
    const load = builtInInstrument(id);
    if (!load) throw new LoadProblem(['unknown-instrument', id, builtInInstrumentIds().join(', ')]);
    try {
      return await load();
    } catch {
      throw new LoadProblem(['builtin-load', id]);
    }
  }

  private async fetchJson(url: string, signal: AbortSignal): Promise<unknown> {
    let response: Response;
    try {
      const doFetch = this.options.fetch ?? ((i: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(i, init));
      const ask = () => doFetch(url, { credentials: 'omit', signal, headers: { accept: 'application/json' } });
      // The drop-in may have asked already, while this code downloaded; if that failed, ask again.
      const early = this.options.fetch ? undefined : prefetched(url);
      response = (await early) || (await ask());
    } catch {
      throw new LoadProblem(['network', url]);
    }
    if (!response.ok) throw new LoadProblem(response.status === 404 ? ['not-found', url] : ['http', url, response.status]);
    const text = await response.text();
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new LoadProblem(['bad-json', url], [{ path: '', message: error instanceof Error ? error.message : '' }]);
    }
  }

  /** Uses, checks or rejects a definition; returns the check in progress when it waits for a chunk. */
  private accept(generation: number, raw: unknown): Promise<void> | undefined {
    if (generation !== this.generation) return;
    const data = readJson(raw);
    // Another kind is named before anything else: the partner needs another element, not a fix.
    const kind = declaredKind(data);
    const own = this.options.kind;
    if (kind && kind !== own) return this.fail(generation, ['wrong-kind', kind, own], [{ path: 'kind', message: `"${kind}"` }]);
    if (this.options.parse) return this.checked(generation, this.options.parse(raw));
    // Checked already (the fingerprint matches) and shaped as the widget expects: use it as it is.
    const shape = this.options.shape;
    if (shape && hasValidFingerprint(data) && looksRenderable(own, data, shape)) return this.succeed(data as DefinitionOf<K>);
    const checker = loadChecker.value;
    if (checker) return this.checked(generation, checker(raw));
    this.set('loading');
    return this.wait(
      loadChecker().then(
        (loaded) => this.checked(generation, loaded(raw)),
        () => this.fail(generation, ['checker-load']),
      ),
    );
  }

  /** The outcome of a full check. */
  private checked(generation: number, parsed: ReturnType<Checker>): Promise<void> | undefined {
    if (generation !== this.generation) return;
    if (parsed.ok) return this.succeed(parsed.definition as DefinitionOf<K>);
    return this.fail(
      generation,
      ['invalid', parsed.problems.length],
      parsed.problems.map((p) => ({ path: p.path, message: p.message })),
    );
  }

  private succeed(definition: DefinitionOf<K>): undefined {
    this.definition = definition;
    this.problem = undefined;
    this.set('ready');
  }

  /**
   * Shows what is wrong (and tells the page with a `carer-error` event) once its wording is here:
   * at once when the wording's chunk has loaded, else after loading it (the host's
   * `updateComplete` waits). Should even that chunk fail to load, the message is the failure's code.
   */
  private fail(generation: number, why: Why, problems: CarerProblem[] = []): Promise<void> | undefined {
    if (generation !== this.generation) return;
    const show = (message: string): undefined => {
      if (generation !== this.generation) return;
      this.definition = undefined;
      this.problem = { message, problems };
      useProblemPanel(this.host.shadowRoot);
      this.set('error');
      this.host.dispatchEvent(new CarerErrorEvent({ kind: 'definition', message, problems }));
    };
    if (describe) return show(describe(why));
    this.set('loading');
    return this.wait(loadWording().then((d) => show(d(why)), () => show(why.join(' '))));
  }

  private set(status: DefinitionStatus): void {
    this.status = status;
    if (status === 'loading' || status === 'idle') this.definition = undefined;
    this.host.requestUpdate();
  }
}
