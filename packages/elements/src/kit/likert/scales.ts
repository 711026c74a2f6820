/**
 * The named Likert scales (`question.scale`), ordered from most negative to most positive, with
 * their wording translated through `msg()`. Values are stable: they are what gets stored.
 */
import { msg } from '@lit/localize';
import type { LikertScaleName, Option, QuestionOf } from '@carers-voice/core/content';

/** Value stored for "Does not apply to me" (`notApplicable: true`); never part of a mean. */
export const NOT_APPLICABLE = 'not-applicable';

export const SCALE_VALUES: Record<LikertScaleName, readonly string[]> = {
  agreement: ['strongly-disagree', 'disagree', 'neither', 'agree', 'strongly-agree'],
  satisfaction: ['very-dissatisfied', 'dissatisfied', 'neither', 'satisfied', 'very-satisfied'],
  truth: ['not-true', 'slightly-true', 'somewhat-true', 'mostly-true', 'completely-true'],
  frequency: ['never', 'rarely', 'sometimes', 'often', 'always'],
  ease: ['very-difficult', 'difficult', 'neither', 'easy', 'very-easy'],
};

function labels(scale: LikertScaleName): string[] {
  switch (scale) {
    case 'agreement':
      return [
        msg('Strongly disagree', { id: 'kit.scale.agreement.1' }),
        msg('Disagree', { id: 'kit.scale.agreement.2' }),
        msg('Neither agree nor disagree', { id: 'kit.scale.agreement.3' }),
        msg('Agree', { id: 'kit.scale.agreement.4' }),
        msg('Strongly agree', { id: 'kit.scale.agreement.5' }),
      ];
    case 'satisfaction':
      return [
        msg('Very dissatisfied', { id: 'kit.scale.satisfaction.1' }),
        msg('Dissatisfied', { id: 'kit.scale.satisfaction.2' }),
        msg('Neither satisfied nor dissatisfied', { id: 'kit.scale.satisfaction.3' }),
        msg('Satisfied', { id: 'kit.scale.satisfaction.4' }),
        msg('Very satisfied', { id: 'kit.scale.satisfaction.5' }),
      ];
    case 'truth':
      return [
        msg('Not true', { id: 'kit.scale.truth.1' }),
        msg('Slightly true', { id: 'kit.scale.truth.2' }),
        msg('Somewhat true', { id: 'kit.scale.truth.3' }),
        msg('Mostly true', { id: 'kit.scale.truth.4' }),
        msg('Completely true', { id: 'kit.scale.truth.5' }),
      ];
    case 'frequency':
      return [
        msg('Never', { id: 'kit.scale.frequency.1' }),
        msg('Rarely', { id: 'kit.scale.frequency.2' }),
        msg('Sometimes', { id: 'kit.scale.frequency.3' }),
        msg('Often', { id: 'kit.scale.frequency.4' }),
        msg('Always', { id: 'kit.scale.frequency.5' }),
      ];
    case 'ease':
      return [
        msg('Very difficult', { id: 'kit.scale.ease.1' }),
        msg('Difficult', { id: 'kit.scale.ease.2' }),
        msg('Neither easy nor difficult', { id: 'kit.scale.ease.3' }),
        msg('Easy', { id: 'kit.scale.ease.4' }),
        msg('Very easy', { id: 'kit.scale.ease.5' }),
      ];
  }
}

/**
 * The options a Likert question shows: its own `options`, else its named `scale` (default
 * `agreement`), plus "Does not apply to me" when `notApplicable` is set.
 */
export function likertOptions(q: QuestionOf<'likert'>): (Option & { dividerBefore?: boolean })[] {
  const scale = q.scale ?? 'agreement';
  const base: Option[] = q.options ?? SCALE_VALUES[scale].map((value, i) => ({ value, label: labels(scale)[i] ?? value }));
  if (!q.notApplicable) return base;
  return [...base, { value: NOT_APPLICABLE, label: msg('Does not apply to me', { id: 'kit.scale.not-applicable' }), dividerBefore: true }];
}
