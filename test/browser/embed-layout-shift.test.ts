/**
 * No layout shift: on a partner page that keeps the survey's space in its own stylesheet (the
 * README's one rule), loading the drop-in, the survey's code and its definition moves nothing on
 * the page (CLS 0, PerformanceObserver 'layout-shift'), on a phone and on a desktop. Without that
 * rule the drop-in's own reservation still never lets the box shrink while it loads.
 */
import { expect } from '@open-wc/testing';
import { deepAll, openHost, until } from './embed-helpers.js';

describe('no layout shift while a widget loads', function () {
  this.timeout(30000);

  for (const [width, height] of [[320, 640], [1024, 768]] as const) {
    it(`CLS 0 at ${width} px from first paint to the first question`, async () => {
      const host = await openHost('/test/embed/plain.html', { width, height });
      try {
        const survey = host.doc.querySelector('carer-survey')!;
        await until(() => deepAll(survey, 'input[type=radio]').length > 0, 'the first question');
        await new Promise((r) => setTimeout(r, 500));
        const shifts = host.win.__host.shifts.filter((s) => !s.hadRecentInput);
        const cls = shifts.reduce((n, s) => n + s.value, 0);
        expect(cls, JSON.stringify(shifts)).to.equal(0);
      } finally {
        host.close();
      }
    });
  }

  it('without the partner’s rule, the box keeps the drop-in’s reserved space and never shrinks', async () => {
    const host = await openHost('/test/embed/strict.html', { width: 320, height: 640 });
    try {
      const survey = host.doc.querySelector('carer-survey')!;
      await until(() => host.win.customElements.get('carer-survey'), 'the survey code');
      const heights: number[] = [];
      while (deepAll(survey, 'input[type=radio]').length === 0) {
        heights.push(survey.getBoundingClientRect().height);
        await new Promise((r) => requestAnimationFrame(r));
      }
      heights.push(survey.getBoundingClientRect().height);
      expect(heights[0]).to.be.at.least(20 * 19 - 1); // 20em of the widget's 19 px base
      for (let i = 1; i < heights.length; i++) expect(heights[i]).to.be.at.least(heights[i - 1]!);
    } finally {
      host.close();
    }
  });
});
