import { expect, fixture, html } from '@open-wc/testing';
import { longDocument } from '@carers-voice/core/document';
import '../../packages/elements/src/priority-check/define.js';
import type { CarerPriorityCheck } from '../../packages/elements/src/priority-check/carer-priority-check.js';
import { sampleStatementSet } from '../../packages/elements/src/priority-check/sample-definition.js';
import { htmlToText } from '../../packages/elements/src/priority-check/document-text.js';

const sr = (el: Element) => el.shadowRoot!;
const $ = <T extends HTMLElement = HTMLElement>(el: Element, s: string) => sr(el).querySelector<T>(s)!;

async function make(): Promise<CarerPriorityCheck> {
  const el = await fixture<CarerPriorityCheck>(
    html`<carer-priority-check mode="document" .definition=${sampleStatementSet()}></carer-priority-check>`,
  );
  await el.updateComplete;
  return el;
}

async function paste(el: CarerPriorityCheck, text: string): Promise<void> {
  const area = $<HTMLTextAreaElement>(el, '#doc-text');
  area.value = text;
  area.dispatchEvent(new Event('input'));
  $<HTMLButtonElement>(el, 'button[type=submit]').click();
  await new Promise((r) => setTimeout(r, 0));
  while ((el as unknown as { checking: boolean }).checking) await new Promise((r) => setTimeout(r, 20));
  await el.updateComplete;
}

const LEAFLET =
  'Looking after someone? We offer short breaks for carers every month.\n\n' +
  'We do not offer a carers assessment at the moment. Young carers meet on Fridays.';

describe('<carer-priority-check mode="document">', function () {
  // axe over a 20-statement form takes seconds on a shared, loaded test machine.
  this.timeout(40000);
  it('says the text is never uploaded, and is accessible before a check', async () => {
    const el = await make();
    expect($(el, '[part=privacy]').textContent).to.contain('never uploaded');
    await expect(el).to.be.accessible();
  });

  it('shows addressed, partly and not mentioned statements with highlighted passages', async () => {
    const el = await make();
    const fetches: unknown[] = [];
    const realFetch = window.fetch;
    window.fetch = (...args: Parameters<typeof fetch>) => {
      fetches.push(args[0]);
      return realFetch(...args);
    };
    try {
      await paste(el, LEAFLET);
    } finally {
      window.fetch = realFetch;
    }
    expect(fetches, 'nothing is sent anywhere').to.have.length(0);
    const addressed = $(el, 'ul[data-coverage="addressed"]');
    expect([...addressed.querySelectorAll('li[data-statement]')].map((li) => li.getAttribute('data-statement'))).to.have.members([
      'breaks',
      'young-carers',
    ]);
    const partly = $(el, 'ul[data-coverage="partly"] li[data-statement="assessment"]');
    expect(partly.textContent).to.contain('Mentioned, but says it is not done');
    expect(partly.querySelector('mark')!.textContent).to.contain('carers assessment');
    expect(partly.textContent).to.contain('(says "not")');
    const breaks = addressed.querySelector('li[data-statement="breaks"]')!;
    // The label is text, not colour alone; the passage sits in a keyboard-reachable <details>.
    expect(breaks.querySelector('.coverage-label')!.textContent).to.contain('Addressed');
    const summary = breaks.querySelector('summary')!;
    expect(summary.tabIndex).to.equal(0);
    (summary as HTMLElement).click();
    expect(breaks.querySelector('mark')!.textContent).to.contain('short breaks for carers');
    expect($(el, 'ul[data-coverage="not-mentioned"]').querySelectorAll('li').length).to.equal(17);
    expect($(el, '[data-reading="grade"]').textContent).to.match(/\d/);
    await expect(el).to.be.accessible();
  });

  it('asks for text when there is none (axe in the error state)', async () => {
    const el = await make();
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    expect($(el, '#doc-problem').textContent).to.contain('Paste some text');
    await expect(el).to.be.accessible();
  });

  it('reads an HTML file as text, ignoring scripts and keeping headings apart', async () => {
    const el = await make();
    const file = new File(
      [
        '<html><head><script>window.__ran = true; document.title = "short breaks"</script><style>p{}</style></head>' +
          '<body><h1>Young</h1><p>Carers can ask for <b>short</b> breaks.</p><script>alert(1)</script></body></html>',
      ],
      'leaflet.html',
      { type: 'text/html' },
    );
    const input = $<HTMLInputElement>(el, '#doc-file');
    const dt = new DataTransfer();
    dt.items.add(file);
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
    await new Promise((r) => setTimeout(r, 50));
    while ((el as unknown as { checking: boolean }).checking) await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect((window as unknown as { __ran?: boolean }).__ran).to.equal(undefined);
    expect($<HTMLTextAreaElement>(el, '#doc-text').value).not.to.contain('alert');
    const addressed = [...sr(el).querySelectorAll('ul[data-coverage="addressed"] li[data-statement]')].map((li) => li.getAttribute('data-statement'));
    expect(addressed).to.deep.equal(['breaks']); // "Young" (a heading) and "Carers" are separate sentences
    expect(htmlToText('<p>a</p><p>b</p>')).to.equal('a\n\nb');
  });

  it('checks 50,000 words without freezing the page', async function () {
    this.timeout(60000);
    const el = await make();
    const text = longDocument(50_000);
    // Paste first (the browser's own cost of a 300 kB textarea), then time only the check.
    const area = $<HTMLTextAreaElement>(el, '#doc-text');
    area.value = text;
    area.dispatchEvent(new Event('input'));
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    let frames = 0;
    let longest = 0;
    let last = performance.now();
    let running = true;
    const tick = (t: number) => {
      frames++;
      longest = Math.max(longest, t - last);
      last = t;
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const t0 = performance.now();
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await el.updateComplete;
    const sawProgress = Boolean(sr(el).querySelector('progress'));
    while ((el as unknown as { checking: boolean }).checking) await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    const elapsed = performance.now() - t0;
    running = false;
    const info = `${frames} frames in ${elapsed.toFixed(0)} ms, longest gap ${longest.toFixed(0)} ms`;
    expect(sawProgress, 'a progress bar shows while checking').to.equal(true);
    expect(sr(el).textContent).to.contain('statements addressed');
    expect($(el, 'ul[data-coverage="addressed"]').querySelectorAll('li[data-statement]').length).to.be.greaterThan(5);
    // A synchronous check would paint no frame until it ended. Frames kept coming (at least 5 a
    // second on average, even on a loaded test machine), and no pause was long enough to feel frozen.
    expect(frames, info).to.be.greaterThan(Math.max(3, elapsed / 200));
    expect(longest, info).to.be.lessThan(1000);
  });
});
