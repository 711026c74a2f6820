/**
 * End to end, over real HTTP on loopback: the demo's collector (embedded PostgreSQL in a temporary
 * folder, no sample data) with its three partner sites, driven by headless Chromium.
 *
 * A carer completes the annual survey on the carers centre's page; the dashboard then says there are
 * too few responses to show; after more responses it shows the (rounded) count, while one small group
 * still reads "fewer than 8". axe runs on every dashboard view; filters and tables are used by
 * keyboard only; a partner viewer cannot read another partner's results, by API or in the page.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createEnvelope } from '@carers-voice/core/response';
import { DEMO_PASSWORD, startDemo, type RunningDemo } from '../../apps/demo/src/server/demo.js';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const ARGS = ['--no-sandbox', '--disable-gpu', '--headless', '--no-first-run', '--disable-background-networking'];
const TIMEOUT = 60_000;

let demo: RunningDemo;
let browser: Browser;
let dataDir: string;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'cv-e2e-'));
  demo = await startDemo({ dataDir, sampleScale: 0, log: () => {} });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
});

after(async () => {
  await browser?.close();
  await demo?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function countStored(partner: string): Promise<number> {
  const row = await demo.database.db
    .selectFrom('responses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('partner_id', '=', partner)
    .where('instrument_id', '=', 'annual-carers-survey')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Answers whatever the current survey page asks (last radio of each group, first checkbox), then continues. */
// Plain JavaScript in a string: the test file is compiled with helpers (e.g. __name) a page lacks.
const ANSWER_PAGE = `(() => {
  const survey = document.querySelector('carer-survey');
  const inputs = [];
  const buttons = [];
  const walk = (root) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (el instanceof HTMLInputElement) inputs.push(el);
      if (el instanceof HTMLButtonElement) buttons.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(survey.shadowRoot);
  const heading = survey.shadowRoot.querySelector('[data-heading], h1, h2')?.textContent?.trim() ?? '';
  const visible = (el) => el.getClientRects().length > 0;
  // One group per shadow root and input name (each question control has its own root).
  const groups = new Map();
  for (const i of inputs.filter((x) => (x.type === 'radio' || x.type === 'checkbox') && visible(x))) {
    const byName = groups.get(i.getRootNode()) ?? new Map();
    groups.set(i.getRootNode(), byName);
    const key = i.type + '|' + i.name;
    byName.set(key, [...(byName.get(key) ?? []), i]);
  }
  for (const list of [...groups.values()].flatMap((m) => [...m.values()])) {
    if (list.some((i) => i.checked)) continue;
    (list[0].type === 'radio' ? list[list.length - 1] : list[0]).click();
  }
  const next = buttons.find((b) => /^(Continue|Send my answers)$/.test(b.textContent?.trim() ?? '') && visible(b));
  next?.click();
  return heading + ' → ' + (next?.textContent?.trim() ?? 'no button');
})()`;

/** Answers whatever the current survey page asks (last radio of each group, first checkbox), then continues. */
async function answerPage(page: Page): Promise<string> {
  return page.evaluate(ANSWER_PAGE);
}

async function signIn(context: BrowserContext, username: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(demo.dashboardUrl);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Results', exact: true }).waitFor({ timeout: TIMEOUT });
  return page;
}

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
  return result;
}

function surveyEnvelope(age: string, more: Record<string, unknown> = {}) {
  const now = Date.now();
  const answers: Record<string, unknown> = {
    'age-band': age,
    'cared-for': ['parent'],
    needs: ['dementia'],
    'caring-hours': '20-34',
    'caring-length': '1-4',
    'work-study': ['retired'],
    'general-health': 'good',
    'health-effects': ['tired'],
    coping: 6,
    'time-for-me': 'weekly',
    'choice-in-caring': 'some',
    'emergency-plan': 'no',
    'social-contact': 'quite-often',
    lonely: 'sometimes',
    'meet-other-carers': 'yes',
    'info-ease': 'fairly-easy',
    'gp-knows': 'yes',
    'hospital-discharge': 'not-applicable',
    'staff-listen': 'agree',
    'assessment-offered': 'yes',
    'assessment-had': 'no',
    'assessment-wanted': 'yes',
    'support-used': ['carers-service'],
    'break-possible': 'no',
    'support-satisfaction': 'satisfied',
    'priority-balance': 'partly-true',
    'priority-health': 'partly-true',
    'priority-recognised': 'partly-true',
    'priority-connected': 'partly-true',
    'money-worries': 'sometimes',
    'money-advice': 'no-not-needed',
    'help-most': ['breaks'],
    'contact-consent': 'no',
    ...more,
  };
  return createEnvelope({
    instrument: { id: 'annual-carers-survey', version: 1 },
    partner: 'millbrook-carers-centre',
    locale: 'en-GB',
    startedAt: new Date(now - 600_000),
    submittedAt: new Date(now),
    answers: answers as never,
  });
}

