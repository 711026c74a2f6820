import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generateJsonSchemas } from './json-schema.js';

const dir = new URL('../../schema/', import.meta.url);

test('the committed JSON Schema files are up to date (run `pnpm --filter @carers-voice/core schema`)', () => {
  const fresh = generateJsonSchemas();
  assert.deepEqual(Object.keys(fresh).sort(), [
    'definition.schema.json', 'poll.schema.json', 'quiz.schema.json', 'response.schema.json', 'statement-set.schema.json', 'survey.schema.json',
  ]);
  for (const [file, text] of Object.entries(fresh)) {
    let committed = '';
    try {
      committed = readFileSync(new URL(file, dir), 'utf8');
    } catch {
      assert.fail(`schema/${file} is missing`);
    }
    assert.ok(committed === text, `schema/${file} is out of date: run pnpm --filter @carers-voice/core schema`);
  }
});

test('the definition schema is strict and names every kind', () => {
  const schema = JSON.parse(generateJsonSchemas()['definition.schema.json']) as { oneOf: { properties: { kind: { const: string } }; additionalProperties: boolean }[] };
  assert.deepEqual(schema.oneOf.map((s) => s.properties.kind.const), ['survey', 'quiz', 'poll', 'statement-set']);
  assert.ok(schema.oneOf.every((s) => s.additionalProperties === false));
});
