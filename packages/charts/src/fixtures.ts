/**
 * Sample results for tests and stories, shaped exactly as core/aggregate's `buildResults` returns
 * them: counts already rounded to 5 and hidden (null) where small, percentages from the published
 * counts. All synthetic.
 */
import type { HiddenReason, OptionResult, QuestionResult, ResultsModel, SuppressedResults } from '@carers-voice/core/aggregate';
import type { StatementHeatmap } from './model/heatmap.js';

const suppression = { threshold: 7, rounding: 5 };

function pct(count: number | null, base: number | null): number | null {
  return count === null || base === null || base === 0 ? null : Math.round((count / base) * 100);
}

/** A hidden count may say why (as buildResults does): 'primary' small, 'secondary' protecting one. */
function options(answered: number | null, list: [value: string, label: string, count: number | null, hidden?: HiddenReason][]): OptionResult[] {
  return list.map(([value, label, count, hidden]) => {
    const o: OptionResult = { value, label, count, percent: pct(count, answered) };
    if (hidden) o.hidden = { count: hidden, percent: hidden };
    return o;
  });
}

export const likertQuestion: QuestionResult = {
  id: 'info-easy',
  label: 'How easy is it to find information about support for carers?',
  type: 'likert',
  answered: 1240,
  mean: 3.7,
  options: options(1240, [
    ['very-difficult', 'Very difficult', 60],
    ['difficult', 'Difficult', 115],
    ['neither', 'Neither easy nor difficult', 255],
    ['easy', 'Easy', 480],
    ['very-easy', 'Very easy', 290],
    ['not-applicable', 'Does not apply to me', 40],
  ]),
};

export const multipleQuestion: QuestionResult = {
  id: 'support-used',
  label: 'Which kinds of support have you used in the last year?',
  type: 'multiple',
  answered: 1200,
  options: options(1200, [
    ['breaks', 'A break from caring', 410],
    ['advice', 'Information and advice', 620],
    ['peer', 'A carers group', 295],
    ['money', 'Help with money', 380],
    ['none', 'None of these', 140],
  ]),
};

/** Two hidden counts: one small, one hidden so the small one cannot be worked out (suppress.ts). */
export const selectQuestion: QuestionResult = {
  id: 'hours',
  label: 'How many hours a week do you spend caring?',
  type: 'select',
  answered: 1240,
  options: options(1240, [
    ['under-20', 'Under 20 hours', 430],
    ['20-49', '20 to 49 hours', 385],
    ['50-plus', '50 hours or more', 415],
    ['not-sure', 'Not sure', null, 'primary'],
    ['prefer-not', 'Prefer not to say', null, 'secondary'],
  ]),
};

export const ratingQuestion: QuestionResult = {
  id: 'wellbeing',
  label: 'On a scale of 0 to 10, how well are you looking after your own health?',
  type: 'rating',
  answered: 1240,
  mean: 6.1,
  options: options(
    1240,
    [25, 20, 40, 75, 110, 180, 200, 230, 190, 95, 75].map((count, i) => [String(i), String(i), count] as [string, string, number]),
  ),
};

export const rankingQuestion: QuestionResult = {
  id: 'priorities',
  label: 'Put these in order: what would help you most?',
  type: 'ranking',
  answered: 1100,
  options: [
    { value: 'breaks', label: 'Regular breaks', count: 1100, percent: 100, mean: 1.8 },
    { value: 'money', label: 'Money advice', count: 1100, percent: 100, mean: 2.4 },
    { value: 'gp', label: 'My GP knowing I am a carer', count: 1100, percent: 100, mean: 2.9 },
    { value: 'info', label: 'Clear information', count: 1100, percent: 100, mean: 3.1 },
  ],
};

export const pointsQuestion: QuestionResult = {
  id: 'budget',
  label: 'Share 100 points between these services',
  type: 'points',
  answered: 640,
  options: [
    { value: 'breaks', label: 'Short breaks', count: 610, percent: 95, mean: 34.5 },
    { value: 'training', label: 'Training for carers', count: 420, percent: 66, mean: 18.2 },
    { value: 'transport', label: 'Transport', count: 505, percent: 79, mean: 22 },
    { value: 'advice', label: 'Advice line', count: 560, percent: 88, mean: 25.3 },
  ],
};

export const numberQuestion: QuestionResult = { id: 'years', label: 'How many years have you been caring?', type: 'number', answered: 1180, mean: 7.5 };

export const freeTextQuestion: QuestionResult = {
  id: 'comments',
  label: 'Is there anything else you would like to tell us?',
  type: 'textarea',
  answered: 415,
  freeText: true,
};

