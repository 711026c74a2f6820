/**
 * A 20-statement set written for tests, stories and the benchmark (our own wording; topics drawn
 * from the seed strategies). It has the same shape as a `statement-set` definition's groups.
 */
import type { DocumentStatementSet } from './check.js';

export const SAMPLE_STATEMENT_SET = {
  groups: [
    {
      id: 'carer',
      title: 'As a carer',
      audience: 'carer',
      statements: [
        { id: 'identified-early', text: 'I am recognised as a carer as early as possible.', phrases: ['identify carers', 'recognise carers', 'identified as a carer'], synonyms: ['carer identification', 'early identification'] },
        { id: 'breaks', text: 'I can take a break from caring.', phrases: ['short breaks', 'break from caring', 'breaks for carers'], synonyms: ['respite', 'replacement care', 'time off'] },
        { id: 'information', text: 'I can find clear information and advice when I need it.', phrases: ['information and advice', 'clear information'], synonyms: ['signposting', 'advice line', 'carers hub'] },
        { id: 'voice', text: 'I have a say in how services are planned.', phrases: ['have a say', 'carers voice', 'listen to carers'], synonyms: ['coproduction', 'co-production', 'experts by experience'] },
        { id: 'wellbeing', text: 'My own health and wellbeing are looked after.', phrases: ['carers health', 'health and wellbeing', 'wellbeing of carers'], synonyms: ['mental health', 'emotional support'] },
        { id: 'money', text: 'I get help with money and benefits.', phrases: ['carers allowance', 'financial advice', 'benefits advice'], synonyms: ['money worries', 'welfare rights'] },
        { id: 'work', text: 'I can stay in work or learning alongside caring.', phrases: ['stay in work', 'working carers', 'flexible working'], synonyms: ['employment support', 'education and training'] },
        { id: 'young-carers', text: 'Young carers are supported at school and at home.', phrases: ['young carers', 'young adult carers'], synonyms: ['school support', 'young carer assessment'] },
        { id: 'assessment', text: 'I am offered a carer’s assessment of my own needs.', phrases: ['carers assessment', 'assessment of needs'], synonyms: ['support plan', 'carer support plan'] },
        { id: 'emergency', text: 'There is a plan for when I cannot care in an emergency.', phrases: ['emergency plan', 'contingency plan'], synonyms: ['carers emergency card', 'what if plan'] },
      ],
    },
    {
      id: 'organisation',
      title: 'As an organisation',
      audience: 'organisation',
      statements: [
        { id: 'awareness-training', text: 'Our staff have carer awareness training.', phrases: ['carer awareness training', 'carer awareness'], synonyms: ['train staff', 'staff training'] },
        { id: 'carers-champion', text: 'We have a named carers champion.', phrases: ['carers champion', 'carers lead'], synonyms: ['named lead for carers'] },
        { id: 'hospital-discharge', text: 'Carers are involved when the person they care for leaves hospital.', phrases: ['hospital discharge', 'leaving hospital'], synonyms: ['discharge planning'] },
        { id: 'gp-register', text: 'GP practices keep a register of carers.', phrases: ['carers register', 'gp practice'], synonyms: ['flag on records', 'carer register'] },
        { id: 'digital', text: 'Carers can get support online as well as in person.', phrases: ['online support', 'carers portal'], synonyms: ['digital offer', 'website for carers'] },
        { id: 'partnership', text: 'We work in partnership with carers and other organisations.', phrases: ['work in partnership', 'partnership board'], synonyms: ['joint working', 'carers partnership'] },
        { id: 'progress-report', text: 'We report our progress every year.', phrases: ['annual report', 'report progress', 'progress every year'], synonyms: ['annual review', 'yearly update'] },
        { id: 'carer-friendly-employer', text: 'We are a carer-friendly employer.', phrases: ['carer friendly employer', 'carers leave'], synonyms: ['carer passport', 'paid leave for carers'] },
        { id: 'feedback', text: 'We ask carers for feedback and act on it.', phrases: ['carers feedback', 'survey of carers', 'you said we did'], synonyms: ['annual carers survey', 'listening event'] },
        { id: 'translation', text: 'Information is available in community languages and easy read.', phrases: ['community languages', 'easy read'], synonyms: ['interpreters', 'translated information'] },
      ],
    },
  ],
} as const satisfies DocumentStatementSet;
