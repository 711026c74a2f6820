/**
 * Framework hosts: a plain HTML page (test/embed/plain.html) and a React app
 * (test/embed/react.html + packages/embed/src/hosts/react-host.ts) embed <carer-survey> through the drop-in and receive
 * carer-submit in their own code.
 */
import { expect } from '@open-wc/testing';
import { deepAll, openHost, until, type Host } from './embed-helpers.js';

async function answerAndSend(host: Host): Promise<void> {
  const survey = await until(() => host.doc.querySelector('carer-survey'), 'the survey tag');
  const yes = await until(() => (deepAll(survey, 'input[type=radio]') as HTMLInputElement[]).find((r) => r.value === 'yes'), 'the first question');
  yes.click();
  const send = deepAll(survey, 'button').find((b) => /Send my answers/.test(b.textContent ?? '')) as HTMLButtonElement;
  send.click();
}

describe('framework hosts', function () {
  this.timeout(30000);
  let host: Host;
  afterEach(() => host?.close());

  it('plain HTML: the page’s own script hears carer-submit and carer-sent', async () => {
    await fetch('/__scripted__/embed-plain', { method: 'PUT', body: '{}' });
    host = await openHost('/test/embed/plain.html');
    await answerAndSend(host);
    await until(() => host.doc.body.dataset.submitted, 'the page to record carer-submit');
    expect(host.doc.body.dataset.submitted).to.equal('embed-host-survey');
    const thanks = host.doc.getElementById('thanks')!;
    await until(() => !thanks.hidden, 'the page’s thank-you after carer-sent');
    const stored = await (await fetch('/__scripted__/embed-plain')).json();
    expect(stored.ids).to.have.length(1);
  });

  it('React: a survey rendered after load is found, defined and reports carer-submit to React state', async () => {
    host = await openHost('/test/embed/react.html');
    const open = await until(() => host.doc.getElementById('open-survey'), 'the React app');
    expect(host.win.customElements.get('carer-survey'), 'nothing loaded before the tag appears').to.equal(undefined);
    open.click();
    await until(() => host.win.customElements.get('carer-survey'), '<carer-survey> to be defined on first use');
    await answerAndSend(host);
    const received = await until(() => host.doc.getElementById('react-received'), 'React to render the thank-you');
    expect(received.textContent).to.equal('Thank you (embed-host-survey)');
  });
});