/** The local annual carers survey, one question of each kind, with indicators over three years. */
export const annualResults: ResultsModel = {
  instrument: { id: 'annual-carers-survey', version: 2, title: 'Annual carers survey 2025' },
  suppression,
  base: 1240,
  suppressed: false,
  questions: [likertQuestion, multipleQuestion, selectQuestion, ratingQuestion, rankingQuestion, pointsQuestion, numberQuestion, freeTextQuestion],
  indicators: [
    { id: 'info', label: 'Found information easy to find', question: 'info-easy', percent: 62, base: 1240 },
    { id: 'satisfied', label: 'Satisfied with support', question: 'satisfied', percent: 48, base: 1180 },
  ],
  trends: [
    { year: 2023, base: 980, indicators: [{ id: 'info', percent: 55 }, { id: 'satisfied', percent: 44 }] },
    { year: 2024, base: 1105, indicators: [{ id: 'info', percent: 58 }, { id: 'satisfied', percent: null }] },
    { year: 2025, base: 1240, indicators: [{ id: 'info', percent: 62 }, { id: 'satisfied', percent: 48 }] },
  ],
};

/** A Likert question cut by age group; the young carers' group is too small to show. */
export const groupedResults: ResultsModel = {
  instrument: { id: 'annual-carers-survey', version: 2, title: 'Annual carers survey 2025, by age' },
  suppression,
  base: 420,
  suppressed: false,
  by: {
    question: 'age',
    label: 'Age',
    groups: [
      { value: 'under-18', label: 'Under 18', base: null },
      { value: '18-64', label: '18 to 64', base: 250 },
      { value: '65-plus', label: '65 or over', base: null },
    ],
  },
  questions: [
    {
      id: 'info-easy',
      label: 'How easy is it to find information about support for carers?',
      type: 'likert',
      answered: 420,
      groups: [null, 250, null],
      options: [
        { value: 'very-difficult', label: 'Very difficult', count: 30, percent: 7, groups: [null, 20, null] },
        { value: 'difficult', label: 'Difficult', count: 60, percent: 14, groups: [null, 35, 25] },
        { value: 'neither', label: 'Neither easy nor difficult', count: 90, percent: 21, groups: [null, 50, 35] },
        { value: 'easy', label: 'Easy', count: 160, percent: 38, groups: [null, 95, 60] },
        { value: 'very-easy', label: 'Very easy', count: 80, percent: 19, groups: [null, 50, 30] },
      ],
    },
  ],
  indicators: [],
  trends: [],
};

/** A small partner's poll: most counts hidden. */
export const smallResults: ResultsModel = {
  instrument: { id: 'gp-poll', version: 1, title: 'Carers at Elm Road surgery' },
  suppression,
  base: 25,
  suppressed: false,
  questions: [
    {
      id: 'gp-knows',
      label: 'Does your GP practice know you are a carer?',
      type: 'single',
      answered: 25,
      options: options(25, [
        ['yes', 'Yes', 15],
        ['no', 'No', null, 'primary'],
        ['not-sure', 'Not sure', null, 'primary'],
      ]),
    },
    { id: 'gp-comments', label: 'Tell us more', type: 'textarea', answered: null, freeText: true, hidden: { answered: 'primary' } },
  ],
  indicators: [],
  trends: [],
};

export const suppressedResults: SuppressedResults = {
  instrument: { id: 'school-quiz', version: 1, title: 'Young carers quiz at Riverside School' },
  suppression,
  suppressed: true,
  reason: 'too few responses to show',
};

/** Priority statements rated by carers at each organisation (synthetic; fictional borough). */
export const heatmapSample: StatementHeatmap = {
  title: 'Carers’ priority statements across organisations',
  suppression,
  scale: [
    { value: 'met', label: 'met' },
    { value: 'partly-met', label: 'partly met' },
    { value: 'not-yet', label: 'not yet' },
    { value: 'not-applicable', label: 'does not apply', outside: true },
  ],
  statements: [
    { id: 'recognised', text: 'I am recognised as a carer' },
    { id: 'breaks', text: 'I can get a break when I need one' },
    { id: 'informed', text: 'I am told what support is available' },
  ],
  rows: [
    {
      id: 'hub',
      label: 'Millbrook Carers Hub',
      cells: [
        { met: 40, 'partly-met': 10, 'not-yet': 0, 'not-applicable': 0 },
        { met: 20, 'partly-met': 15, 'not-yet': 15, 'not-applicable': 0 },
        { met: 35, 'partly-met': 10, 'not-yet': 5, 'not-applicable': null },
      ],
    },
    {
      id: 'elm-road',
      label: 'Elm Road Surgery',
      cells: [
        { met: 10, 'partly-met': 10, 'not-yet': 30, 'not-applicable': 0 },
        null,
        { met: 15, 'partly-met': null, 'not-yet': null, 'not-applicable': 0 },
      ],
    },
    {
      id: 'council',
      label: 'Millbrook Council',
      cells: [
        { met: 25, 'partly-met': 20, 'not-yet': 10, 'not-applicable': 5 },
        { met: 10, 'partly-met': 20, 'not-yet': 25, 'not-applicable': 0 },
        { met: 30, 'partly-met': 20, 'not-yet': 5, 'not-applicable': 0 },
      ],
    },
  ],
};
