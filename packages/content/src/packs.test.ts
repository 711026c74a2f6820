/**
 * Checks every content pack as a partner or a carer would meet it: it parses with core's
 * `parseDefinition`, quiz facts name their source, survey questions have easy-read wording,
 * statements can be matched by the document checker, and branching reaches the right place.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  listQuestions,
  parseDefinition,
  type Definition,
  type DefinitionOf,
  type Question,
} from '@carers-voice/core/content';
import { identifyOutcome, scoreQuiz, visibleQuestions } from '@carers-voice/core/logic';
import type { Answers } from '@carers-voice/core/content';

const dir = fileURLToPath(new URL('../instruments/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

/** Every pack, parsed from the file text exactly as a partner's URL would deliver it. */
const packs = new Map<string, Definition>();
for (const file of files) {
  const result = parseDefinition(readFileSync(dir + file, 'utf8'));
  if (result.ok) packs.set(file, result.definition);
}

function pack<K extends Definition['kind']>(id: string, kind: K): DefinitionOf<K> {
  const d = packs.get(`${id}.json`);
  assert.ok(d, `${id}.json should parse`);
  assert.equal(d.kind, kind);
  return d as DefinitionOf<K>;
}

test('there are packs of every kind', () => {
  const kinds = new Set([...packs.values()].map((d) => d.kind));
  assert.deepEqual([...kinds].sort(), ['poll', 'quiz', 'statement-set', 'survey']);
  assert.ok(files.length >= 13, `expected at least 13 packs, found ${files.length}`);
});