test('a carer completes the annual survey on the carers centre page', { timeout: 300_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const centre = demo.sites.find((s) => s.key === 'centre')!;
  await page.goto(`${centre.url}/`);
  await page.getByText('Page 1 of 13').waitFor({ timeout: 2 * TIMEOUT });
  // Take longer than the collector's minimum completion time, as a person would.
  await page.waitForTimeout(5500);
  const trail: string[] = [];
  for (let i = 0; i < 30; i++) {
    if (await page.getByText('Sent. Your answers have reached the service.').isVisible()) break;
    trail.push(await answerPage(page));
    await page.waitForTimeout(300);
  }
  await page.getByText('Sent. Your answers have reached the service.').waitFor({ timeout: 2 * TIMEOUT }).catch((e: Error) => {
    throw new Error(`${e.message}\npages: ${trail.join(' | ')}\npage errors: ${errors.join(' | ')}`);
  });
  assert.deepEqual(errors, []);
  assert.equal(await countStored('millbrook-carers-centre'), 1, `one response stored (pages: ${trail.join(' | ')})`);
  await context.close();
});

test('the GP surgery shows the annual survey in iframe mode: the frame is the collector\'s, sized to the survey, and the page passes axe', { timeout: 180_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 400, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const surgery = demo.sites.find((s) => s.key === 'surgery')!;
  await page.goto(`${surgery.url}/carers-survey.html`);
  const frameElement = page.locator('carer-survey iframe');
  await frameElement.waitFor({ timeout: 2 * TIMEOUT });
  const frame = page.frameLocator('carer-survey iframe');
  await frame.getByText('Page 1 of 13').waitFor({ timeout: 2 * TIMEOUT });
  // The frame is served by the collector (another origin), for this partner and this page's origin.
  const src = new URL((await frameElement.getAttribute('src'))!);
  assert.equal(src.origin, demo.collectorUrl);
  assert.equal(src.searchParams.get('partner'), 'kestrel-road-surgery');
  // It grows to the survey's height (no inner scrolling): far taller than the reserved space. Chromium
  // pauses rendering in a cross-origin frame that is off screen, so the size arrives once it is seen.
  await frameElement.scrollIntoViewIfNeeded();
  let height = 0;
  for (let i = 0; i < 40 && height < 1000; i++) {
    height = await frameElement.evaluate((el) => el.getBoundingClientRect().height);
    await page.waitForTimeout(250);
  }
  assert.ok(height >= 1000, `the frame is sized to the survey (${height}px)`);
  // The partner page itself never downloaded the survey's code.
  const manifest = (await (await fetch(`${demo.collectorUrl}/embed/v1/manifest.json`)).json()) as {
    widgets: Record<string, { files: string[]; lazy: string[] }>;
    frame: { host: { files: string[] } };
  };
  const host = new Set(manifest.frame.host.files);
  const surveyOnly = [...manifest.widgets['carer-survey']!.files, ...manifest.widgets['carer-survey']!.lazy].filter((f) => !host.has(f));
  assert.ok(surveyOnly.length > 0);
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.split('/').pop() ?? ''));
  assert.ok(loaded.some((f) => manifest.frame.host.files.includes(f)), `the frame host was loaded: ${loaded.join(', ')}`);
  assert.deepEqual(loaded.filter((f) => surveyOnly.includes(f)), [], 'no survey code on the partner page');
  assert.deepEqual(await axe(page), [], 'surgery survey page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('dashboard: one response is too few to show; after more it shows the rounded count; a small group reads "fewer than 8"', { timeout: 120_000 }, async () => {
  const context = await browser.newContext();
  const page = await signIn(context, 'strategy-admin');
  await page.locator('carer-results').getByText('Too few responses to show').waitFor({ timeout: TIMEOUT });
  assert.ok(await page.getByText('fewer than 8').first().isVisible());

  // Eleven more carers answer: ten aged 45–64 and one aged 18–25.
  const centre = demo.sites.find((s) => s.key === 'centre')!;
  for (const age of [...Array(10).fill('45-64'), '18-25']) {
    const res = await fetch(`${demo.collectorUrl}/api/v1/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: centre.url },
      body: JSON.stringify(surveyEnvelope(age)),
    });
    assert.equal(res.status, 201, await res.text());
  }
  await page.reload();
  // 12 responses, rounded to the nearest 5.
  await page.locator('carer-results').getByText('Based on 10 responses.').waitFor({ timeout: TIMEOUT });

  // One small group: carers aged 18 to 25.
  await page.getByLabel('Age group').selectOption('age-band:18-25');
  await page.getByRole('button', { name: 'Show results' }).click();
  await page.locator('carer-results').getByText('Too few responses to show').waitFor({ timeout: TIMEOUT });
  assert.ok(await page.getByText('fewer than 8').first().isVisible());
  await context.close();
});

test('dashboard: age group and hours caring filter together; a small answer reads "fewer than 8" in the table', { timeout: 120_000 }, async () => {
  // Nine carers aged 65 to 74 who care 50 hours or more a week: six in good health, three in fair.
  const centre = demo.sites.find((s) => s.key === 'centre')!;
  for (let i = 0; i < 9; i++) {
    const res = await fetch(`${demo.collectorUrl}/api/v1/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: centre.url },
      body: JSON.stringify(surveyEnvelope('65-74', { 'caring-hours': '50-plus', 'general-health': i < 6 ? 'good' : 'fair' })),
    });
    assert.equal(res.status, 201, await res.text());
  }
  const context = await browser.newContext({ bypassCSP: true });
  const page = await signIn(context, 'strategy-admin');
  await page.locator('carer-results').getByText('Based on').first().waitFor({ timeout: TIMEOUT });
  await page.getByLabel('Age group').selectOption('age-band:65-74');
  await page.getByLabel('Hours caring a week').selectOption('caring-hours:50-plus');
  await page.getByRole('button', { name: 'Show results' }).click();
  await page.waitForFunction(() => location.hash.includes('where=age-band%3A65-74') && location.hash.includes('where=caring-hours%3A50-plus'), undefined, { timeout: TIMEOUT });
  await page.getByText('Carers in all of these groups — Age group: 65 to 74; Hours caring a week: 50 hours or more.').first().waitFor({ timeout: TIMEOUT }).catch(async () => {
    throw new Error(`no filter line: ${(await page.locator('p.lead').allInnerTexts()).join(' | ')}`);
  });
  // Nine carers in both groups: the combined base is shown, rounded — unless carers posted by the
  // tests before make another pair of age group and hours small: the pairs add up to all carers, so
  // the smallest other pair (these nine) is hidden with it, and the page says why.
  const results = page.locator('carer-results');
  await results.getByText(/^Based on 10 responses\.|^The number of responses is hidden to protect a small group\./).first().waitFor({ timeout: TIMEOUT });
  // Six and three in the health question: both small, each read "fewer than 8", never a number.
  const health = results.locator('section.figure').filter({ has: page.getByRole('heading', { name: 'How is your own health in general?' }) });
  await health.getByRole('button', { name: /Show as a table/ }).click();
  const rows = await health.locator('tbody tr').allInnerTexts();
  const good = rows.find((r) => r.startsWith('Good'));
  assert.ok(good && /fewer than 8/.test(good), `the "Good" row says fewer than 8: ${rows.join(' | ')}`);
  assert.ok(!rows.some((r) => /\t[1-7]\t/.test(`${r}\t`)), `no count from 1 to 7: ${rows.join(' | ')}`);
  // (With the base hidden, so is the answered count, and the summary says only that the numbers are too small.)
  assert.match(await health.locator('.summary').innerText(), /chosen by fewer than 8 people|too small to show/);
  assert.match(await health.locator('.note').innerText(), /fewer than 8/);
  assert.deepEqual(await axe(page), [], 'combined filter view');
  await context.close();
});

