/**
 * The strategy group's dashboard: a small single-page app served by the collector's own origin.
 * Everything it shows comes from the collector's API (`/api/v1`), which signs people in, applies
 * small-number suppression and limits partner viewers to their own organisation; the page only
 * offers what the signed-in account may see. Light DOM (page styles, one axe pass), native form
 * controls, and each view's <h1> takes focus after navigation.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import '@carers-voice/charts/define';
import type { ResultsModel, StatementListEntry as Listed, StatementLists as Lists, SuppressedResults } from '@carers-voice/core/aggregate';
import type { StatementHeatmap } from '@carers-voice/charts';

interface User {
  id: number;
  username: string;
  role: 'admin' | 'viewer' | 'moderator';
  partnerId: string | null;
}
interface Partner {
  id: string;
  name: string;
  area: string;
}
interface InstrumentItem {
  id: string;
  kind: string;
  title: string;
  versions: number[];
}
interface Option {
  value: string;
  label: string;
}
interface QuestionLike {
  id: string;
  label: string;
  options?: Option[];
}
interface InstrumentDetail {
  id: string;
  version: number;
  groupBy: string[];
  definition: {
    kind: string;
    title: string;
    pages?: { questions: QuestionLike[] }[];
    questions?: QuestionLike[];
    scale?: Option[];
    groups?: { id: string; title: string; audience: string; statements: { id: string; text: string }[] }[];
    allowStatements?: boolean;
  };
}
type Results = (ResultsModel | SuppressedResults) & { filters?: unknown };

const API = '/api/v1';
const app = document.getElementById('app')!;
const nav = document.getElementById('views')!;
const THIS_YEAR = new Date().getFullYear();
const YEARS = [THIS_YEAR - 2, THIS_YEAR - 1, THIS_YEAR];

let user: User | undefined;
let partners: Partner[] = [];
let instruments: InstrumentItem[] = [];
const details = new Map<string, InstrumentDetail>();

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.method && init.method !== 'GET') headers['x-requested-with'] = 'carers-voice';
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${API}${path}`, {
    method: init.method ?? 'GET',
    headers,
    credentials: 'same-origin',
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = { error: text };
  }
  if (!res.ok) throw new ApiError(res.status, (json as { error?: string }).error ?? `the collector answered ${res.status}`);
  return json as T;
}

async function detail(id: string): Promise<InstrumentDetail> {
  const known = details.get(id);
  if (known) return known;
  const r = await api<{ versions: InstrumentDetail[] }>(`/instruments/${encodeURIComponent(id)}`);
  const latest = r.versions[r.versions.length - 1]!;
  const d = { ...latest, id };
  details.set(id, d);
  return d;
}

function questionsOf(d: InstrumentDetail['definition']): QuestionLike[] {
  return [...(d.pages ?? []).flatMap((p) => p.questions), ...(d.questions ?? [])];
}

// --- routing -------------------------------------------------------------------------------------
type View = 'results' | 'indicators' | 'priorities' | 'polls';
function route(): { view: View; params: URLSearchParams } {
  const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
  const view = (['results', 'indicators', 'priorities', 'polls'] as const).find((v) => v === path) ?? 'results';
  return { view, params: new URLSearchParams(query ?? '') };
}
function go(view: View, params: URLSearchParams) {
  const q = params.toString();
  location.hash = `#/${view}${q ? `?${q}` : ''}`;
}

const VIEWS: { view: View; label: string; roles: User['role'][] }[] = [
  { view: 'results', label: 'Results', roles: ['admin', 'viewer', 'moderator'] },
  { view: 'indicators', label: 'Indicators and trends', roles: ['admin', 'viewer', 'moderator'] },
  { view: 'priorities', label: 'Priority statements', roles: ['admin', 'viewer', 'moderator'] },
  { view: 'polls', label: 'Polls and “you said, we did”', roles: ['admin', 'moderator'] },
];

function renderNav(current: View | undefined) {
  nav.hidden = !user;
  if (!user) {
    render(nothing, nav);
    return;
  }
  const me = user;
  const org = me.partnerId ? partners.find((p) => p.id === me.partnerId)?.name ?? me.partnerId : 'all organisations';
  render(
    html`<div class="wrap">
      <ul>
        ${VIEWS.filter((v) => v.roles.includes(me.role)).map(
          (v) => html`<li><a href="#/${v.view}" aria-current=${current === v.view ? 'page' : nothing}>${v.label}</a></li>`,
        )}
        <li class="who">Signed in as <strong>${me.username}</strong> (${roleName(me.role)}, ${org})</li>
        <li><button class="secondary" type="button" @click=${signOut}>Sign out</button></li>
      </ul>
    </div>`,
    nav,
  );
}

function roleName(role: User['role']) {
  return role === 'admin' ? 'strategy group' : role === 'viewer' ? 'partner viewer' : 'moderator';
}

function focusHeading() {
  const h1 = app.querySelector('h1');
  if (h1) {
    h1.setAttribute('tabindex', '-1');
    h1.focus();
  }
}

let renderToken = 0;
async function show() {
  const token = ++renderToken;
  if (!user) {
    renderNav(undefined);
    return signInView();
  }
  const { view, params } = route();
  const allowed = VIEWS.find((v) => v.view === view)!.roles.includes(user.role);
  renderNav(view);
  const run = allowed ? { results: resultsView, indicators: indicatorsView, priorities: prioritiesView, polls: pollsView }[view] : notAllowedView;
  await run(params, () => token === renderToken);
}

// --- sign in -------------------------------------------------------------------------------------
function signInView(error?: string) {
  document.title = "Sign in – Carers' strategy dashboard (demo)";
  render(
    html`${error
        ? html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary">
            <h2>There is a problem</h2>
            <ul>
              <li><a href="#username" @click=${focusField('username')}>${error}</a></li>
            </ul>
          </div>`
        : nothing}
      <h1>Sign in to the dashboard</h1>
      <p class="lead">For the carers partnership board and partner organisations.</p>
      <div class="notice"><p>Demo accounts are printed in the terminal where <code>pnpm demo</code> is running.</p></div>
      <form novalidate @submit=${signIn}>
        <div class="field">
          <label for="username">User name</label>
          <input type="text" id="username" name="username" autocomplete="username" spellcheck="false" />
        </div>
        <div class="field">
          <label for="password">Password</label>
          <input type="password" id="password" name="password" autocomplete="current-password" />
        </div>
        <button type="submit">Sign in</button>
      </form>`,
    app,
  );
  if (error) (document.getElementById('error-summary') as HTMLElement).focus();
}

function focusField(id: string) {
  return (e: Event) => {
    e.preventDefault();
    document.getElementById(id)?.focus();
  };
}

async function signIn(e: Event) {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  const data = new FormData(form);
  const username = String(data.get('username') ?? '').trim();
  const password = String(data.get('password') ?? '');
  if (!username || !password) return signInView('Enter your user name and password');
  try {
    const r = await api<{ user: User }>('/session', { method: 'POST', body: { username, password } });
    user = r.user;
    await loadBasics();
    if (!location.hash) location.hash = '#/results';
    await show();
    focusHeading();
  } catch (err) {
    signInView(err instanceof ApiError && err.status === 401 ? 'That user name and password do not match an account' : (err as Error).message);
  }
}

async function signOut() {
  await api('/session', { method: 'DELETE' }).catch(() => {});
  user = undefined;
  location.hash = '';
  await show();
  focusHeading();
}

async function loadBasics() {
  partners = (await api<{ partners: Partner[] }>('/partners')).partners;
  instruments = (await api<{ instruments: InstrumentItem[] }>('/instruments')).instruments;
}

function notAllowedView() {
  render(html`<h1>Not available</h1><p>Your account cannot see this page.</p>`, app);
}

// --- filters -------------------------------------------------------------------------------------
interface FilterOptions {
  instrumentKinds: string[];
  /** Offer carer group and compare-by choices. */
  groups: boolean;
  /** Offer the from/to years (the trends view always shows every year). */
  period?: boolean;
  /** Offer "compare groups". */
  compare?: boolean;
}

