/** A small survey and envelopes for the collector's tests and benchmarks. */
import { randomUUID } from 'node:crypto';
import { loadConfig, type Config } from '../config.js';

export const testSurvey = {
  kind: 'survey',
  id: 'test-survey',
  version: 1,
  title: 'Test carers survey',
  privacy: { anonymous: true },
  pages: [
    {
      id: 'about',
      questions: [
        {
          id: 'age-band',
          type: 'single',
          label: 'How old are you?',
          options: [
            { value: 'under-18', label: 'Under 18' },
            { value: '18-64', label: '18 to 64' },
            { value: '65-plus', label: '65 or over' },
          ],
        },
        { id: 'break', type: 'likert', label: 'I can take a break when I need one', scale: 'agreement', notApplicable: true },
        {
          id: 'support',
          type: 'multiple',
          label: 'Which support have you used?',
          options: [
            { value: 'gp', label: 'GP' },
            { value: 'hub', label: 'Carers hub' },
            { value: 'none', label: 'None of these', exclusive: true },
          ],
        },
        { id: 'hours', type: 'number', label: 'Hours a week caring', min: 0, max: 168, required: false },
        { id: 'comments', type: 'textarea', label: 'Anything else?', required: false },
        {
          id: 'contact-ok',
          type: 'single',
          label: 'Can we contact you about your answers?',
          options: [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ],
        },
        {
          id: 'email',
          type: 'text',
          label: 'Your email address',
          contact: true,
          required: false,
          showIf: { question: 'contact-ok', equals: 'yes' },
        },
      ],
    },
  ],
  indicators: [{ id: 'breaks', label: 'Can take a break', question: 'break', positive: ['agree', 'strongly-agree'] }],
};

export const partnerA = { id: 'council', name: 'Borough Council', area: 'north', origins: ['https://council.example'] };
export const partnerB = { id: 'charity', name: 'Carers Centre', area: 'south', origins: ['https://carers.example'] };

export function envelope(overrides: Record<string, unknown> = {}, answers: Record<string, unknown> = {}) {
  const submitted = new Date();
  return {
    id: randomUUID(),
    instrument: { id: 'test-survey', version: 1 },
    partner: 'council',
    locale: 'en-GB',
    startedAt: new Date(submitted.getTime() - 120_000).toISOString(),
    submittedAt: submitted.toISOString(),
    answers: { 'age-band': '18-64', break: 'agree', support: ['gp'], hours: 20, 'contact-ok': 'no', ...answers },
    ...overrides,
  };
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_CLIENT: '1000000', RATE_LIMIT_PARTNER: '1000000', ...env });
}