test('axe finds nothing on any dashboard view', { timeout: 180_000 }, async () => {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(demo.dashboardUrl);
  await page.getByLabel('User name').waitFor();
  assert.deepEqual(await axe(page), [], 'sign-in view');
  await page.close();
  const signedIn = await signIn(context, 'strategy-admin');
  for (const [view, ready] of [
    ['results', 'Based on'],
    ['indicators', 'Change since last year'],
    ['priorities', 'Priority statements across organisations'],
    ['polls', 'You said, we did'],
  ] as const) {
    await signedIn.goto(`${demo.dashboardUrl}#/${view}`);
    await signedIn.getByText(ready).first().waitFor({ timeout: TIMEOUT });
    await signedIn.waitForTimeout(500);
    assert.deepEqual(await axe(signedIn), [], `${view} view`);
  }
  await context.close();
});

test('filters and tables work by keyboard alone', { timeout: 120_000 }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(demo.dashboardUrl);
  await page.getByLabel('User name').waitFor();
  const focusedLabel = () =>
    page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return `${el?.tagName.toLowerCase()}|${el?.id}|${el?.textContent?.trim().slice(0, 40)}`;
    });
  async function tabTo(pattern: RegExp, max = 60) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (pattern.test(await focusedLabel())) return;
    }
    throw new Error(`never reached ${pattern} by Tab (last: ${await focusedLabel()})`);
  }
  await tabTo(/\|username\|/);
  await page.keyboard.type('strategy-admin');
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.locator('carer-results').getByText('Based on').first().waitFor({ timeout: TIMEOUT });

  // Filter to one organisation with the keyboard.
  await tabTo(/\|f-partner\|/);
  await page.keyboard.press('ArrowDown'); // the first organisation
  const chosen = await page.locator('#f-partner').inputValue();
  assert.notEqual(chosen, '');
  await tabTo(/button\|\|Show results/);
  await page.keyboard.press('Enter');
  await page.waitForFunction((p) => location.hash.includes(`partner=${p}`), chosen, { timeout: TIMEOUT });

  // A chart's table, opened by keyboard.
  await page.goto(`${demo.dashboardUrl}#/results`);
  await page.locator('carer-results').getByText('Based on').first().waitFor({ timeout: TIMEOUT });
  await tabTo(/button\|.*\|Show as a table/, 120);
  await page.keyboard.press('Enter');
  const table = page.locator('carer-results table').first();
  await table.waitFor({ timeout: TIMEOUT });
  assert.ok(await table.isVisible(), 'the table shows');
  assert.ok((await table.locator('th').count()) > 1, 'the table has headers');
  await context.close();
});

