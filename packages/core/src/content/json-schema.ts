/**
 * JSON Schema for editors (VS Code and friends validate and autocomplete a definition when it
 * names `"$schema": ".../definition.schema.json"`). Generated from the zod schemas with zod's own
 * `toJSONSchema`, so it cannot drift from what `parseDefinition` accepts; rules across fields
 * (unique ids, show-if order …) are only in `parseDefinition`.
 *
 * Not exported from the package entry points: `scripts/emit-json-schema.ts` writes the files.
 */
import * as z from 'zod/mini';
import { ResponseEnvelope } from '../response/envelope-schema.js';
import { Condition } from './condition.js';
import { SafeUrl, Signpost, Translation } from './common.js';
import { Definition } from './instrument.js';
import { Poll } from './poll.js';
import { Band, Outcome, Quiz, QuizAnswer, QuizQuestion } from './quiz.js';
import { Statement, StatementGroup, StatementSet } from './statement-set.js';
import { Page, Survey } from './survey.js';
import { Id, Option, OptionValue, Question, RevealQuestion, Text } from './question.js';

/** Named parts, so the schema files read `#/$defs/Question` rather than repeating it everywhere. */
const named = z.registry<{ id: string; description?: string }>();
const parts: [z.core.$ZodType, string, string?][] = [
  [Id, 'Id', 'Starts with a letter; letters, digits, "-" or "_"; at most 64.'],
  [OptionValue, 'OptionValue', 'Letters, digits, "-" or "_"; at most 64.'],
  [Text, 'Text', 'Visible text; not empty.'],
  [SafeUrl, 'Url', 'https:// or http:// address, or a path on the same site starting with /.'],
  [Condition, 'Condition', 'Show-if: { question, equals | in | answered } or { all | any: [...] } or { not: {...} }.'],
  [Option, 'Option'],
  [RevealQuestion, 'RevealQuestion'],
  [Question, 'Question'],
  [QuizQuestion, 'QuizQuestion'],
  [QuizAnswer, 'QuizAnswer'],
  [Page, 'Page'],
  [Signpost, 'Signpost'],
  [Translation, 'Translation'],
  [Band, 'Band'],
  [Outcome, 'Outcome'],
  [Statement, 'Statement'],
  [StatementGroup, 'StatementGroup'],
];
for (const [schema, id, description] of parts) named.add(schema, description ? { id, description } : { id });

/** Where the files are once the package is published (they also ship in the package's schema/ folder). */
const BASE = 'https://unpkg.com/@carers-voice/core/schema/';

const schemas = {
  definition: { schema: Definition, title: 'carers-voice instrument definition (survey, quiz, poll or statement set)' },
  survey: { schema: Survey, title: 'carers-voice survey' },
  quiz: { schema: Quiz, title: 'carers-voice quiz' },
  poll: { schema: Poll, title: 'carers-voice poll' },
  'statement-set': { schema: StatementSet, title: 'carers-voice statement set' },
  response: { schema: ResponseEnvelope, title: 'carers-voice response envelope' },
} as const;

export type SchemaName = keyof typeof schemas;

/** File name → file contents (pretty JSON with a final newline). */
export function generateJsonSchemas(): Record<`${SchemaName}.schema.json`, string> {
  const out = {} as Record<`${SchemaName}.schema.json`, string>;
  for (const [name, { schema, title }] of Object.entries(schemas) as [SchemaName, (typeof schemas)[SchemaName]][]) {
    const json = z.toJSONSchema(schema as z.ZodMiniType, { io: 'input', unrepresentable: 'any', metadata: named }) as Record<string, unknown>;
    const { $schema, ...rest } = json;
    const doc = { $schema, $id: `${BASE}${name}.schema.json`, title, ...rest };
    out[`${name}.schema.json`] = `${JSON.stringify(doc, null, 2)}\n`;
  }
  return out;
}
