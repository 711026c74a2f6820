/**
 * `localiseDefinition`: a copy of a definition with its `translations` for one locale applied.
 * Each field falls back to the source text when it has no translation, so a half-finished
 * translation still shows every question.
 */
import type { Definition, Option, Question, Translation } from '../content/index.js';
import { resolveOptions } from '../content/index.js';
import { negotiateLocale } from './locale.js';

type QuestionTranslation = NonNullable<Translation['questions']>[string];

const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

function applyText<T extends { label: string; hint?: string; easyRead?: string }>(item: T, t: { label?: string; hint?: string; easyRead?: string } | undefined): T {
  if (!t) return item;
  const out = { ...item };
  if (t.label) out.label = t.label;
  if (t.hint) out.hint = t.hint;
  if (t.easyRead) out.easyRead = t.easyRead;
  return out;
}

function localiseOptions(options: Option[], t: QuestionTranslation | undefined): Option[] {
  return options.map((o) => applyText(o, own(t?.options, o.value)));
}

function localiseQuestion<Q extends Question>(q: Q, tr: Translation, locale: string): Q {
  const t = own(tr.questions, q.id);
  let out = applyText(q, t);
  if ('options' in out && out.options) out = { ...out, options: localiseOptions(out.options, t) };
  // A named scale with translated option labels becomes explicit options so the labels stick.
  if (out.type === 'likert' && out.scale && t?.options) {
    const { scale: _scale, ...rest } = out;
    const options = resolveOptions({ ...rest, scale: _scale, notApplicable: false } as Question, locale);
    out = { ...rest, options: localiseOptions(options, t) } as Q;
  }
  if ((out.type === 'single' || out.type === 'multiple') && out.reveal) {
    const reveal: typeof out.reveal = {};
    for (const [value, r] of Object.entries(out.reveal)) {
      const rt = own(tr.questions, r.id);
      Object.defineProperty(reveal, value, { value: applyText(r, rt), enumerable: true, writable: true, configurable: true });
    }
    out = { ...out, reveal };
  }
  return out;
}

/**
 * The definition in `locale`: translated where `translations` has the text, the source text
 * elsewhere. `locale` is matched loosely (`ur-PK` uses the `ur` translation). The result's `locale`
 * is the one chosen, so `resolveOptions(question, definition.locale)` gives scale labels in it.
 */
export function localiseDefinition<D extends Definition>(definition: D, locale: string): D {
  const source = definition.locale ?? 'en-GB';
  const available = [source, ...Object.keys(definition.translations ?? {})];
  const chosen = negotiateLocale([locale], available);
  const tr = chosen === source ? undefined : own(definition.translations, chosen);
  if (!tr) return definition;

  const header = { ...definition, locale: chosen };
  if (tr.title) header.title = tr.title;
  if (tr.intro) header.intro = tr.intro;
  const q = <Q extends Question>(question: Q) => localiseQuestion(question, tr, chosen);

  switch (header.kind) {
    case 'survey':
      return { ...header, pages: header.pages.map((p) => ({ ...p, questions: p.questions.map(q) })) } as D;
    case 'quiz':
      return { ...header, questions: header.questions.map((x) => q(x as Question)) } as D;
    case 'poll':
      return { ...header, questions: header.questions.map(q) } as D;
    case 'statement-set':
      return {
        ...header,
        groups: header.groups.map((g) => ({
          ...g,
          statements: g.statements.map((s) => {
            const t = own(tr.questions, s.id);
            return { ...s, ...(t?.label ? { text: t.label } : {}), ...(t?.easyRead ? { easyRead: t.easyRead } : {}) };
          }),
        })),
      } as D;
  }
  return definition;
}
