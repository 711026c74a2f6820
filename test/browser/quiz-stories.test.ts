/**
 * Every <carer-quiz> story, rendered as Storybook renders it (its render function, args, globals
 * and the <carer-voice> wrapper), replayed to its screen and checked by axe — in English and, for
 * stories that do not pin a language, in Urdu (right to left) too.
 */
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { localeReady, setLocale } from '@carers-voice/elements/i18n';
import { withCarerVoice, type StoryGlobals } from '../../stories/support.js';
import * as stories from '../../stories/carer-quiz.stories.js';
import type { QuizArgs } from '../../stories/carer-quiz.stories.js';
import { seen } from '../../packages/elements/src/quiz/test-helpers.js';

type StoryLike = { name?: string; args?: Partial<QuizArgs>; globals?: StoryGlobals };
const meta = stories.default;
const excluded = new Set<string>(meta.excludeStories);
const entries = Object.entries(stories).filter(([k]) => k !== 'default' && !excluded.has(k)) as [string, StoryLike][];

/** What each story should show once replayed: a word or two a carer would see. */
const expectations: Record<string, RegExp> = {
  Question: /Who is a carer\?/,
  NothingChosen: /There is a problem|ایک مسئلہ ہے/,
  Right: /Right/,
  Wrong: /Wrong/,
  PartlyRight: /Partly right/,
  Final: /You scored 7 out of 14/,
  Review: /Review your answers/,
  AllOnOnePage: /Wrong/,
  IdentifyQuestion: /How old are you\?/,
  IdentifyAdult: /It sounds like you are a carer/,
  IdentifyYoung: /It sounds like you are a young carer/,
  RightToLeft: /Wrong/,
  EasyRead: /Quiz about carers/,
  EasyReadIdentify: /Answer some short questions/,
};

describe('<carer-quiz> stories', () => {
  after(async () => {
    await setLocale('en-GB');
  });

  it('has an expectation for every story', () => {
    expect(entries.map(([k]) => k).sort()).to.deep.equal(Object.keys(expectations).sort());
  });

  for (const [key, story] of entries) {
    const locales = story.globals?.locale ? [story.globals.locale] : (['en-GB', 'ur'] as const);
    for (const locale of locales) {
      it(`${story.name ?? key} (${locale})`, async function () {
        this.timeout(30000);
        const globals: StoryGlobals = { ...story.globals, locale };
        const args = { ...meta.args, ...story.args } as QuizArgs;
        const host = document.createElement('div');
        document.body.append(host);
        render(withCarerVoice(meta.render(args, { globals } as never), globals), host);
        await localeReady();
        await stories.replay(host, args.steps);
        const quiz = host.querySelector('carer-quiz')!;
        expect(seen(quiz.shadowRoot!)).to.match(expectations[key]!);
        await expect(host).to.be.accessible();
        host.remove();
      });
    }
  }
});