for (const file of files) {
  test(`${file} parses with parseDefinition and its id matches the file name`, () => {
    const result = parseDefinition(readFileSync(dir + file, 'utf8'));
    assert.ok(result.ok, result.ok ? '' : result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    assert.equal(`${result.definition.id}.json`, file);
  });
}

test('instrument ids are unique across packs', () => {
  const ids = [...packs.values()].map((d) => d.id);
  assert.equal(new Set(ids).size, ids.length);
});

test('every pack has a privacy notice, and partner placeholders are easy to find', () => {
  for (const d of packs.values()) {
    assert.ok(d.privacy.notice && d.privacy.notice.length > 40, `${d.id} needs a privacy notice`);
    const text = JSON.stringify(d);
    for (const url of text.match(/https?:\/\/[^"]+/g) ?? []) {
      assert.match(url, /^https:\/\//, `${d.id}: links must use https (${url})`);
      if (url.includes('example.org')) {
        assert.match(url, /replace-with-your-/, `${d.id}: a placeholder link must say what to replace (${url})`);
      }
    }
  }
});

// ---------------------------------------------------------------- score quizzes

const scoreQuizzes = [
  { id: 'carer-awareness-quiz', min: 12 },
  { id: 'carer-awareness-professionals', min: 10 },
];

for (const { id, min } of scoreQuizzes) {
  test(`${id}: at least ${min} questions, each with an explanation and a named source`, () => {
    const quiz = pack(id, 'quiz');
    assert.equal(quiz.mode, 'score');
    assert.ok(quiz.questions.length >= min, `${quiz.questions.length} questions`);
    for (const q of quiz.questions) {
      assert.ok(q.type === 'single' || q.type === 'multiple', `${q.id} must be single or multiple`);
      assert.ok(q.answer, `${q.id} needs an answer`);
      assert.ok(q.answer.explanation.trim().length >= 40, `${q.id}: explanation too short`);
      assert.ok(q.answer.source.name.trim().length > 0, `${q.id}: source needs a name`);
      assert.ok(q.answer.source.url, `${q.id}: source needs a link a reader can follow`);
      assert.ok(q.easyRead, `${q.id}: needs easy-read wording`);
    }
  });

  test(`${id}: has multiple-answer questions with part marks, and every score falls in a band`, () => {
    const quiz = pack(id, 'quiz');
    const partial = quiz.questions.filter((q) => q.type === 'multiple' && q.answer?.partialCredit);
    assert.ok(partial.length >= 2, 'expected at least two multiple-answer questions with partial credit');

    const allRight: Answers = {};
    const allWrong: Answers = {};
    for (const q of quiz.questions) {
      if (q.type !== 'single' && q.type !== 'multiple') continue;
      const correct = q.answer!.correct;
      const wrong = q.options.map((o) => o.value).filter((v) => !correct.includes(v));
      allRight[q.id] = q.type === 'single' ? correct[0]! : [...correct];
      allWrong[q.id] = q.type === 'single' ? wrong[0]! : [wrong[0]!];
    }
    const best = scoreQuiz(quiz, allRight);
    assert.equal(best.score, quiz.questions.length);
    assert.equal(best.band?.title, quiz.bands!.at(-1)!.title);
    const worst = scoreQuiz(quiz, allWrong);
    assert.equal(worst.score, 0);
    assert.equal(worst.band?.title, quiz.bands![0]!.title);
  });
}

test('carer-awareness-quiz: part marks for a partly right multiple-answer question', () => {
  const quiz = pack('carer-awareness-quiz', 'quiz');
  // Two of the three carers, and no wrong picks: two thirds of a mark.
  const result = scoreQuiz(quiz, { 'which-are-carers': ['husband-stroke', 'neighbour'] });
  const line = result.perQuestion.find((p) => p.id === 'which-are-carers');
  assert.equal(line?.credit, 0.67);
  assert.equal(line?.correct, false);
});

// ---------------------------------------------------------------- the annual survey

const survey = () => pack('annual-carers-survey', 'survey');
const surveyQuestions = () => listQuestions(survey()).map((e) => e.question as Question);

test('annual survey: 25 to 40 questions a carer can see, each with easy-read wording', () => {
  const questions = surveyQuestions();
  for (const q of questions) assert.ok(q.easyRead, `${q.id} needs easy-read wording`);
  // Someone in work and in education who agrees to be contacted sees the most questions.
  const most = visibleQuestions(survey(), {
    'work-study': ['employed', 'education'],
    'assessment-had': 'yes',
    'contact-consent': 'yes',
  });
  const fewest = visibleQuestions(survey(), { 'work-study': ['retired'], 'assessment-had': 'yes', 'contact-consent': 'no' });
  assert.ok(most.length <= 40, `${most.length} questions at most`);
  assert.ok(fewest.length >= 25, `${fewest.length} questions at least`);
});

test('annual survey: young carers get their own wording where it differs', () => {
  const young = surveyQuestions().filter((q) => q.young);
  assert.ok(young.length >= 10, `only ${young.length} questions have young wording`);
  const assessment = surveyQuestions().find((q) => q.id === 'assessment-offered');
  assert.match(assessment?.young?.label ?? '', /young carer's needs assessment/);
});

test('annual survey: employer questions only for people in work, school questions only for learners', () => {
  const ids = (answers: Answers) => visibleQuestions(survey(), answers).map((q) => q.id);
  const retired = ids({ 'work-study': ['retired'] });
  assert.ok(!retired.includes('employer-knows') && !retired.includes('carers-leave-known'));
  assert.ok(!retired.includes('education-knows'));
  const working = ids({ 'work-study': ['employed'] });
  assert.ok(working.includes('employer-knows') && working.includes('carers-leave-known'));
  assert.ok(!working.includes('education-knows'));
  const student = ids({ 'work-study': ['education'] });
  assert.ok(student.includes('education-knows') && !student.includes('employer-knows'));
});

test('annual survey: assessment follow-ups branch on whether the carer had one', () => {
  const ids = (answers: Answers) => visibleQuestions(survey(), answers).map((q) => q.id);
  assert.ok(ids({ 'assessment-had': 'yes' }).includes('assessment-helped'));
  assert.ok(!ids({ 'assessment-had': 'yes' }).includes('assessment-wanted'));
  assert.ok(ids({ 'assessment-had': 'no' }).includes('assessment-wanted'));
  assert.ok(!ids({ 'assessment-had': 'waiting' }).includes('assessment-wanted'));
});

test('annual survey: contact details only after an explicit, required yes', () => {
  const contact = surveyQuestions().filter((q) => q.type === 'text' && q.contact);
  assert.ok(contact.length >= 2);
  const consent = surveyQuestions().find((q) => q.id === 'contact-consent');
  assert.equal(consent?.required, undefined, 'consent must be required (the default)');
  for (const q of contact) assert.deepEqual(q.showIf, { question: 'contact-consent', equals: 'yes' });
  const hidden = visibleQuestions(survey(), { 'contact-consent': 'no' }).map((q) => q.id);
  for (const q of contact) assert.ok(!hidden.includes(q.id), `${q.id} must be hidden without consent`);
});

test('annual survey: declares the headline indicators dashboards trend', () => {
  const ids = (survey().indicators ?? []).map((i) => i.id);
  for (const needed of ['info-easy-to-find', 'social-contact', 'gp-identified', 'assessment-offered', 'balance-caring-and-life']) {
    assert.ok(ids.includes(needed), `missing indicator ${needed}`);
  }
});

test('annual survey: the four Bury priority statements are "how true is this" questions', () => {
  const truth = surveyQuestions().filter((q) => q.type === 'likert' && q.scale === 'truth');
  assert.equal(truth.length, 4);
});

test('annual survey: signposting includes a crisis line and the local carers service to replace', () => {
  const signs = survey().signposting ?? [];
  assert.ok(signs.some((s) => s.kind === 'crisis' && s.phone === '116 123'));
  assert.ok(signs.some((s) => s.kind === 'hub' && s.url?.includes('replace-with-your-')));
});

// ---------------------------------------------------------------- am I a carer?

const paths: { name: string; answers: Answers; outcome: string; young?: boolean }[] = [
  {
    name: 'an adult who helps her mum with dementia every day',
    answers: { 'age-band': '26-64', 'helps-someone': 'yes', reason: 'yes', who: 'parent', 'how-often': 'every-day', paid: 'no' },
    outcome: 'adult-carer',
  },
  {
    name: 'an older man who is not sure, caring for his wife, on Carer\'s Allowance',
    answers: { 'age-band': '65-plus', 'helps-someone': 'not-sure', reason: 'yes', who: 'partner', 'how-often': 'every-day', paid: 'carers-benefit' },
    outcome: 'adult-carer',
  },
  {
    name: 'a young adult carer aged 19',
    answers: { 'age-band': '18-25', 'helps-someone': 'yes', reason: 'not-sure', who: 'sibling', 'how-often': 'every-week', paid: 'no' },
    outcome: 'adult-carer',
  },
  {
    name: 'a 13-year-old who helps his dad with depression',
    answers: { 'age-band': 'under-18', 'helps-someone': 'yes', reason: 'yes', who: 'parent', 'how-often': 'every-day', paid: 'no' },
    outcome: 'young-carer',
    young: true,
  },
  {
    name: 'a paid care worker',
    answers: { 'age-band': '26-64', 'helps-someone': 'yes', reason: 'yes', who: 'friend', 'how-often': 'every-day', paid: 'job' },
    outcome: 'paid-or-volunteer',
  },
  {
    name: 'a befriending volunteer',
    answers: { 'age-band': '65-plus', 'helps-someone': 'yes', reason: 'yes', who: 'friend', 'how-often': 'every-week', paid: 'volunteer' },
    outcome: 'paid-or-volunteer',
  },
  {
    name: 'someone who does not help anyone',
    answers: { 'age-band': '26-64', 'helps-someone': 'no' },
    outcome: 'not-a-carer',
  },
  {
    name: 'a parent of a young child with no extra needs',
    answers: { 'age-band': '26-64', 'helps-someone': 'yes', reason: 'no' },
    outcome: 'not-a-carer',
  },
  {
    name: 'a 15-year-old who does not help anyone (hidden answers left over are ignored)',
    answers: { 'age-band': 'under-18', 'helps-someone': 'no', reason: 'yes', paid: 'no' },
    outcome: 'not-a-carer',
    young: true,
  },
];

for (const path of paths) {
  test(`am I a carer: ${path.name} → ${path.outcome}`, () => {
    const quiz = pack('am-i-a-carer', 'quiz');
    assert.equal(identifyOutcome(quiz, path.answers)?.id, path.outcome);
  });
}

test('am I a carer: every way through reaches exactly one outcome', () => {
  const quiz = pack('am-i-a-carer', 'quiz');
  const options = (id: string) => {
    const q = quiz.questions.find((x) => x.id === id);
    return q && 'options' in q && q.options ? q.options.map((o) => o.value) : [];
  };
  let count = 0;
  for (const age of options('age-band'))
    for (const helps of options('helps-someone'))
      for (const reason of options('reason'))
        for (const paid of options('paid')) {
          const answers: Answers = { 'age-band': age, 'helps-someone': helps, reason, who: 'parent', 'how-often': 'every-week', paid };
          const matching = (quiz.outcomes ?? []).filter((o) => o.id === identifyOutcome(quiz, answers)?.id);
          assert.equal(matching.length, 1, `no outcome for ${JSON.stringify(answers)}`);
          count++;
        }
  assert.ok(count > 50);
});

test('am I a carer: outcomes offer the actions the issue asks for', () => {
  const quiz = pack('am-i-a-carer', 'quiz');
  const labels = (id: string) => (quiz.outcomes ?? []).find((o) => o.id === id)?.actions?.map((a) => a.label.toLowerCase()) ?? [];
  const adult = labels('adult-carer').join(' | ');
  for (const words of ["carer's assessment", 'gp', "carer's leave", 'carers\' service']) assert.ok(adult.includes(words), `adult: ${words}`);
  const young = labels('young-carer').join(' | ');
  for (const words of ["young carer's needs assessment", 'school']) assert.ok(young.includes(words), `young: ${words}`);
  const notCarer = (quiz.outcomes ?? []).find((o) => o.id === 'not-a-carer');
  assert.ok(notCarer?.young?.body, 'the not-a-carer outcome needs wording for under-18s');
});

// ---------------------------------------------------------------- polls

test('poll templates: Bury themes ranking has all eight themes, Stockport points share out 10', () => {
  const rank = pack('rank-bury-themes', 'poll');
  const q = rank.questions[0]!;
  assert.equal(q.type, 'ranking');
  assert.equal('options' in q ? q.options?.length : 0, 8);
  const points = pack('share-points-stockport', 'poll').questions[0]!;
  assert.equal(points.type, 'points');
  assert.equal(points.type === 'points' ? points.total : 0, 10);
  assert.equal(points.type === 'points' ? points.options.length : 0, 4);
});

test('poll templates: carer statements are statement questions and carers may add their own', () => {
  const poll = pack('carer-statements', 'poll');
  assert.equal(poll.allowStatements, true);
  assert.ok(poll.questions.length >= 8);
  for (const q of poll.questions) {
    assert.equal(q.type, 'statement');
    assert.match(q.label, /^(I|My|Staff|Health)\b/, `${q.id} should be in the first person`);
  }
});

// ---------------------------------------------------------------- statement sets

const statementSets = [
  'gm-commitment-to-carers',
  'bury-priorities-and-themes',
  'hw-commitment-to-carers',
  'warrington-carers-aims',
  'stockport-think-carer-priorities',
];

for (const id of statementSets) {
  test(`${id}: names its source strategy, and every statement has phrases to match`, () => {
    const set = pack(id, 'statement-set');
    assert.ok(set.source?.name, 'a statement set must name the strategy it comes from');
    for (const group of set.groups) {
      for (const s of group.statements) {
        assert.ok(s.phrases.length >= 1, `${s.id} needs at least one phrase`);
        assert.ok(s.easyRead, `${s.id} needs easy-read wording`);
        if (group.audience === 'carer') assert.match(s.text, /\b(I|my|me|My)\b/, `${s.id}: carer statements are in the first person`);
      }
    }
  });
}

test('statement sets: the counts in each seed are kept', () => {
  const count = (id: string, group: string) =>
    pack(id, 'statement-set').groups.find((g) => g.id === group)?.statements.length;
  assert.equal(count('bury-priorities-and-themes', 'key-priorities'), 4);
  assert.equal(count('bury-priorities-and-themes', 'themes'), 8);
  assert.equal(count('hw-commitment-to-carers', 'as-a-carer'), 5);
  assert.equal(count('hw-commitment-to-carers', 'as-an-organisation'), 5);
  assert.equal(pack('stockport-think-carer-priorities', 'statement-set').groups.length, 4);
  const warrington = pack('warrington-carers-aims', 'statement-set').groups.flatMap((g) => g.statements);
  assert.equal(warrington.length, 13);
  const breaks = pack('bury-priorities-and-themes', 'statement-set').groups[1]!.statements.find((s) => s.id === 'respite');
  for (const word of ['respite', 'short break', 'replacement care']) assert.ok(breaks?.synonyms?.includes(word), word);
});

// ---------------------------------------------------------------- young wording convention

test('packs with young wording ask "age-band" first, with an "under-18" option, so widgets can switch wording', () => {
  for (const d of packs.values()) {
    if (d.kind === 'statement-set') continue;
    const questions = listQuestions(d).map((e) => e.question as Question);
    if (!questions.some((q) => q.young)) continue;
    const first = questions[0]!;
    assert.equal(first.id, 'age-band', `${d.id}: the first question should be "age-band"`);
    assert.ok('options' in first && first.options?.some((o) => o.value === 'under-18'), `${d.id}: "age-band" needs "under-18"`);
  }
});
