/**
 * Writes packages/core/schema/*.schema.json from the zod schemas.
 *   pnpm --filter @carers-voice/core schema
 * A test fails when the committed files differ from what this would write.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateJsonSchemas } from '../src/content/json-schema.js';

const dir = fileURLToPath(new URL('../schema/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const [file, text] of Object.entries(generateJsonSchemas())) {
  writeFileSync(`${dir}${file}`, text);
  console.log(`wrote schema/${file}`);
}
