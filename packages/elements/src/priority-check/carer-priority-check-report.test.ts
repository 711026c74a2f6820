import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import './define.js';
import type { CarerPriorityCheck } from './carer-priority-check.js';
import { sampleStatementSet } from './sample-definition.js';
import { rowsFromCsv, type AssessmentExport } from './report.js';

const sr = (el: Element) => el.shadowRoot!;
const $ = <T extends HTMLElement = HTMLElement>(el: Element, s: string) => sr(el).querySelector<T>(s)!;

let seq = 0;
async function filledIn(): Promise<CarerPriorityCheck> {
  const el = await fixture<CarerPriorityCheck>(
    html`<carer-priority-check partner=${`report-${Date.now()}-${++seq}`} .definition=${sampleStatementSet()}></carer-priority-check>`,
  );
  await el.updateComplete;
  const type = (selector: string, value: string) => {
    const input = $<HTMLInputElement>(el, selector);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  type('#organisation', 'Bury Carers Centre');
  const values = ['met', 'partly-met', 'not-yet', 'not-applicable'];
  const likerts = [...sr(el).querySelectorAll<HTMLElement>('carer-likert')];
  likerts.slice(0, 7).forEach((likert, i) => {
    const want = values[i % values.length]!;
    [...likert.shadowRoot!.querySelectorAll<HTMLInputElement>('input')].find((r) => r.value === want)!.click();
  });
  type('#awareness-training-evidence', '=HYPERLINK("http://evil.example","click") and "quotes", commas\nnew line');
  type('#awareness-training-owner', '@Sam');
  type('#awareness-training-review', '2026-03-31');
  type('#carers-champion-evidence', '-10% waiting list');
  await el.updateComplete;
  return el;
}

/** Clicks a download button and returns the file's name and text (captured from the blob URL). */
async function download(el: CarerPriorityCheck, kind: 'json' | 'csv'): Promise<{ name: string; text: string }> {
  const realCreate = URL.createObjectURL;
  let blob: Blob | undefined;
  URL.createObjectURL = (b: Blob | MediaSource) => {
    blob = b as Blob;
    return realCreate.call(URL, b);
  };
  let name = '';
  const onClick = (e: Event) => {
    const a = e.composedPath()[0] as HTMLAnchorElement;
    if (a.localName === 'a') {
      name = a.download;
      e.preventDefault();
    }
  };
  sr(el).addEventListener('click', onClick, true);
  try {
    $<HTMLButtonElement>(el, `button[data-download="${kind}"]`).click();
  } finally {
    URL.createObjectURL = realCreate;
    sr(el).removeEventListener('click', onClick, true);
  }
  return { name, text: await blob!.text() };
}

describe('<carer-priority-check> report and downloads', function () {
  // axe over a 20-statement form takes seconds on a shared, loaded test machine.
  this.timeout(40000);
  afterEach(() => emulateMedia({ media: 'screen' }));

  it('JSON download parses back to the same data, with totals equal to the ratings', async () => {
    const el = await filledIn();
    const { name, text } = await download(el, 'json');
    expect(name).to.match(/^sample-priorities-self-assessment-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(text) as AssessmentExport;
    const { exportedAt: _a, ...fromFile } = data;
    const { exportedAt: _b, ...fromWidget } = el.exportData();
    expect(fromFile).to.deep.equal(fromWidget);
    expect(data.organisation).to.equal('Bury Carers Centre');
    const rated = data.rows.filter((r) => r.rating);
    expect(rated).to.have.length(7);
    for (const value of ['met', 'partly-met', 'not-yet', 'not-applicable']) {
      expect(data.summary.totals[value], value).to.equal(rated.filter((r) => r.rating === value).length);
    }
    expect(data.summary.unrated).to.equal(3);
  });

  it('CSV download is formula-safe and parses back to the same rows', async () => {
    const el = await filledIn();
    const { name, text } = await download(el, 'csv');
    expect(name).to.match(/\.csv$/);
    // Cells that a spreadsheet would run as formulas start with an apostrophe in the file.
    expect(text).to.contain(`"'=HYPERLINK(""http://evil.example"",""click"") and ""quotes"", commas\nnew line"`);
    expect(text).to.contain(`"'@Sam"`);
    expect(text).to.contain(`"'-10% waiting list"`);
    const rows = rowsFromCsv(text.replace(/^\ufeff/, ''));
    expect(rows).to.deep.equal(el.exportData().rows);
  });

  it('the print view shows only the report', async () => {
    const el = await filledIn();
    const report = $(el, '#report');
    const form = $(el, 'form');
    expect(getComputedStyle(report).display).to.equal('none');
    await emulateMedia({ media: 'print' });
    expect(matchMedia('print').matches).to.equal(true);
    expect(getComputedStyle(report).display).to.equal('block');
    expect(getComputedStyle(form).display).to.equal('none');
    expect(report.textContent).to.contain('Annual progress report: Sample carers’ priorities');
    expect(report.textContent).to.contain('Bury Carers Centre');
    expect(report.textContent).to.contain('@Sam');
    const met = report.querySelector('tfoot td[data-value="met"]')!;
    expect(met.textContent!.trim()).to.equal('2');
    expect(report.getBoundingClientRect().height).to.be.greaterThan(200);
  });

  it('Print report opens the report and calls print()', async () => {
    const el = await filledIn();
    const realPrint = window.print;
    let printed = 0;
    window.print = () => void printed++;
    try {
      [...sr(el).querySelectorAll('button')].find((b) => b.textContent!.includes('Print report'))!.click();
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 0));
    } finally {
      window.print = realPrint;
    }
    expect(printed).to.equal(1);
    expect($(el, '#report').hidden).to.equal(false);
    await expect(el).to.be.accessible();
  });
});
