import { expect } from '@open-wc/testing';
import { parseDefinition, type Survey } from '@carers-voice/core/content';
import { branchingSurvey } from '../../../../test/browser/survey-helpers.js';
import { defaultYoungCarerRule, isYoungCarer, route } from './steps.js';

const parsed = parseDefinition(branchingSurvey);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const survey = parsed.definition as Survey;

describe('survey route', () => {
  it('skips pages whose show-if does not hold and keeps only answers that still count', () => {
    const { steps, kept } = route(survey, { age: 'under-18', works: 'yes', 'cares-for': ['parent'], 'cares-for-other': 'left over' });
    expect(steps.map((s) => s.key)).to.deep.equal(['about', 'school', 'feelings', 'contact']);
    // "works" belongs to a page the route no longer has; the follow-up's option is not chosen.
    expect(kept).to.deep.equal({ age: 'under-18', 'cares-for': ['parent'] });
  });

  it('shows contact details only after consent', () => {
    expect(route(survey, {}).steps.at(-1)!.questions.map((q) => q.id)).to.deep.equal(['consent']);
    expect(route(survey, { consent: 'yes' }).steps.at(-1)!.questions.map((q) => q.id)).to.deep.equal(['consent', 'email']);
  });

  it('one question per page', () => {
    const keys = route({ ...survey, oneQuestionPerPage: true }, { age: '18-64' }).steps.map((s) => s.key);
    expect(keys.slice(0, 3)).to.deep.equal(['about/age', 'about/cares-for', 'work/works']);
  });
});

describe('young carer rule', () => {
  it('finds an age question with an under-18 option by default', () => {
    const rule = defaultYoungCarerRule(survey);
    expect(rule).to.deep.equal({ question: 'age', values: ['under-18'] });
    expect(isYoungCarer(rule, { age: 'under-18' })).to.equal(true);
    expect(isYoungCarer(rule, { age: '18-64' })).to.equal(false);
    expect(isYoungCarer(rule, {})).to.equal(false);
  });

  it('a number question for age counts under 18 as young', () => {
    expect(isYoungCarer({ question: 'age' }, { age: 15 })).to.equal(true);
    expect(isYoungCarer({ question: 'age' }, { age: 18 })).to.equal(false);
  });

  it('age bands like 11-15 and 16-17 count as young; 18-25 does not', () => {
    const banded = {
      ...survey,
      pages: [{ id: 'p', questions: [{ id: 'your-age', type: 'single' as const, label: 'Age', options: ['11-15', '16-17', '18-25'].map((value) => ({ value, label: value })) }] }],
    };
    expect(defaultYoungCarerRule(banded)).to.deep.equal({ question: 'your-age', values: ['11-15', '16-17'] });
  });
});
