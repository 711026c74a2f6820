/**
 * Every <carer-priority-check> story, rendered as Storybook renders it (render function, args,
 * globals and the <carer-voice> wrapper), its play function run, then checked for what it should
 * show and by axe.
 */
import { expect } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { localeReady, setLocale } from '@carers-voice/elements/i18n';
import { withCarerVoice, type StoryGlobals } from '../../stories/support.js';
import * as stories from '../../stories/carer-priority-check.stories.js';

type Args = Record<string, unknown>;
type StoryLike = {
  name?: string;
  args?: Args;
  globals?: StoryGlobals;
  render?: (args: Args, ctx: unknown) => TemplateResult;
  play?: (ctx: { canvasElement: HTMLElement }) => Promise<void>;
};
const meta = stories.default as unknown as { args: Args; render: (args: Args, ctx: unknown) => TemplateResult };
const entries = Object.entries(stories).filter(([k]) => k !== 'default') as [string, StoryLike][];

const expectations: Record<string, RegExp> = {
  SelfAssessment: /Organisation name/,
  SelfAssessmentErrors: /There is a problem|ایک مسئلہ ہے/,
  ProgressReport: /Annual progress report/,
  DocumentCheck: /never uploaded/,
  DocumentResults: /statements addressed/,
  Carer: /How true is this for you\?/,
  BuiltInSet: /Herefordshire and Worcestershire/,
  BuiltInCarer: /Warrington|carer/i,
  EasyRead: /Promises to carers/,
  RightToLeft: /Sample carers’ priorities/,
  BrokenDefinition: /Details for the website's editor|ویب سائٹ/,
};

/** Text a user sees, including nested shadow roots (the kit controls inside the widget). */
function deepText(node: Node): string {
  let out = '';
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) out += child.textContent;
    else if (child.nodeType === Node.ELEMENT_NODE) {
      const el = child as Element;
      if (el.shadowRoot) out += deepText(el.shadowRoot);
      out += deepText(el);
    }
  }
  return out;
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  for (const t0 = performance.now(); !check() && performance.now() - t0 < ms; ) await new Promise((r) => setTimeout(r, 25));
}

describe('<carer-priority-check> stories', function () {
  this.timeout(60000);
  after(async () => {
    await setLocale('en-GB');
  });

  it('has an expectation for every story', () => {
    expect(entries.map(([k]) => k).sort()).to.deep.equal(Object.keys(expectations).sort());
  });

  for (const [key, story] of entries) {
    it(story.name ?? key, async () => {
      const globals: StoryGlobals = { ...story.globals };
      const args = { ...meta.args, ...story.args };
      const host = document.createElement('div');
      document.body.append(host);
      render(withCarerVoice((story.render ?? meta.render)(args, { globals }), globals), host);
      await localeReady();
      const el = host.querySelector('carer-priority-check')!;
      await until(() => Boolean(el.shadowRoot?.querySelector('h2, .definition-problem')));
      await story.play?.({ canvasElement: host });
      await until(() => expectations[key]!.test(deepText(el.shadowRoot!)));
      await el.updateComplete;
      expect(deepText(el.shadowRoot!)).to.match(expectations[key]!);
      await expect(host).to.be.accessible();
      host.remove();
    });
  }
});
