/**
 * Every <carer-poll> story, rendered as Storybook renders it (its render function, args, globals
 * and the <carer-voice> wrapper), replayed to its screen, checked for what a carer sees and by axe.
 */
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { localeReady, setLocale } from '@carers-voice/elements/i18n';
import { withCarerVoice, type StoryGlobals } from '../../stories/support.js';
import * as stories from '../../stories/carer-poll.stories.js';
import type { PollArgs } from '../../stories/carer-poll.stories.js';
import { seen, until } from '../../packages/elements/src/poll/test-helpers.js';

type StoryLike = { name?: string; args?: Partial<PollArgs>; globals?: StoryGlobals };
const meta = stories.default;
const excluded = new Set<string>(meta.excludeStories);
const entries = Object.entries(stories).filter(([k]) => k !== 'default' && !excluded.has(k)) as [string, StoryLike][];

/** What each story shows once replayed (and, for connected stories, once the stand-in collector answered). */
const expectations: Record<string, RegExp> = {
  Open: /What is the easiest way for you to have your say about carers' services\?.*Send my vote/,
  Ranking: /Move up.*Move down/,
  Points: /10 points left/,
  Statements: /Statement 1 of \d+.*Agree.*Disagree.*Pass/,
  NothingChosen: /There is a problem Select an answer/,
  Voted: /Thank you for voting.*not connected to a service that collects votes.*Change my vote/,
  VotedWithResults: /What carers said so far.*not shown \(small number\)/,
  RankingResults: /Average place/,
  ChangingVote: /You are changing your vote/,
  NotYetOpen: /This poll opens on 1 January 2030/,
  Closed: /This poll closed on 31 October 2026.*What carers said so far.*You said, we did/,
  CarerStatement: /written by another carer and checked by a moderator.*Carers should get free parking at the hospital\./,
  StatementsDone: /Where most carers agree.*Where carers are divided.*Carers should get free parking at the hospital\..*written by a carer.*Add your own statement.*You have 500 characters remaining/,
  StatementListsRightToLeft: /Carers should get free parking at the hospital\./,
  StatementAdded: /Thank you — a moderator will check it before others see it\./,
  StatementError: /There is a problem.*Your statement must be at least 3 characters/,
  RightToLeft: /ووٹ|vote|What carers said so far/,
  EasyRead: /Read each sentence/,
};

describe('<carer-poll> stories', () => {
  after(async () => {
    await setLocale('en-GB');
  });

  it('has an expectation for every story', () => {
    expect(entries.map(([k]) => k).sort()).to.deep.equal(Object.keys(expectations).sort());
  });

  for (const [key, story] of entries) {
    it(story.name ?? key, async function () {
      this.timeout(30000);
      const globals: StoryGlobals = { ...story.globals };
      const args = { ...meta.args, ...story.args } as PollArgs;
      await setLocale(globals.locale ?? 'en-GB');
      const host = document.createElement('div');
      document.body.append(host);
      render(withCarerVoice(meta.render(args, { globals } as never), globals), host);
      await localeReady();
      await stories.replay(host, args.steps);
      const poll = host.querySelector('carer-poll')!;
      await until(() => expectations[key]!.test(seen(poll.shadowRoot!)), `${key} to show ${expectations[key]}`);
      await expect(host).to.be.accessible();
      host.remove();
    });
  }
});
