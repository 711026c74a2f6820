/**
 * Show-if conditions are data, never code: they are evaluated by `core/logic` without eval, so a
 * definition loaded from a partner's URL cannot run anything.
 *
 *   { "question": "age", "equals": "under-18" }
 *   { "question": "needs", "in": ["mental-health", "addiction"] }
 *   { "question": "postcode", "answered": true }
 *   { "all": [ … ] }  { "any": [ … ] }  { "not": { … } }
 */
import * as z from 'zod/mini';

export type Scalar = string | number | boolean;
export type Condition =
  | { question: string; equals: Scalar }
  | { question: string; in: Scalar[] }
  | { question: string; answered: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

const QuestionRef = z.string().check(z.minLength(1, { error: 'a condition must name a question' }));
const ScalarSchema = z.union([z.string(), z.number(), z.boolean()]);

export const Condition: z.ZodMiniType<Condition> = z.union([
  z.strictObject({ question: QuestionRef, equals: ScalarSchema }),
  z.strictObject({ question: QuestionRef, in: z.array(ScalarSchema).check(z.minLength(1)) }),
  z.strictObject({ question: QuestionRef, answered: z.boolean() }),
  z.strictObject({
    get all() {
      return z.array(Condition).check(z.minLength(1));
    },
  }),
  z.strictObject({
    get any() {
      return z.array(Condition).check(z.minLength(1));
    },
  }),
  z.strictObject({
    get not() {
      return Condition;
    },
  }),
]);
