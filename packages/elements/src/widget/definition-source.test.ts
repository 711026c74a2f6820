/**
 * Checked definitions render at once, without the checker's chunk (zod, parsers, problem text);
 * anything else loads the checker and is checked in full. The order of the tests matters: the
 * first ones prove the checker has not been requested yet, the later ones that it then is.
 *
 * "Requested" is what the browser fetched (Resource Timing). This file imports nothing that loads
 * core's parse.ts or problems.ts itself, so those modules appear only when the controller imports
 * the checker.
 */
import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { Survey } from '@carers-voice/core/content';
import { definitionFingerprint, withFingerprint } from '@carers-voice/core/content/fingerprint';
import { sampleSurvey } from '@carers-voice/core/content/fixtures';
import { DefinitionController, newestDefinition } from './definition-controller.js';
import { surveyShape } from './definition-shape.js';
import { renderDefinitionProblem, renderLoading } from './definition-problem.js';

class DefinitionHostForTest extends LitElement {
  @property({ attribute: false }) definition?: unknown;
  @property() src?: string;
  @property() instrument?: string;
  readonly source = new DefinitionController<'survey'>(this, { kind: 'survey', shape: surveyShape });
  readonly errors: string[] = [];

  constructor() {
    super();
    this.addEventListener('carer-error', (e) => this.errors.push((e as CustomEvent<{ message: string }>).detail.message));
  }

  override render() {
    switch (this.source.status) {
      case 'ready':
        return html`<h2>${this.source.definition!.title}</h2>
          <p class="pages">${this.source.definition!.pages.length} pages</p>`;
      case 'error':
        return renderDefinitionProblem(this.source.problem!);
      default:
        return renderLoading();
    }
  }
}
customElements.define('definition-host-for-test', DefinitionHostForTest);

