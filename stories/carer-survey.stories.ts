import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DraftStore } from '@carers-voice/core/outbox';
import '@carers-voice/elements/survey/define';
import type { StoryGlobals } from './support.js';

/**
 * `<carer-survey>` in each state a carer or a partner can meet: the first page, an error, check your
 * answers, the confirmation (offline, then sent), easy read, Urdu (right to left) and a broken
 * definition as a partner's web editor sees it. States after the first page are reached the way a
 * carer reaches them after a reload: a saved draft (written by the story's loader) resumes there.
 */
const survey = {
  kind: 'survey',
  id: 'story-survey',
  version: 1,
  title: 'Tell us about caring',
  intro: 'Four short pages. You can skip anything marked optional.',
  easyRead: { title: 'Questions about caring', intro: 'We want to know how caring is for you.' },
  privacy: { anonymous: true, notice: 'We do not ask your name. Results are only shared as totals.' },
  signposting: [
    { id: 'hub', kind: 'hub', title: "Your local carers' hub", description: 'Free advice, breaks and groups.', url: 'https://example.org/carers-hub' },
    { id: 'crisis', kind: 'crisis', title: 'Samaritans (any time, free)', phone: '116 123' },
  ],
  pages: [
    {
      id: 'about',
      title: 'About you',
      questions: [
        {
          id: 'age',
          type: 'single',
          label: 'How old are you?',
          easyRead: 'How old are you? Pick one.',
          options: [
            { value: 'under-18', label: 'Under 18' },
            { value: '18-64', label: '18 to 64' },
            { value: '65-plus', label: '65 or over' },
          ],
        },
        {
          id: 'cares-for',
          type: 'multiple',
          label: 'Who do you look after?',
          easyRead: 'Who do you help? Pick all that are true.',
          options: [
            { value: 'parent', label: 'A parent' },
            { value: 'partner', label: 'A partner' },
            { value: 'child', label: 'A child' },
            { value: 'none', label: 'Nobody at the moment', exclusive: true },
          ],
        },
      ],
    },
    {
      id: 'school',
      title: 'School',
      showIf: { question: 'age', equals: 'under-18' },
      questions: [
        {
          id: 'school-knows',
          type: 'single',
          label: 'Does your school know you are a carer?',
          young: { label: 'Do your teachers know you help look after someone?' },
          options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }],
        },
      ],
    },
    {
      id: 'feelings',
      title: 'How you feel',
      questions: [
        { id: 'coping', type: 'likert', label: 'I feel able to cope with caring', easyRead: 'I can cope with caring.', scale: 'agreement' },
        { id: 'comments', type: 'textarea', label: 'Anything else you want to tell us?', required: false },
      ],
    },
  ],
};

const answered = { age: '18-64', 'cares-for': ['parent', 'partner'], coping: 'agree', comments: 'Breaks would help.' };

/** Writes a draft so the survey opens where a returning carer left off. */
const resumeAt = (database: string, position: string, answers: Record<string, unknown> = answered) => async () => {
  await new DraftStore({ database }).save(`${survey.id}@${survey.version}|`, answers, position);
  return {};
};

// "Sent": a stand-in collector for the story only, at an address that is never on the network.
const FAKE_COLLECTOR = 'https://collector.story.invalid';
if (typeof window !== 'undefined' && !(window as { __storyCollector?: boolean }).__storyCollector) {
  (window as { __storyCollector?: boolean }).__storyCollector = true;
  const realFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith(FAKE_COLLECTOR)) {
      return Promise.resolve(new Response(JSON.stringify({ status: 'stored' }), { status: 201, headers: { 'content-type': 'application/json' } }));
    }
    return realFetch(input, init);
  };
}

interface Args {
  definition: unknown;
  src: string;
  endpoint: string;
  easyRead: boolean;
  lang: string;
  database: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/Survey states',
  component: 'carer-survey',
  args: { definition: survey, src: '', endpoint: '', easyRead: false, lang: '', database: 'story-first-page' },
  argTypes: {
    definition: { control: 'object' },
    src: { control: 'text' },
    endpoint: { control: 'text' },
    easyRead: { control: 'boolean', name: 'easy-read' },
    lang: { control: 'inline-radio', options: ['', 'en-GB', 'ur'] },
  },
  render: (args, context) => {
    const easyRead = args.easyRead || (context?.globals as StoryGlobals | undefined)?.easyRead === 'on';
    return html`<carer-survey
      .definition=${args.src ? undefined : args.definition}
      src=${args.src || ''}
      endpoint=${args.endpoint || ''}
      lang=${args.lang || ''}
      .database=${args.database}
      ?easy-read=${easyRead}
    ></carer-survey>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

/** The first page: progress, intro, privacy notice, the questions and the shared-device note. */
export const FirstPage: Story = { name: 'First page', loaders: [async () => new DraftStore({ database: 'story-first-page' }).clear('story-survey@1|').then(() => ({}))] };

/** "Continue" with nothing chosen: the error summary takes focus; each question shows its error. */
export const ErrorState: Story = {
  name: 'Error',
  args: { database: 'story-error' },
  loaders: [resumeAt('story-error', 'about', {})],
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('carer-survey')!;
    await el.ready;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    // The checks load after the first page (usually already there): wait until Continue has acted.
    await el.saved;
  },
};

/** "Check your answers" with a "Change" link on every row. */
export const CheckAnswers: Story = { name: 'Check your answers', args: { database: 'story-check' }, loaders: [resumeAt('story-check', 'check-answers')] };

function sendFromCheck(): Story['play'] {
  return async ({ canvasElement }) => {
    const el = canvasElement.querySelector('carer-survey')!;
    await el.ready;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  };
}

/** Sent with the collector out of reach: stored on the device, and the carer is told so honestly. */
export const ConfirmationOffline: Story = {
  name: 'Confirmation (offline)',
  args: { database: 'story-offline', endpoint: 'http://127.0.0.1:9' },
  loaders: [resumeAt('story-offline', 'check-answers')],
  play: sendFromCheck(),
};

/** Sent and acknowledged: the reference, "Sent", and the partner's signposting. */
export const ConfirmationSent: Story = {
  name: 'Confirmation (sent)',
  args: { database: 'story-sent', endpoint: FAKE_COLLECTOR },
  loaders: [resumeAt('story-sent', 'check-answers')],
  play: sendFromCheck(),
};

/** No endpoint: local mode — the answers stay on this device and the page says so. */
export const ConfirmationLocal: Story = {
  name: 'Confirmation (local mode)',
  args: { database: 'story-local' },
  loaders: [resumeAt('story-local', 'check-answers')],
  play: sendFromCheck(),
};

export const EasyRead: Story = { name: 'Easy read', args: { easyRead: true, database: 'story-easy' } };

/** Urdu: right to left; strings without a translation yet show in English. */
export const Urdu: Story = { name: 'Urdu (right to left)', args: { lang: 'ur', database: 'story-ur' }, globals: { locale: 'ur' } };

/** A definition with mistakes: a short message for carers and the details for the partner's web editor. */
export const BadDefinition: Story = {
  name: 'Bad definition',
  args: {
    database: 'story-bad',
    definition: { ...survey, version: 0, pages: [{ id: 'p1', questions: [{ id: 'q1', type: 'single', label: 'Only one option', options: [{ value: 'a', label: 'A' }] }] }] },
  },
};

/** A `src` that is not there (404). */
export const MissingSource: Story = { name: 'Bad src (404)', args: { src: '/no-such-survey.json', database: 'story-404' } };
