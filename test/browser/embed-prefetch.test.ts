/**
 * The drop-in asks for a survey's definition (`src`, or `instrument` at `endpoint`) as soon as it
 * finds the tag, while the widget's own code downloads, and the widget takes that answer instead of
 * asking again: the first question waits for one round trip fewer.
 */
import { expect } from '@open-wc/testing';
import { deepAll, openHost, until } from './embed-helpers.js';

type Fetched = { url: string; defined: boolean };

describe('drop-in: the definition asked for while the widget loads', function () {
  this.timeout(20000);

  it('fetches the survey’s src once, before <carer-survey> is even defined, and the survey shows it', async () => {
    const host = await openHost('/test/embed/prefetch.html');
    try {
      await until(() => deepAll(host.doc, 'input[type=radio]').length > 0, 'the first question');
      const fetches = (host.win as unknown as { __fetches: Fetched[] }).__fetches.filter((f) => f.url === '/test/embed/small-survey.txt');
      expect(fetches, 'asked for once').to.have.length(1);
      expect(fetches[0]!.defined, 'asked for by the drop-in, before the survey’s code had run').to.equal(false);
    } finally {
      host.close();
    }
  });
});