/** Whether the browser has fetched the checker (its chunk, core's parse.ts or problems.ts, or zod). */
const checkerRequested = () =>
  performance.getEntriesByType('resource').some((e) => /widget\/definition-check\.ts|content\/(parse|problems)\.ts|\/zod\//.test(e.name));

const shown = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

async function host(setup: (el: DefinitionHostForTest) => void): Promise<DefinitionHostForTest> {
  const el = document.createElement('definition-host-for-test') as DefinitionHostForTest;
  setup(el);
  const wrapper = await fixture<HTMLDivElement>(testHtml`<div></div>`);
  wrapper.append(el);
  await el.updateComplete;
  return el;
}

const checked = (): Survey & { checked: string } => withFingerprint(JSON.parse(JSON.stringify(sampleSurvey)) as Survey);

describe('checked definitions (no checker download)', () => {
  it('has not fetched the checker before any definition is given', () => {
    expect(checkerRequested()).to.equal(false);
  });

  it('a built-in pack (instrument="annual-carers-survey") renders without fetching the checker', async () => {
    const el = await host((e) => (e.instrument = 'annual-carers-survey'));
    await el.source.complete;
    await el.updateComplete;
    expect(el.source.status).to.equal('ready');
    expect(shown(el)).to.contain('Local annual carers survey');
    expect(checkerRequested()).to.equal(false);
  });

  it('a checked definition object renders in the same update, without fetching the checker', async () => {
    const el = document.createElement('definition-host-for-test') as DefinitionHostForTest;
    el.definition = checked();
    document.body.append(el);
    await el.updateComplete;
    expect(el.source.status).to.equal('ready');
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal(sampleSurvey.title);
    expect(checkerRequested()).to.equal(false);
    el.remove();
  });

  it('checked JSON text works the same way, and its keys may come in any order', async () => {
    const reordered = Object.fromEntries(Object.entries(checked()).reverse());
    const el = await host((e) => (e.definition = JSON.stringify(reordered)));
    expect(el.source.status).to.equal('ready');
    expect(shown(el)).to.contain(`${sampleSurvey.pages.length} pages`);
    expect(checkerRequested()).to.equal(false);
  });

  it('a checked definition of another kind is refused in place, still without the checker', async () => {
    const poll = withFingerprint({ kind: 'poll', id: 'p', version: 1, title: 'P', privacy: { anonymous: true }, questions: [], showResults: 'never' });
    const el = await host((e) => (e.definition = poll));
    expect(el.source.status).to.equal('error');
    expect(shown(el)).to.contain('This definition is a poll, but this element shows a survey');
    expect(checkerRequested()).to.equal(false);
  });
});

describe('anything else is checked in full (checker loaded on demand)', () => {
  it('a hand-edited checked definition falls back to the full check and shows its problems in place', async () => {
    const edited = checked() as unknown as Record<string, unknown>;
    edited['colour'] = 'blue'; // a key the schema does not know: the fingerprint no longer matches
    const el = await host((e) => (e.definition = edited));
    // updateComplete waited for the checker and the check.
    expect(el.source.status).to.equal('error');
    expect(checkerRequested()).to.equal(true);
    const text = shown(el);
    expect(text).to.contain('Sorry, this form is not working at the moment');
    expect(text).to.contain('The definition has a problem, so it cannot be shown');
    expect(text).to.contain('unknown key "colour"');
    expect(el.errors.length).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('a forged fingerprint on a broken shape never crashes the widget: the full check explains it', async () => {
    const forged: Record<string, unknown> = { ...checked(), pages: 'not a list' };
    forged['checked'] = definitionFingerprint(forged);
    const el = await host((e) => (e.definition = forged));
    expect(el.source.status).to.equal('error');
    expect(el.source.problem!.problems.map((p) => p.path)).to.include('pages');
  });

  it('an unchecked valid definition renders after the check (synchronously now the checker is loaded)', async () => {
    const el = document.createElement('definition-host-for-test') as DefinitionHostForTest;
    el.definition = sampleSurvey;
    document.body.append(el);
    await el.updateComplete;
    expect(el.source.status).to.equal('ready');
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal(sampleSurvey.title);
    expect('checked' in el.source.definition!).to.equal(false);
    el.remove();
  });

  it('a checked definition still renders as it is once the checker is loaded', async () => {
    const definition = checked();
    const el = await host((e) => (e.definition = definition));
    expect(el.source.definition).to.equal(definition);
  });
});

describe('a definition the drop-in asked for already (packages/embed prefetch)', () => {
  const store = () => {
    const page = globalThis as unknown as Record<symbol, Map<string, Promise<Response | void>> | undefined>;
    return (page[Symbol.for('carers-voice/prefetch')] ??= new Map());
  };
  const url = (name: string) => new URL(`/prefetch-test/${name}.json`, document.baseURI).href;
  const json = (d: unknown) => new Response(JSON.stringify(d), { headers: { 'content-type': 'application/json' } });

  /** Runs `body` with window.fetch answering the test's URLs with `answer` and counting the calls. */
  async function withFetch(answer: (url: string) => Promise<Response>, body: (calls: string[]) => Promise<void>): Promise<void> {
    const calls: string[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      const u = String(input);
      if (!u.includes('/prefetch-test/')) return original(input, init);
      calls.push(u);
      return answer(u);
    };
    try {
      await body(calls);
    } finally {
      window.fetch = original;
    }
  }

  it('takes the answer the drop-in already has for its src, instead of asking again', async () => {
    store().set(url('early'), Promise.resolve(json(withFingerprint(sampleSurvey))));
    await withFetch(
      () => Promise.reject(new Error('should not be asked')),
      async (calls) => {
        const el = await host((e) => (e.src = '/prefetch-test/early.json'));
        await el.source.complete;
        await el.updateComplete;
        expect(shown(el)).to.contain(sampleSurvey.title);
        expect(calls, 'no second request').to.deep.equal([]);
        expect(store().has(url('early')), 'taken once').to.equal(false);
      },
    );
  });

  it('asks itself when the drop-in’s request failed, and a second widget with the same src asks too', async () => {
    store().set(url('failed'), Promise.resolve(undefined));
    await withFetch(
      () => Promise.resolve(json(withFingerprint(sampleSurvey))),
      async (calls) => {
        const first = await host((e) => (e.src = '/prefetch-test/failed.json'));
        await first.source.complete;
        await first.updateComplete;
        expect(shown(first)).to.contain(sampleSurvey.title);
        const second = await host((e) => (e.src = '/prefetch-test/failed.json'));
        await second.source.complete;
        await second.updateComplete;
        expect(shown(second)).to.contain(sampleSurvey.title);
        expect(calls, 'each asks itself').to.deep.equal(['/prefetch-test/failed.json', '/prefetch-test/failed.json']);
      },
    );
  });
});

describe('newestDefinition (what the collector may answer for an instrument)', () => {
  const v = (version: number) => ({ id: 'x', version });
  it('takes the newest of a list, of { versions } or { definitions }, unwrapping { definition }', () => {
    expect(newestDefinition([v(1), v(3), v(2)])).to.deep.equal(v(3));
    expect(newestDefinition({ id: 'x', versions: [{ version: 1, definition: v(1) }, { version: 2, definition: v(2) }] })).to.deep.equal(v(2));
    expect(newestDefinition({ definitions: [v(4), v(2)] })).to.deep.equal(v(4));
  });
  it('unwraps a lone { definition } and leaves a bare definition as it is', () => {
    expect(newestDefinition({ definition: v(5) })).to.deep.equal(v(5));
    expect(newestDefinition(v(6))).to.deep.equal(v(6));
    expect(newestDefinition('text')).to.equal('text');
    expect(newestDefinition([])).to.equal(undefined);
  });
});
