/**
 * A long, made-up policy document for tests and the benchmark: plain sentences about carers'
 * services with the sample set's phrases mixed in (some negated), in paragraphs, deterministic.
 */
const SENTENCES = [
  'Our team works with families across the borough to plan support that fits their lives.',
  'We offer short breaks for carers through local day centres and sitting services.',
  'Carers told us they want clear information and advice in one place.',
  'We do not offer respite at weekends at present.',
  'Every young carer can talk to a trusted adult at school.',
  'The council will publish an annual report on what has changed.',
  'Staff in every team will complete carer awareness training within a year.',
  'Many people do not see themselves as carers, so we will help GPs identify carers sooner.',
  'A carers assessment looks at your own needs, not only the needs of the person you care for.',
  'Hospital discharge should never happen without talking to the carer first.',
  'You can read this plan in easy read and in community languages.',
  'The partnership board includes carers, health services and voluntary groups.',
  'We will review the plan with carers each spring and share what we learnt.',
  'Some carers are unable to stay in work because of the hours they care.',
  'Our website for carers lists groups, events and services near you.',
];

export function longDocument(words: number, seed = 7): string {
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const out: string[] = [];
  let count = 0;
  let inParagraph = 0;
  while (count < words) {
    const s = SENTENCES[Math.floor(next() * SENTENCES.length)]!;
    out.push(s);
    count += s.split(/\s+/).length;
    if (++inParagraph >= 5) {
      out.push('\n\n');
      inParagraph = 0;
    } else out.push(' ');
  }
  return out.join('');
}
