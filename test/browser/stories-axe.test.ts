/**
 * One axe sweep over every example: each story in stories/*.stories.ts, rendered exactly as
 * Storybook renders it (same render function, args, toolbar globals and <carer-voice> wrapper),
 * in English and in Urdu (right to left), checked by axe-core in real Chromium.
 *
 * A story that pins a language (`globals: { locale: 'ur' }`) is checked in that language only.
 * The sweep ends by checking that every kit string shown in Urdu had an Urdu translation.
 */
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import '@carers-voice/elements/kit/define';
import { kitElements } from '@carers-voice/elements/kit/define';
import { localeReady, requestedMessageIds, setLocale, unextractedMessageIds } from '@carers-voice/elements/i18n';
import { initialGlobals, withCarerVoice, type StoryGlobals } from '../../stories/support.js';
import { URDU_REQUIRED_PREFIXES, urduRequired } from './urdu-scope.js';

import * as buttons from '../../stories/buttons.stories.js';
import * as checkboxes from '../../stories/checkboxes.stories.js';
import * as errorSummary from '../../stories/error-summary.stories.js';
import * as likert from '../../stories/likert.stories.js';
import * as number from '../../stories/number.stories.js';
import * as points from '../../stories/points.stories.js';
import * as progress from '../../stories/progress.stories.js';
import * as provider from '../../stories/provider.stories.js';
import * as question from '../../stories/question.stories.js';
import * as radios from '../../stories/radios.stories.js';
import * as ranking from '../../stories/ranking.stories.js';
import * as rating from '../../stories/rating.stories.js';
import * as select from '../../stories/select.stories.js';
import * as carerSurvey from '../../stories/carer-survey.stories.js';
import * as carerPriorityCheck from '../../stories/carer-priority-check.stories.js';
import * as carerResults from '../../stories/carer-results.stories.js';
import * as statement from '../../stories/statement.stories.js';
import * as textInput from '../../stories/text-input.stories.js';
import * as textarea from '../../stories/textarea.stories.js';

type Args = Record<string, unknown>;
type RenderFn = (args: Args, context: { id: string; args: Args; globals: StoryGlobals }) => unknown;
interface StoryLike {
  args?: Args;
  globals?: StoryGlobals;
  render?: RenderFn;
  loaders?: ((context: unknown) => Promise<unknown>)[];
}
interface MetaLike extends StoryLike {
  title: string;
  component?: string;
  excludeStories?: string[];
}

const modules = {
  buttons, checkboxes, errorSummary, likert, number, points, progress, provider,
  question, radios, ranking, rating, select, statement, textInput, textarea,
  carerSurvey, carerPriorityCheck, carerResults,
} as unknown as Record<string, Record<string, unknown> & { default: MetaLike }>;

/** Every element below `root`, through open shadow roots. */
function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...deepElements(el.shadowRoot));
  }
  return out;
}

/** Waits until every Lit element inside has finished rendering (twice: children render after parents). */
async function settle(root: ParentNode): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await Promise.all(deepElements(root).map((el) => (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete));
  }
  await localeReady();
  await new Promise((r) => requestAnimationFrame(r));
}

/** Visible text of a subtree, shadow roots included. */
function deepText(root: Node): string {
  let text = '';
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return text.replace(/\s+/g, ' ').trim();
}

describe('every story passes axe', () => {
  afterEach(async () => {
    document.querySelectorAll('[data-story]').forEach((el) => el.remove());
  });
  after(async () => {
    await setLocale('en-GB');
  });

  it('has a story file for every kit element and the provider', () => {
    const covered = new Set(Object.values(modules).map((m) => m.default.component));
    // <carer-quiz> and <carer-poll> stories replay a carer's steps first (their `play`); their own
    // sweeps, test/browser/quiz-stories.test.ts and poll-stories.test.ts, replay and check them.
    covered.add('carer-quiz');
    covered.add('carer-poll');
    const widgets = ['carer-voice', 'carer-survey', 'carer-quiz', 'carer-poll', 'carer-priority-check', 'carer-results'];
    const missing = [...Object.keys(kitElements), ...widgets].filter((tag) => !covered.has(tag));
    expect(missing, 'elements with no stories/<name>.stories.ts').to.deep.equal([]);
  });

  for (const [file, mod] of Object.entries(modules)) {
    const meta = mod.default;
    for (const [exportName, value] of Object.entries(mod)) {
      if (exportName === 'default' || meta.excludeStories?.includes(exportName)) continue;
      const story = value as StoryLike;
      const locales = story.globals?.locale ? [story.globals.locale] : (['en-GB', 'ur'] as const);
      // No story is skipped: an accessibility failure in any story fails the sweep.
      for (const locale of locales) {
        it(`${meta.title} › ${exportName} (${locale})`, async () => {
          const args = { ...(meta.args ?? {}), ...(story.args ?? {}) };
          const globals: StoryGlobals = { ...initialGlobals, ...(meta.globals ?? {}), ...(story.globals ?? {}), locale };
          const renderStory = story.render ?? meta.render;
          for (const load of [...(meta.loaders ?? []), ...(story.loaders ?? [])]) await load({ args, globals });
          expect(renderStory, `${file}: the story or its meta needs a render function`).to.be.a('function');
          const container = document.createElement('div');
          container.dataset.story = `${file}/${exportName}`;
          document.body.append(container);
          render(withCarerVoice(renderStory!(args, { id: `${file}-${exportName}-${locale}`, args, globals }), globals), container);
          await settle(container);

          const provider = container.querySelector('carer-voice')!;
          expect(provider.getAttribute('dir')).to.equal(locale === 'ur' ? 'rtl' : 'ltr');
          // Something real was drawn (an axe pass over an empty story would prove nothing) …
          const q = args.question as { label?: string; easyRead?: string; young?: { label?: string; easyRead?: string } } | undefined;
          if (q?.label) {
            const wordings = [q.label, q.easyRead, q.young?.label, q.young?.easyRead].filter((w): w is string => Boolean(w));
            const text = deepText(container);
            expect(wordings.some((w) => text.includes(w.trim())), `shows the question: ${text.slice(0, 80)}`).to.equal(true);
          }
          else if (!exportName.startsWith('NoProblems')) expect(deepText(container).length).to.be.greaterThan(0);
          // … and it is accessible.
          await expect(container).to.be.accessible();
        });
      }
    }
  }
});

describe('Urdu coverage of what the stories showed', () => {
  it('every string shown has been extracted (run pnpm i18n:extract and pnpm i18n:build)', () => {
    expect(requestedMessageIds('ur').length, 'the Urdu stories showed kit strings').to.be.greaterThan(10);
    expect(unextractedMessageIds('ur')).to.deep.equal([]);
  });

  it(`every ${URDU_REQUIRED_PREFIXES.join(' / ')} string shown in Urdu has an Urdu translation in packages/elements/xliff/ur.xlf`, async () => {
    const xliff = new DOMParser().parseFromString(await (await fetch('/packages/elements/xliff/ur.xlf')).text(), 'application/xml');
    const translated = new Set(
      [...xliff.getElementsByTagName('trans-unit')]
        .filter((u) => (u.getElementsByTagName('target')[0]?.textContent ?? '').trim() !== '')
        .map((u) => u.getAttribute('id')),
    );
    expect(requestedMessageIds('ur').filter((id) => urduRequired(id) && !translated.has(id))).to.deep.equal([]);
  });
});
