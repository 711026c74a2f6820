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

/** What each story should show once replayed, in English and in Urdu: words a carer would see. */
const expectations: Record<string, { 'en-GB': RegExp; ur: RegExp }> = {
  Question: { 'en-GB': /Who is a carer\?/, ur: /Who is a carer\?/ },
  NothingChosen: { 'en-GB': /There is a problem Select an answer/, ur: /ایک مسئلہ ہے ایک جواب منتخب کریں/ },
  Right: { 'en-GB': /Right/, ur: /درست/ },
  Wrong: { 'en-GB': /Wrong/, ur: /غلط/ },
  PartlyRight: { 'en-GB': /Partly right/, ur: /جزوی طور پر درست/ },
  Final: { 'en-GB': /You scored 7 out of 14/, ur: /آپ نے 14 میں سے 7 نمبر حاصل کیے/ },
  Review: { 'en-GB': /Review your answers/, ur: /اپنے جوابات دیکھیں/ },
  AllOnOnePage: { 'en-GB': /Wrong/, ur: /غلط/ },
  IdentifyQuestion: { 'en-GB': /How old are you\?/, ur: /How old are you\?/ },
  IdentifyAdult: { 'en-GB': /It sounds like you are a carer/, ur: /It sounds like you are a carer/ },
  IdentifyYoung: { 'en-GB': /It sounds like you are a young carer/, ur: /It sounds like you are a young carer/ },
  RightToLeft: { 'en-GB': /Wrong/, ur: /غلط/ },
  EasyRead: { 'en-GB': /Quiz about carers/, ur: /Quiz about carers/ },
  EasyReadIdentify: { 'en-GB': /Answer some short questions/, ur: /Answer some short questions/ },
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
        // As the toolbar does: switch the strings first, so the replay happens in that language.
        await setLocale(locale);
        const host = document.createElement('div');
        document.body.append(host);
        render(withCarerVoice(meta.render(args, { globals } as never), globals), host);
        await localeReady();
        await stories.replay(host, args.steps);
        const quiz = host.querySelector('carer-quiz')!;
        expect(seen(quiz.shadowRoot!)).to.match(expectations[key]![locale]);
        await expect(host).to.be.accessible();
        host.remove();
      });
    }
  }
});