function filterForm(params: URLSearchParams, d: InstrumentDetail, view: View, opts: FilterOptions): TemplateResult {
  const me = user!;
  const areas = [...new Set(partners.map((p) => p.area).filter(Boolean))].sort();
  const groupQuestions = questionsOf(d.definition).filter((q) => d.groupBy.includes(q.id));
  // Two group filters combine when the instrument counted them together (groupBy "a+b").
  const combinable = d.groupBy.some((g) => g.includes('+'));
  const chosen = new Map(params.getAll('where').map((w) => [w.split(':')[0]!, w]));
  const choices = instruments.filter((i) => opts.instrumentKinds.includes(i.kind));
  const submit = (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const next = new URLSearchParams();
    // One "where" per group filter chosen (age group, hours caring): the collector combines them.
    for (const [k, v] of data.entries()) {
      if (typeof v !== 'string' || !v) continue;
      if (k === 'where') next.append(k, v);
      else next.set(k, v);
    }
    if (next.get('instrument') !== d.id) {
      next.delete('where');
      next.delete('by');
    }
    go(view, next);
  };
  return html`<form class="filters" novalidate @submit=${submit} aria-describedby="filters-hint">
    <fieldset>
      <legend>Filters</legend>
      <p id="filters-hint" class="hint filters-hint">Choose, then select “Show results”. Results are recalculated by the collector with small numbers hidden.${opts.groups && combinable
        ? ' Choose an age group, hours caring, or both: with both, results are for carers in both groups.'
        : ''}</p>
      ${choices.length > 1
        ? html`<div class="field">
            <label for="f-instrument">Survey, quiz or poll</label>
            <select id="f-instrument" name="instrument">
              ${choices.map((i) => html`<option value=${i.id} ?selected=${i.id === d.id}>${i.title}</option>`)}
            </select>
          </div>`
        : html`<input type="hidden" name="instrument" .value=${d.id} />`}
      ${me.role === 'viewer'
        ? html`<div class="field"><span class="label-like"><strong>Organisation</strong></span><br />${partners[0]?.name ?? me.partnerId}
            <span class="hint">Your account sees your own organisation only.</span></div>`
        : html`<div class="field">
              <label for="f-partner">Organisation</label>
              <select id="f-partner" name="partner">
                <option value="">All organisations</option>
                ${partners.map((p) => html`<option value=${p.id} ?selected=${params.get('partner') === p.id}>${p.name}</option>`)}
              </select>
            </div>
            <div class="field">
              <label for="f-area">Area</label>
              <select id="f-area" name="area">
                <option value="">All areas</option>
                ${areas.map((a) => html`<option value=${a} ?selected=${params.get('area') === a}>${a}</option>`)}
              </select>
            </div>`}
      ${opts.period === false
        ? nothing
        : html`<div class="field">
        <label for="f-from">From</label>
        <select id="f-from" name="from">
          <option value="">Any year</option>
          ${YEARS.map((y) => html`<option value=${String(y)} ?selected=${params.get('from') === String(y)}>${y}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="f-to">To</label>
        <select id="f-to" name="to">
          <option value="">Any year</option>
          ${YEARS.map((y) => html`<option value=${String(y)} ?selected=${params.get('to') === String(y)}>${y}</option>`)}
        </select>
      </div>`}
      ${opts.groups && groupQuestions.length
        ? html`${groupQuestions.map(
              (q) => html`<div class="field">
                <label for="f-where-${q.id}">${groupLabel(q)}</label>
                <select id="f-where-${q.id}" name="where">
                  <option value="">All carers</option>
                  ${(q.options ?? []).map((o) => {
                    const v = `${q.id}:${o.value}`;
                    return html`<option value=${v} ?selected=${chosen.get(q.id) === v}>${o.label}</option>`;
                  })}
                </select>
              </div>`,
            )}
            ${opts.compare === false
              ? nothing
              : html`<div class="field">
              <label for="f-by">Compare groups</label>
              <select id="f-by" name="by">
                <option value="">No comparison</option>
                ${groupQuestions.map((q) => html`<option value=${q.id} ?selected=${params.get('by') === q.id}>By ${groupLabel(q).toLowerCase()}</option>`)}
              </select>
            </div>`}`
        : nothing}
      <div class="field"><button type="submit">Show results</button></div>
    </fieldset>
  </form>`;
}

function groupLabel(q: QuestionLike) {
  if (q.id === 'age-band') return 'Age group';
  if (q.id === 'caring-hours') return 'Hours caring a week';
  return q.label;
}

function apiQuery(params: URLSearchParams, keys = ['partner', 'area', 'from', 'to', 'where', 'by']) {
  const q = new URLSearchParams();
  for (const k of keys) {
    // "where" may repeat: each group filter chosen (the collector combines them).
    for (const v of params.getAll(k)) if (v) q.append(k, v);
  }
  if (user?.role === 'viewer') {
    q.delete('area');
    q.set('partner', user.partnerId!);
  }
  return q;
}

function problem(message: string): TemplateResult {
  return html`<div class="error-summary" role="alert">
    <h2>There is a problem</h2>
    <p>${message}</p>
  </div>`;
}

function statusLine(text: string) {
  return html`<p class="visually-hidden" role="status">${text}</p>`;
}

// --- results -------------------------------------------------------------------------------------
async function resultsView(params: URLSearchParams, current: () => boolean) {
  const id = params.get('instrument') ?? 'annual-carers-survey';
  let d: InstrumentDetail;
  try {
    d = await detail(id);
  } catch (e) {
    render(html`<h1>Results</h1>${problem((e as Error).message)}`, app);
    return;
  }
  const title = d.definition.title;
  document.title = `Results: ${title} – Carers' strategy dashboard (demo)`;
  const q = apiQuery(params);
  const form = filterForm(params, d, 'results', { instrumentKinds: ['survey', 'quiz', 'poll', 'statement-set'], groups: true });
  // Which carers these results are for, in words (each group filter chosen).
  const groupWords = q.getAll('where').map((w) => {
    const [qid, value] = w.split(':');
    const question = questionsOf(d.definition).find((x) => x.id === qid);
    const option = question?.options?.find((o) => o.value === value);
    return question ? `${groupLabel(question)}: ${option?.label ?? value}` : w;
  });
  const head = html`<h1>Results: ${title}</h1>${form}${groupWords.length
    ? html`<p class="lead">${groupWords.length > 1 ? 'Carers in all of these groups' : 'Carers in this group'} — ${groupWords.join('; ')}.</p>`
    : nothing}`;
  if (q.get('where') && q.get('by')) {
    render(html`${head}${problem('Choose either a group of carers or a comparison between groups, not both.')}`, app);
    return;
  }
  render(html`${head}<p>Loading results…</p>`, app);
  let results: Results;
  try {
    results = await api<Results>(`/results/${encodeURIComponent(id)}?${q}`);
  } catch (e) {
    if (current()) render(html`${head}${problem((e as Error).message)}`, app);
    return;
  }
  if (!current()) return;
  const exportHref = `${API}/export/${encodeURIComponent(id)}.csv?${q}`;
  render(
    html`${head}
      ${statusLine(results.suppressed ? 'Too few responses to show for these filters.' : `Results updated: ${results.base ?? 'fewer than ' + (results.suppression.threshold + 1)} responses.`)}
      <div class="actions">
        <a class="button secondary" href=${exportHref} download>Download these results (CSV spreadsheet)</a>
        ${user!.role === 'admin' && !q.get('where') && !q.get('by')
          ? html`<a href=${`${API}/export/${encodeURIComponent(id)}/responses.csv?${q}`} download>Download raw anonymous answers (CSV)</a>`
          : nothing}
      </div>
      <carer-results heading-level="2" .results=${results}></carer-results>`,
    app,
  );
}

// --- indicators and trends ----------------------------------------------------------------------
async function indicatorsView(params: URLSearchParams, current: () => boolean) {
  const id = params.get('instrument') ?? 'annual-carers-survey';
  let d: InstrumentDetail;
  try {
    d = await detail(id);
  } catch (e) {
    render(html`<h1>Indicators and trends</h1>${problem((e as Error).message)}`, app);
    return;
  }
  document.title = `Indicators and trends – Carers' strategy dashboard (demo)`;
  const params2 = new URLSearchParams(params);
  params2.delete('from');
  params2.delete('to');
  const q = apiQuery(params2, ['partner', 'area', 'where']);
  const head = html`<h1>Indicators and trends</h1>
    <p class="lead">
      ${d.definition.kind === 'quiz'
        ? html`${d.definition.title}: the share of people who answered each question correctly, year by year — the questions with the lowest share show the most common misconceptions.`
        : html`${d.definition.title}: the share of carers giving a positive answer to each indicator question, year by year.`}
    </p>
    ${filterForm(params, d, 'indicators', { instrumentKinds: ['survey', 'quiz'], groups: true, period: false, compare: false })}`;
  render(html`${head}<p>Loading…</p>`, app);
  let results: Results;
  try {
    results = await api<Results>(`/results/${encodeURIComponent(id)}?${q}`);
  } catch (e) {
    if (current()) render(html`${head}${problem((e as Error).message)}`, app);
    return;
  }
  if (!current()) return;
  if (results.suppressed) {
    render(html`${head}${statusLine('Too few responses to show.')}<carer-results heading-level="2" .results=${results}></carer-results>`, app);
    return;
  }
  const model = results;
  if (model.indicators.length === 0) {
    render(html`${head}${statusLine('No indicators.')}<p>${d.definition.title} has no indicators (an "am I a carer?" check has no right answers). Its results page shows where people's checks ended.</p>`, app);
    return;
  }
  const years = model.trends.map((t) => t.year).sort((a, b) => a - b);
  const last = years[years.length - 1];
  const prev = years[years.length - 2];
  const at = (year: number | undefined, ind: string) => model.trends.find((t) => t.year === year)?.indicators.find((i) => i.id === ind)?.percent ?? null;
  const change = (a: number | null, b: number | null) => {
    if (a === null || b === null) return html`<span>not enough answers to compare</span>`;
    const diff = Math.round(b - a);
    if (diff === 0) return html`<span>no change</span>`;
    return html`<span class=${diff > 0 ? 'up' : 'down'}>${diff > 0 ? 'up' : 'down'} ${Math.abs(diff)} percentage ${Math.abs(diff) === 1 ? 'point' : 'points'}</span>`;
  };
  const pct = (v: number | null) => (v === null ? 'hidden' : `${Math.round(v)}%`);
  render(
    html`${head}
      ${statusLine('Indicators updated.')}
      <h2>Change since last year</h2>
      ${prev === undefined
        ? html`<p>Only one year of responses so far: the change shows from the second year.</p>`
        : html`<table class="data">
            <caption>Indicators, ${prev} and ${last}${last === THIS_YEAR ? ' (so far this year)' : ''}</caption>
            <thead>
              <tr><th scope="col">Indicator</th><th scope="col" class="num">${prev}</th><th scope="col" class="num">${last}</th><th scope="col">Change since last year</th></tr>
            </thead>
            <tbody>
              ${model.indicators.map(
                (ind) => html`<tr>
                  <th scope="row">${ind.label}</th>
                  <td class="num">${pct(at(prev, ind.id))}</td>
                  <td class="num">${pct(at(last, ind.id))}</td>
                  <td>${change(at(prev, ind.id), at(last, ind.id))}</td>
                </tr>`,
              )}
            </tbody>
          </table>`}
      <carer-results heading-level="2" question="trends" .results=${retitled(model, 'Trends year on year')}></carer-results>
      <carer-results heading-level="2" question="indicators" .results=${retitled(model, 'Indicators, all years together')}></carer-results>`,
    app,
  );
}

/** Two views of one result set on a page need different headings (and so different landmark names). */
function retitled(model: ResultsModel, title: string): ResultsModel {
  return { ...model, instrument: { ...model.instrument, title } };
}

// --- priority statements heat map ----------------------------------------------------------------
async function prioritiesView(params: URLSearchParams, current: () => boolean) {
  const sets = instruments.filter((i) => i.kind === 'statement-set');
  const id = params.get('instrument') ?? sets[0]?.id;
  document.title = `Priority statements – Carers' strategy dashboard (demo)`;
  if (!id) {
    render(html`<h1>Priority statements</h1><p>No statement set is registered yet.</p>`, app);
    return;
  }
  const d = await detail(id);
  const year = params.get('year') ?? '';
  const choose = (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const next = new URLSearchParams();
    for (const [k, v] of data.entries()) if (typeof v === 'string' && v) next.set(k, v);
    go('priorities', next);
  };
  const head = html`<h1>Priority statements across organisations</h1>
    <p class="lead">How each organisation’s teams rated themselves against “${d.definition.title}”. Each cell gives the share of ratings that said the statement is met.</p>
    <form class="filters" novalidate @submit=${choose}>
      <fieldset>
        <legend>Filters</legend>
        ${sets.length > 1
          ? html`<div class="field"><label for="p-set">Statement set</label>
              <select id="p-set" name="instrument">${sets.map((s) => html`<option value=${s.id} ?selected=${s.id === id}>${s.title}</option>`)}</select></div>`
          : html`<input type="hidden" name="instrument" .value=${id} />`}
        <div class="field">
          <label for="p-year">Year</label>
          <select id="p-year" name="year">
            <option value="">All years</option>
            ${YEARS.map((y) => html`<option value=${String(y)} ?selected=${year === String(y)}>${y}</option>`)}
          </select>
        </div>
        <div class="field"><button type="submit">Show ratings</button></div>
      </fieldset>
    </form>`;
  render(html`${head}<p>Loading…</p>`, app);
  const statements = (d.definition.groups ?? []).filter((g) => g.audience === 'organisation').flatMap((g) => g.statements);
  const scale = (d.definition.scale ?? []).map((s) => ({ value: s.value, label: s.label, ...(s.value === 'not-applicable' ? { outside: true } : {}) }));
  const rows: StatementHeatmap['rows'] = [];
  let suppression: StatementHeatmap['suppression'];
  try {
    for (const p of partners) {
      const q = new URLSearchParams({ partner: p.id });
      if (year) {
        q.set('from', year);
        q.set('to', year);
      }
      const r = await api<Results>(`/results/${encodeURIComponent(id)}?${q}`);
      suppression = r.suppression;
      const cells = statements.map((s) => {
        if (r.suppressed) return null;
        const question = r.questions.find((x) => x.id === s.id);
        if (!question || question.answered === null || !question.options) return null;
        return Object.fromEntries(question.options.map((o) => [o.value, o.count]));
      });
      rows.push({ id: p.id, label: p.name, cells });
    }
  } catch (e) {
    if (current()) render(html`${head}${problem((e as Error).message)}`, app);
    return;
  }
  if (!current()) return;
  const data: StatementHeatmap = {
    title: `${d.definition.title}${year ? `, ${year}` : ', all years'}`,
    rowHeading: 'Organisation',
    scale,
    statements: statements.map((s) => ({ id: s.id, text: s.text })),
    rows,
    ...(suppression ? { suppression } : {}),
  };
  render(html`${head}${statusLine('Ratings updated.')}<carer-statement-heatmap heading-level="2" .data=${data}></carer-statement-heatmap>`, app);
}

// --- polls: moderation and "you said, we did" ----------------------------------------------------
interface Pending {
  id: string;
  poll: string;
  partner: string;
  text: string;
  createdAt: string;
  /** What the collector's screen flagged: spans into `text`, with why (contact details, abuse). */
  flags?: { kind: string; start: number; end: number; reason: string }[];
}
interface Update {
  id: number;
  youSaid: string;
  weDid: string;
  date: string;
}

async function pollsView(params: URLSearchParams, current: () => boolean, message?: string) {
  document.title = `Polls and “you said, we did” – Carers' strategy dashboard (demo)`;
  const polls = instruments.filter((i) => i.kind === 'poll');
  const id = params.get('poll') ?? polls[0]?.id;
  if (!id) {
    render(html`<h1>Polls</h1><p>No poll is registered yet.</p>`, app);
    return;
  }
  let pending: Pending[] = [];
  let updates: Update[] = [];
  let results: (Results & { statementLists?: Lists }) | undefined;
  let error = '';
  try {
    [pending, updates, results] = await Promise.all([
      api<{ pending: Pending[] }>('/moderation/statements').then((r) => r.pending),
      api<{ updates: Update[] }>(`/polls/${encodeURIComponent(id)}/updates`).then((r) => r.updates),
      api<Results & { statementLists?: Lists }>(`/results/${encodeURIComponent(id)}`),
    ]);
  } catch (e) {
    error = (e as Error).message;
  }
  if (!current()) return;
  const partnerName = (pid: string) => partners.find((p) => p.id === pid)?.name ?? pid;
  const decide = (s: Pending, body: { decision: 'approve' | 'reject'; text?: string; reason?: string }) => async () => {
    try {
      await api(`/moderation/statements/${s.id}`, { method: 'POST', body });
      const done =
        body.decision === 'reject'
          ? `Rejected: “${s.text}” will not be shown.`
          : body.text
            ? `Approved as edited: “${body.text}” is now shown with the poll. The original words are not kept.`
            : `Approved: “${s.text}” is now shown with the poll.`;
      await pollsView(params, current, done);
      (document.getElementById('queue-heading') as HTMLElement | null)?.focus();
    } catch (e) {
      await pollsView(params, current, `That did not work: ${(e as Error).message}`);
    }
  };
  const fieldValue = (fid: string) => ((document.getElementById(fid) as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? '').trim();
  const approveEdited = (s: Pending) => async (e: Event) => {
    e.preventDefault();
    const text = fieldValue(`edit-${s.id}`);
    if (text.length < 3) {
      await pollsView(params, current, 'The edited statement needs at least 3 characters.');
      return;
    }
    await decide(s, { decision: 'approve', text })();
  };
  const rejectWithReason = (s: Pending) => async () => {
    const reason = fieldValue(`reason-${s.id}`);
    await decide(s, reason ? { decision: 'reject', reason } : { decision: 'reject' })();
  };
  /** The statement with each flagged span marked, and the flags said in words beside it. */
  const PERSONAL = new Set(['phone', 'email', 'postcode', 'url', 'name']);
  const marked = (s: Pending) => {
    const flags = [...(s.flags ?? [])].filter((f) => f.start >= 0 && f.end <= s.text.length && f.start < f.end).sort((a, b) => a.start - b.start);
    const parts: (string | TemplateResult)[] = [];
    let at = 0;
    for (const f of flags) {
      if (f.start < at) continue;
      parts.push(s.text.slice(at, f.start));
      parts.push(html`<mark data-flag=${f.kind}>${s.text.slice(f.start, f.end)}<span class="visually-hidden"> (${f.reason})</span></mark>`);
      at = f.end;
    }
    parts.push(s.text.slice(at));
    return parts;
  };
  /** The text with flagged personal details taken out, as the starting point of an edit. */
  const withoutDetails = (s: Pending) => {
    let text = s.text;
    for (const f of [...(s.flags ?? [])].filter((x) => PERSONAL.has(x.kind)).sort((a, b) => b.start - a.start)) {
      text = `${text.slice(0, f.start)}[removed]${text.slice(f.end)}`;
    }
    return text;
  };
  const addUpdate = async (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const youSaid = String(data.get('youSaid') ?? '').trim();
    const weDid = String(data.get('weDid') ?? '').trim();
    if (youSaid.length < 3 || weDid.length < 3) {
      await pollsView(params, current, 'Write what carers said and what was done (at least 3 characters each).');
      return;
    }
    try {
      await api(`/polls/${encodeURIComponent(id)}/updates`, { method: 'POST', body: { youSaid, weDid } });
      await pollsView(params, current, 'Published: the update now shows under the poll on partner sites.');
    } catch (err) {
      await pollsView(params, current, `That did not work: ${(err as Error).message}`);
    }
    (document.getElementById('updates-heading') as HTMLElement | null)?.focus();
  };
  const pollTitle = (pid: string) => polls.find((p) => p.id === pid)?.title ?? pid;
  const choose = (e: Event) => {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    go('polls', new URLSearchParams({ poll: String(data.get('poll') ?? '') }));
  };
  const pct = (n: number | null) => (n === null ? html`<span class="hint">hidden (small number)</span>` : `${n}%`);
  // Only polls with statements to agree with (the poll's own, or carers' approved ones) have lists.
  const lists = results?.statementLists && results.statementLists.considered + results.statementLists.tooFew > 0 ? results.statementLists : undefined;
  const listTable = (caption: string, rows: Listed[], divided: boolean) =>
    rows.length === 0
      ? html`<p>${caption}: none yet.</p>`
      : html`<table class="data">
          <caption>${caption}</caption>
          <thead>
            <tr>
              <th scope="col">Statement</th>
              <th scope="col">From</th>
              <th scope="col">Agree</th>
              <th scope="col">Disagree</th>
              <th scope="col">Votes (rounded)</th>
              <th scope="col">Agree, lowest to highest across areas and partners</th>
              ${divided ? html`<th scope="col">Why divided</th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (r) => html`<tr data-statement=${r.id}>
                <th scope="row">${r.text}</th>
                <td>${r.source === 'carer' ? 'A carer' : 'The poll'}</td>
                <td>${pct(r.agree)}</td>
                <td>${pct(r.disagree)}</td>
                <td>${r.base ?? html`<span class="hint">hidden</span>`}</td>
                <td>${r.slices ? html`${pct(r.lowestAgree)} to ${pct(r.highestAgree)} (${r.slices} with enough votes)` : 'no area or partner has enough votes on its own'}</td>
                ${divided ? html`<td>${r.reason === 'split' ? 'Split: many agree and many disagree' : 'Differs between areas or partners'}</td>` : nothing}
              </tr>`,
            )}
          </tbody>
        </table>`;
  render(
    html`<h1>Polls and “you said, we did”</h1>
      ${polls.length > 1
        ? html`<form class="filters" novalidate @submit=${choose}>
            <div class="field">
              <label for="poll-choice">Poll</label>
              <select id="poll-choice" name="poll">${polls.map((p) => html`<option value=${p.id} ?selected=${p.id === id}>${p.title}</option>`)}</select>
            </div>
            <div class="field"><button type="submit">Show poll</button></div>
          </form>`
        : nothing}
      <p class="lead">${pollTitle(id)}</p>
      ${error ? problem(error) : nothing}
      <div role="status">${message ? html`<p class="notice">${message}</p>` : nothing}</div>
      <h2 id="queue-heading" tabindex="-1">Carers’ statements waiting for moderation (${pending.length})</h2>
      <p class="hint">
        Every statement waits for you. The collector flags what looks like a phone number, email, postcode, web address or
        name, and abusive words: flagged words are highlighted. Approve, edit the personal detail out and approve, or reject.
      </p>
      ${pending.length === 0
        ? html`<p>Nothing is waiting.</p>`
        : html`<ul class="queue">
            ${pending.map((s) => {
              const flags = s.flags ?? [];
              return html`<li data-pending=${s.id}>
                <blockquote>${marked(s)}</blockquote>
                ${flags.length
                  ? html`<p class="flags"><strong>Flagged:</strong> ${[...new Set(flags.map((f) => f.reason))].join('; ')}.</p>`
                  : nothing}
                <p class="hint">For “${pollTitle(s.poll)}”, from a carer on ${partnerName(s.partner)}’s site, ${new Date(s.createdAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}</p>
                <div class="actions">
                  <button type="button" @click=${decide(s, { decision: 'approve' })} aria-label=${`Approve as written: ${s.text}`}>${flags.length ? 'Approve as written' : 'Approve'}</button>
                </div>
                <details ?open=${flags.some((f) => PERSONAL.has(f.kind))}>
                  <summary>Edit, then approve</summary>
                  <form novalidate @submit=${approveEdited(s)}>
                    <div class="field">
                      <label for=${`edit-${s.id}`}>Statement as it will be shown</label>
                      <span class="hint" id=${`edit-hint-${s.id}`}>Flagged personal details are already replaced by [removed]: reword it if you like. The original words are not kept.</span>
                      <textarea id=${`edit-${s.id}`} aria-describedby=${`edit-hint-${s.id}`} maxlength="500" .value=${withoutDetails(s)}></textarea>
                    </div>
                    <button type="submit">Approve edited statement</button>
                  </form>
                </details>
                <div class="field">
                  <label for=${`reason-${s.id}`}>Reason for rejecting (optional, not shown to carers)</label>
                  <input type="text" id=${`reason-${s.id}`} maxlength="500" />
                </div>
                <div class="actions">
                  <button type="button" class="warning" @click=${rejectWithReason(s)} aria-label=${`Reject: ${s.text}`}>Reject</button>
                </div>
              </li>`;
            })}
          </ul>`}
      <h2 id="updates-heading" tabindex="-1">You said, we did: ${pollTitle(id)}</h2>
      ${updates.length === 0
        ? html`<p>No updates published yet.</p>`
        : html`<table class="data">
            <caption>Published updates, newest first</caption>
            <thead><tr><th scope="col">Date</th><th scope="col">You said</th><th scope="col">We did</th></tr></thead>
            <tbody>
              ${updates.map(
                (u) => html`<tr><td>${new Date(u.date).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}</td><td>${u.youSaid}</td><td>${u.weDid}</td></tr>`,
              )}
            </tbody>
          </table>`}
      ${user!.role === 'admin' || user!.role === 'moderator'
        ? html`<form novalidate @submit=${addUpdate}>
            <h3>Publish an update</h3>
            <div class="field">
              <label for="you-said">You said</label>
              <span class="hint" id="you-said-hint">What carers told you, in their words where you can.</span>
              <textarea id="you-said" name="youSaid" aria-describedby="you-said-hint" maxlength="2000"></textarea>
            </div>
            <div class="field">
              <label for="we-did">We did</label>
              <span class="hint" id="we-did-hint">What changed because of it, and when.</span>
              <textarea id="we-did" name="weDid" aria-describedby="we-did-hint" maxlength="2000"></textarea>
            </div>
            <button type="submit">Publish update</button>
          </form>`
        : html`<p>Only the strategy group’s administrators and moderators publish updates.</p>`}
      ${lists
        ? html`<h2 id="lists-heading">Where carers agree, and where they are divided</h2>
            <p class="hint">
              Across every partner and area. Broad agreement: at least ${lists.rules.broadAgree}% agree overall and in every partner and
              area with more than ${lists.rules.threshold} votes on it. Divided: at least ${lists.rules.dividedEach}% agree and at least
              ${lists.rules.dividedEach}% disagree, or the share who agree differs by ${lists.rules.dividedSpread} points or more between
              partners or areas. Includes approved statements written by carers.
            </p>
            ${listTable('Broad agreement', lists.broad, false)} ${listTable('Divided', lists.divided, true)}
            ${lists.tooFew
              ? html`<p data-too-few>${lists.tooFew === 1 ? '1 statement is' : `${lists.tooFew} statements are`} left out of both lists: too few carers voted on
                  ${lists.tooFew === 1 ? 'it' : 'them'} to show without risking that someone could be identified.</p>`
              : nothing}`
        : nothing}
      <h2>Poll results</h2>
      ${results ? html`<carer-results heading-level="3" .results=${results}></carer-results>` : nothing}`,
    app,
  );
}

// --- start ---------------------------------------------------------------------------------------
window.addEventListener('hashchange', () => {
  void show().then(focusHeading);
});

(async () => {
  app.textContent = '';
  try {
    user = (await api<{ user: User }>('/session')).user;
    await loadBasics();
  } catch {
    user = undefined;
  }
  await show();
})();
