/**
 * The SRI manifest a partner copies hashes from matches the files the server sends, the browser
 * accepts the loader with that hash (and refuses a wrong one), and a page showing one survey
 * downloads only the files the manifest says, within the survey's budget.
 */
import { expect } from '@open-wc/testing';
import { loadManifest, openHost, until } from './embed-helpers.js';

const base = '/packages/embed/dist/v1/';

async function sha384(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
  return `sha384-${btoa(String.fromCharCode(...digest))}`;
}

function loadScript(src: string, integrity: string): Promise<'load' | 'error'> {
  const script = document.createElement('script');
  script.type = 'module';
  script.crossOrigin = 'anonymous';
  script.integrity = integrity;
  script.src = src;
  const settled = new Promise<'load' | 'error'>((resolve) => {
    script.addEventListener('load', () => resolve('load'));
    script.addEventListener('error', () => resolve('error'));
  });
  document.head.append(script);
  return settled;
}

describe('drop-in SRI manifest', function () {
  this.timeout(20000);

  it('lists every JavaScript file with the sha384 and size of the bytes served', async () => {
    const manifest = await loadManifest();
    const names = Object.keys(manifest.files).filter((f) => f.endsWith('.js'));
    expect(names).to.include('carers-voice.js');
    for (const name of names) {
      const bytes = await (await fetch(base + name)).arrayBuffer();
      expect(await sha384(bytes), name).to.equal(manifest.files[name]!.integrity);
      expect(bytes.byteLength, name).to.equal(manifest.files[name]!.bytes);
    }
  });

  it('the browser runs the loader with the published hash and refuses a wrong one', async () => {
    const manifest = await loadManifest();
    const good = manifest.files['carers-voice.js']!.integrity;
    expect(await loadScript(`${base}carers-voice.js?sri=good`, good)).to.equal('load');
    const wrong = `sha384-${'A'.repeat(64)}`;
    expect(await loadScript(`${base}carers-voice.js?sri=wrong`, wrong)).to.equal('error');
  });

  it('a page with one survey downloads only the survey’s files, within its size budget', async () => {
    const manifest = await loadManifest();
    const host = await openHost('/test/embed/plain.html');
    try {
      await until(() => host.win.customElements.get('carer-survey'), '<carer-survey> to be defined');
      const survey = manifest.widgets['carer-survey']!;
      const downloaded = await until(() => {
        const names = host.win.performance
          .getEntriesByType('resource')
          .map((e) => new URL(e.name).pathname)
          .filter((p) => p.startsWith(base))
          .map((p) => p.slice(base.length));
        return survey.files.every((f) => names.includes(f)) && names;
      }, 'every survey file to be fetched');
      // Nothing beyond the survey's own files and its lazy chunks (no quiz, no charts).
      for (const name of downloaded) expect([...survey.files, ...survey.lazy], name).to.include(name);
      // Up front: the survey's own files (its lazy chunks may already be on their way: the controls
      // most surveys use are fetched while the definition loads).
      const gzip = downloaded.filter((f) => survey.files.includes(f)).reduce((n, f) => n + manifest.files[f]!.gzip, 0);
      expect(gzip).to.equal(survey.gzip);
      // The limit CI holds today (see packages/embed/scripts/build.mjs: budget, or a ratchet while over).
      expect(gzip).to.be.at.most(66 * 1024);
    } finally {
      host.close();
    }
  });
});
