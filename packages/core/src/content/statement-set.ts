/** The statement set schema (see instrument.ts for every kind together). */
import * as z from 'zod/mini';
import { header, SafeUrl } from './common.js';
import { Id, OptionValue, Text } from './question.js';

// ---------------------------------------------------------------- statement set

export const ScalePoint = z.strictObject({ value: OptionValue, label: Text });
export type ScalePoint = z.infer<typeof ScalePoint>;

export const Statement = z.strictObject({
  id: Id,
  text: Text,
  easyRead: z.optional(Text),
  /** Short phrases a carer might use for this priority; at least one. */
  phrases: z.array(Text).check(z.minLength(1, { error: 'a statement needs at least one phrase' })),
  synonyms: z.optional(z.array(Text)),
});
export type Statement = z.infer<typeof Statement>;

export const StatementGroup = z.strictObject({
  id: Id,
  title: Text,
  description: z.optional(Text),
  audience: z.enum(['carer', 'organisation']),
  statements: z.array(Statement).check(z.minLength(1, { error: 'a group needs at least one statement' })),
});
export type StatementGroup = z.infer<typeof StatementGroup>;

const Scale = z.array(ScalePoint).check(z.minLength(2, { error: 'a scale needs at least two points' }));

export const StatementSet = z.strictObject({
  ...header,
  kind: z.literal('statement-set'),
  source: z.optional(z.strictObject({ name: Text, url: z.optional(SafeUrl) })),
  /** Ordered, e.g. met / partly-met / not-yet / not-applicable. Used by organisation groups. */
  scale: Scale,
  /** The scale carers use for `audience: 'carer'` groups; `scale` when left out. */
  carerScale: z.optional(Scale),
  groups: z.array(StatementGroup).check(z.minLength(1, { error: 'a statement set needs at least one group' })),
});
export type StatementSet = z.infer<typeof StatementSet>;
