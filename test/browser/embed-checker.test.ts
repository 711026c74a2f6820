/**
 * The built drop-in (run `pnpm build:embed` first): the definition checker — zod, the parsers and
 * the plain-words problem text — is a lazy chunk of every widget, fetched only for a definition
 * that is not already checked. A built-in pack (it carries a `checked` fingerprint) renders
 * without it; a partner's unchecked file, or a broken one, fetches it and is checked in full.
 */
import { expect } from '@open-wc/testing';
import pack from '../../packages/content/instruments/quick-poll-have-your-say.json';
import { deep, loadManifest, requireBuild, until, type Manifest } from './embed-helpers.js';

const base = '/packages/embed/dist/v1/';

interface Page {
  win: Window & typeof globalThis;
  doc: Document;
  close: () => void;
}

/** A partner page holding only the loader and `body` (an iframe, so each test starts with nothing loaded). */
async function page(body: string): Promise<Page> {
  await requireBuild();
  const frame = document.createElement('iframe');
  frame.width = '800';
  frame.height = '600';
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.srcdoc = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Partner page</title>
    <script type="module" src="${base}carers-voice.js"></script></head><body>${body}</body></html>`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  return { win, doc: win.document, close: () => frame.remove() };
}

/** The files of the drop-in this page has fetched. */
const fetched = (p: Page) =>
  p.win.performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((path) => path.startsWith(base))
    .map((path) => path.slice(base.length));

/** A widget's checker chunk: the lazy file its build made from elements/src/widget/definition-check.ts. */
function checkerChunk(manifest: Manifest, tag = 'carer-survey'): string {
  const name = manifest.widgets[tag]!.lazy.find((f) => /^[a-z-]+-definition-check-[\w-]+\.js$/.test(f));
  expect(name, `<${tag}> has a definition-check chunk`).to.be.a('string');
  return name!;
}

const shown = (p: Page) => (deep(p.doc, 'carer-survey') as Element | undefined)?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('drop-in: the definition checker loads only when needed', function () {
  this.timeout(30000);

  it('is a lazy chunk of every widget, never part of the up-front download', async () => {
    const manifest = await loadManifest();
    for (const tag of ['carer-survey', 'carer-quiz', 'carer-poll', 'carer-priority-check']) {
      const chunk = checkerChunk(manifest, tag);
      const widget = manifest.widgets[tag]!;
      expect(widget.files, tag).not.to.include(chunk);
      expect(widget.lazy, tag).to.include(chunk);
    }
  });

  it('a built-in survey (checked) renders without fetching the checker', async () => {
    const chunk = checkerChunk(await loadManifest());
    const p = await page('<carer-survey instrument="annual-carers-survey"></carer-survey>');
    try {
      await until(() => /You and your caring/.test(shown(p)), 'the annual survey’s first page');
      expect(fetched(p)).not.to.include(chunk);
    } finally {
      p.close();
    }
  });

  it('an unchecked survey from src fetches the checker, then renders', async () => {
    const chunk = checkerChunk(await loadManifest());
    const p = await page('<carer-survey src="/test/embed/small-survey.txt"></carer-survey>');
    try {
      await until(() => /Two quick questions/.test(shown(p)), 'the small survey');
      expect(fetched(p)).to.include(chunk);
    } finally {
      p.close();
    }
  });

  it('a hand-edited checked definition fetches the checker and shows the partner its problems', async () => {
    const chunk = checkerChunk(await loadManifest());
    const edited = { ...pack, kind: 'survey', pages: [], questions: undefined, showResults: undefined };
    const p = await page('<carer-survey></carer-survey>');
    try {
      (deep(p.doc, 'carer-survey') as HTMLElement & { definition: unknown }).definition = edited;
      await until(() => /not working at the moment/.test(shown(p)), 'the problem panel');
      expect(shown(p)).to.contain('a survey needs at least one page');
      expect(fetched(p)).to.include(chunk);
    } finally {
      p.close();
    }
  });
});
