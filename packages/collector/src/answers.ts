/**
 * Plausible random answers for any survey definition — visible questions only, valid against
 * `checkAnswers` — for benchmarks and sample data. A seeded generator makes runs repeatable.
 */
import { computeVisibility } from '@carers-voice/core/logic';
import { listQuestions, resolveOptions, type Definition, type Question } from '@carers-voice/core/content';
import { checkAnswers } from '@carers-voice/core/response';

export function seededRandom(seed = 1): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function answerFor(q: Question, rnd: () => number): unknown {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const options = resolveOptions(q).map((o) => o.value);
  switch (q.type) {
    case 'single':
    case 'select':
    case 'likert':
    case 'statement':
      return pick(options);
    case 'multiple': {
      const plain = q.options.filter((o) => !o.exclusive).map((o) => o.value);
      const chosen = plain.filter(() => rnd() < 0.3);
      const max = q.maxSelected ?? plain.length;
      const list = (chosen.length ? chosen : [pick(plain)]).slice(0, max);
      return list.length >= (q.minSelected ?? 1) ? list : plain.slice(0, q.minSelected ?? 1);
    }
    case 'rating': {
      const min = q.min ?? 0;
      const max = q.max ?? 10;
      return min + Math.floor(rnd() * (max - min + 1));
    }
    case 'number': {
      const min = q.min ?? 0;
      const max = q.max ?? 100;
      return Math.round(min + rnd() * (max - min));
    }
    case 'ranking':
      return [...options].sort(() => rnd() - 0.5).slice(0, q.rankCount ?? options.length);
    case 'points': {
      const out: Record<string, number> = {};
      let left = q.total;
      q.options.forEach((o, i) => {
        const give = i === q.options.length - 1 ? left : Math.floor(rnd() * (left + 1));
        if (give > 0) out[o.value] = give;
        left -= give;
      });
      return out;
    }
    case 'text':
      return q.contact ? undefined : 'sample answer';
    case 'textarea':
      return rnd() < 0.2 ? 'Sample comment about caring.' : undefined;
  }
}

/** One set of answers that `checkAnswers` accepts (tries a few times; undefined if it cannot). */
export function randomAnswers(definition: Definition, rnd: () => number): Record<string, unknown> | undefined {
  for (let attempt = 0; attempt < 20; attempt++) {
    const answers: Record<string, unknown> = {};
    for (const entry of listQuestions(definition)) {
      const { visible } = computeVisibility(definition, answers as never);
      if (!visible.some((e) => e.question.id === entry.question.id)) continue;
      const q = entry.question;
      // Never give contact details in generated data.
      if (q.type === 'single' && /contact/.test(q.id)) {
        const no = resolveOptions(q).find((o) => /^no/.test(o.value));
        if (no) answers[q.id] = no.value;
        continue;
      }
      const required = q.required !== false;
      if (!required && rnd() < 0.3) continue;
      const value = answerFor(q, rnd);
      if (value !== undefined) answers[q.id] = value;
    }
    const checked = checkAnswers(definition, answers);
    if (checked.ok) return answers;
  }
  return undefined;
}
