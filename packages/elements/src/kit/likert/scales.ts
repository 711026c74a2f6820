/**
 * The options a Likert question shows, from core's `resolveOptions` so the stored values and the
 * wording (English and Urdu) are the ones results and exports use. "Does not apply to me" gets an
 * "or" divider before it.
 */
import { NOT_APPLICABLE, resolveOptions, type Option, type QuestionOf } from '@carers-voice/core/content';
import { currentLocale } from '../../base/plural.js';

export { NOT_APPLICABLE };

export function likertOptions(q: QuestionOf<'likert'>, locale = currentLocale()): (Option & { dividerBefore?: boolean })[] {
  return resolveOptions(q, locale).map((o) => (o.value === NOT_APPLICABLE ? { ...o, dividerBefore: true } : o));
}
