/**
 * A complete `statement-set` definition around core's 20-statement sample, for tests and stories.
 */
import { SAMPLE_STATEMENT_SET } from '@carers-voice/core/document';

export function sampleStatementSet(): Record<string, unknown> {
  return {
    kind: 'statement-set',
    id: 'sample-priorities',
    version: 1,
    title: 'Sample carers’ priorities',
    intro: 'Ten things carers can expect and ten things organisations promise.',
    privacy: { anonymous: true },
    source: { name: 'Written for carers-voice tests' },
    scale: [
      { value: 'met', label: 'Met' },
      { value: 'partly-met', label: 'Partly met' },
      { value: 'not-yet', label: 'Not yet' },
      { value: 'not-applicable', label: 'Does not apply to us' },
    ],
    carerScale: [
      { value: 'not-true', label: 'Not true for me' },
      { value: 'a-little-true', label: 'A little true' },
      { value: 'partly-true', label: 'Partly true' },
      { value: 'mostly-true', label: 'Mostly true' },
      { value: 'completely-true', label: 'Completely true' },
    ],
    groups: SAMPLE_STATEMENT_SET.groups.map((g) => ({
      id: g.id,
      title: g.title,
      audience: g.audience,
      statements: g.statements.map((s) => ({ id: s.id, text: s.text, phrases: [...s.phrases], synonyms: [...s.synonyms] })),
    })),
  };
}