test('a partner viewer sees only their own organisation (API 403 and page)', { timeout: 120_000 }, async () => {
  const context = await browser.newContext();
  const page = await signIn(context, 'surgery-viewer');
  const other = await page.request.get(`${demo.collectorUrl}/api/v1/results/annual-carers-survey?partner=millbrook-carers-centre`);
  assert.equal(other.status(), 403);
  const byArea = await page.request.get(`${demo.collectorUrl}/api/v1/results/annual-carers-survey?area=${encodeURIComponent('Millbrook Town')}`);
  assert.equal(byArea.status(), 403);
  const own = await page.request.get(`${demo.collectorUrl}/api/v1/results/annual-carers-survey?partner=kestrel-road-surgery`);
  assert.equal(own.status(), 200);

  await page.getByText('Your account sees your own organisation only.').waitFor({ timeout: TIMEOUT });
  assert.equal(await page.locator('#f-partner').count(), 0, 'no organisation choice');
  assert.equal(await page.locator('#f-area').count(), 0, 'no area choice');
  const body = await page.locator('body').innerText();
  assert.ok(!body.includes('Millbrook Carers Centre'), 'no other partner named');
  assert.equal(await page.getByRole('link', { name: /Polls/ }).count(), 0, 'no moderation for viewers');
  // The results on screen are the surgery's: none yet.
  await page.locator('carer-results').getByText('Too few responses to show').waitFor({ timeout: TIMEOUT });

  // The heat map lists only the viewer's organisation.
  await page.goto(`${demo.dashboardUrl}#/priorities`);
  await page.locator('carer-statement-heatmap').waitFor({ timeout: TIMEOUT });
  const rows = await page.locator('carer-statement-heatmap tbody th[scope="row"]').allInnerTexts();
  assert.deepEqual(rows, ['Kestrel Road Surgery']);
  await context.close();
});
