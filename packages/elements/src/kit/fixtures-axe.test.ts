/**
 * One axe sweep over every question in core's sample definitions (survey pages, quiz questions,
 * poll questions), each rendered through <carer-question> as a widget would: plain, with an error,
 * and in easy read + young wording, right to left.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { Question } from '@carers-voice/core/content';
import { fixtures } from '@carers-voice/core/content/fixtures';
import './define.js';

function questionsOf(def: (typeof fixtures)[keyof typeof fixtures]): Question[] {
  if (def.kind === 'survey') return def.pages.flatMap((p) => p.questions);
  if (def.kind === 'quiz' || def.kind === 'poll') return def.questions as Question[];
  return [];
}

const all = Object.values(fixtures).flatMap(questionsOf);

describe('every sample question', () => {
  it('covers every question type', () => {
    const types = new Set(all.map((q) => q.type));
    expect([...types].sort()).to.include.members(['multiple', 'single']);
    expect(all.length).to.be.greaterThan(5);
  });

  for (const [state, attrs] of [
    ['plain', {}],
    ['with errors, easy read and young wording, right to left', { error: true, easyRead: true, young: true, rtl: true }],
  ] as const) {
    it(`renders and passes axe: ${state}`, async () => {
      const a = attrs as { error?: boolean; easyRead?: boolean; young?: boolean; rtl?: boolean };
      const form = await fixture<HTMLFormElement>(html`<form novalidate dir=${a.rtl ? 'rtl' : 'ltr'}>
        ${all.map(
          (q) => html`<carer-question
            .question=${q}
            .error=${a.error ? `Answer "${q.label}"` : ''}
            ?easy-read=${a.easyRead}
            ?young=${a.young}
          ></carer-question>`,
        )}
      </form>`);
      const els = [...form.querySelectorAll('carer-question')];
      await Promise.all(els.map((el) => el.updateComplete));
      for (const el of els) {
        const inner = el.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('[data-control]')!;
        await inner.updateComplete;
        expect(inner.shadowRoot!.getElementById(el.question!.id), el.question!.id).to.exist;
      }
      await expect(form).to.be.accessible();
    });
  }
});
