// GET /api/v1/instruments/:id serves each registered definition with a `checked` fingerprint (the
// collector checked it at registration), so a widget shows it without loading the checker; the
// fingerprint matches the definition exactly as the widget receives it (after JSON and jsonb).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hasValidFingerprint } from '@carers-voice/core/content/fingerprint';
import { buildApp, type App } from './server.js';
import { openBackends, resetDatabase } from './testing/databases.js';
import { testConfig, testSurvey } from './testing/fixtures.js';

const backends = await openBackends();
after(async () => {
  for (const b of backends) await b.stop();
});

for (const backend of backends) {
  describe(`instrument fingerprints on ${backend.name}`, () => {
    let app: App;
    before(async () => {
      await resetDatabase(backend.database);
      app = await buildApp({ config: testConfig(), database: backend.database });
      await app.store.registerInstrument(testSurvey as never, []);
    });
    after(async () => {
      await app.close();
    });

    test('each served version carries a checked fingerprint that matches it', async () => {
      const r = await app.app.inject({ method: 'GET', url: '/api/v1/instruments/test-survey' });
      assert.equal(r.statusCode, 200);
      const [served] = (JSON.parse(r.body) as { versions: { definition: Record<string, unknown> }[] }).versions;
      assert.match(String(served!.definition['checked']), /^fnv1a64:[0-9a-f]{16}$/);
      assert.equal(hasValidFingerprint(served!.definition), true);
      assert.equal(hasValidFingerprint({ ...served!.definition, title: 'Edited' }), false);
    });
  });
}
