/**
 * What every story shares, used by `.storybook/preview.ts` and by the axe sweep in
 * `test/browser/stories-axe.test.ts`, so the sweep renders exactly what Storybook shows:
 * the toolbar globals (language, easy read, theme) and the `<carer-voice>` wrapper.
 */
import { html, type TemplateResult } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import type { AnswerValue, Question } from '@carers-voice/core/content';
import type { CarerTheme } from '@carers-voice/elements/provider';
import type { Preview } from '@storybook/web-components-vite';
import '@carers-voice/elements/provider/define';

/** The toolbar's choices. Stories may pin one with `globals: { locale: 'ur' }`. */
export interface StoryGlobals {
  locale?: 'en-GB' | 'ur';
  easyRead?: 'off' | 'on';
  theme?: keyof typeof themes;
}

/** Brands a partner might use, to check the kit keeps working (and keeps contrast) when restyled. */
export const themes = {
  default: undefined,
  council: {
    brand: '#4c2c92',
    brandText: '#ffffff',
    focus: '#ffbf47',
    link: '#4c2c92',
    radius: '6px',
    fontFamily: 'Verdana, Geneva, sans-serif',
  },
  nhs: {
    brand: '#005eb8',
    brandText: '#ffffff',
    focus: '#ffeb3b',
    link: '#005eb8',
    radius: '4px',
    baseSize: '20px',
    fontFamily: 'Arial, Helvetica, sans-serif',
  },
} satisfies Record<string, CarerTheme | undefined>;

export const globalTypes: NonNullable<Preview['globalTypes']> = {
  locale: {
    description: 'Language of the controls (strings without an Urdu translation stay in English)',
    toolbar: {
      title: 'Language',
      icon: 'globe',
      items: [
        { value: 'en-GB', title: 'English (UK)', right: 'LTR' },
        { value: 'ur', title: 'اردو — Urdu', right: 'RTL' },
      ],
      dynamicTitle: true,
    },
  },
  easyRead: {
    description: 'Show the easy read wording where a question has it',
    toolbar: {
      title: 'Easy read',
      icon: 'book',
      items: [
        { value: 'off', title: 'Standard wording' },
        { value: 'on', title: 'Easy read' },
      ],
      dynamicTitle: true,
    },
  },
  theme: {
    description: "A partner's brand theme, set on <carer-voice>",
    toolbar: {
      title: 'Theme',
      icon: 'paintbrush',
      items: [
        { value: 'default', title: 'Default (GOV.UK-like)' },
        { value: 'council', title: 'Council purple' },
        { value: 'nhs', title: 'NHS blue, larger text' },
      ],
      dynamicTitle: true,
    },
  },
};

export const initialGlobals: Required<StoryGlobals> = { locale: 'en-GB', easyRead: 'off', theme: 'default' };

/** Wraps a story in the provider, as a partner's page would. */
export function withCarerVoice(story: unknown, globals: StoryGlobals = {}): TemplateResult {
  const locale = globals.locale ?? initialGlobals.locale;
  const theme = themes[globals.theme ?? 'default'];
  return html`<carer-voice lang=${locale} .theme=${theme}>${story}</carer-voice>`;
}

/** The arguments every question control takes. */
export interface ControlArgs {
  question: Question;
  value?: AnswerValue | undefined;
  error?: string;
  easyRead?: boolean;
  young?: boolean;
  /** Answers to conditional follow-ups, by their own question id. */
  revealValues?: Record<string, AnswerValue>;
  revealErrors?: Record<string, string>;
}

/** Something shaped like Storybook's story context, as far as our render functions need it. */
export interface RenderContext {
  globals?: StoryGlobals | Record<string, unknown>;
}

/** A render function for any question control: `<carer-radios .question .value error easy-read young>`. */
export function renderControl(tag: string) {
  const tagName = unsafeStatic(tag);
  return (args: ControlArgs, context?: RenderContext): TemplateResult => {
    const easyRead = Boolean(args.easyRead) || (context?.globals as StoryGlobals | undefined)?.easyRead === 'on';
    return staticHtml`<${tagName}
      .question=${args.question}
      .value=${args.value}
      error=${args.error ?? ''}
      ?easy-read=${easyRead}
      ?young=${Boolean(args.young)}
      .revealValues=${args.revealValues ?? {}}
      .revealErrors=${args.revealErrors ?? {}}
    ></${tagName}>`;
  };
}

/** Storybook's argTypes for the shared control properties (the question object is edited as JSON). */
export const controlArgTypes = {
  question: { control: 'object', description: 'The question (from @carers-voice/core/content)' },
  value: { control: 'object', description: 'The answer; setting it never fires input/change' },
  error: { control: 'text', description: 'An error message shown inline after a hidden "Error:"' },
  easyRead: { control: 'boolean', name: 'easy-read', description: 'Show the easy read wording' },
  young: { control: 'boolean', description: "Use the young carers' wording" },
} as const;

/** A story as Storybook's CSF describes it (a subset; what our stories and the axe sweep use). */
export interface ControlStory {
  name?: string;
  args?: Partial<ControlArgs>;
  globals?: StoryGlobals;
}

export interface StateOptions<Q extends Question> {
  question: Q;
  /** A typical answer. */
  answered: AnswerValue;
  /** The GOV.UK-style message a widget shows when this question is not answered properly. */
  error: string;
  /** The same message in Urdu, for the right-to-left state. */
  urduError: string;
  /** The question in Urdu (the fixture's translations applied, when it has them). */
  urdu?: Q;
  /** A version with a hint, when `question` has none. */
  withHint?: Q;
  /** A version with easy read wording, when `question` has none. */
  easyRead?: Q;
  /** A version with young carers' wording, when `question` has none. */
  young?: Q;
}

/**
 * The states every question control shows, as stories: empty, answered, error, hint, right to left
 * (Urdu), easy read and young carers' wording.
 */
export function controlStates<Q extends Question>(o: StateOptions<Q>) {
  const { hint: _hint, ...withoutHint } = o.question;
  return {
    Empty: { args: { question: withoutHint as Question } },
    Answered: { args: { question: o.question, value: o.answered } },
    Error: { name: 'Error', args: { question: o.question, error: o.error } },
    WithHint: { name: 'With hint', args: { question: o.withHint ?? o.question } },
    RightToLeft: {
      name: 'Right to left (Urdu)',
      args: { question: o.urdu ?? o.question, value: o.answered, error: o.urduError },
      globals: { locale: 'ur' },
    },
    EasyRead: { name: 'Easy read', args: { question: o.easyRead ?? o.question, easyRead: true } },
    Young: { name: "Young carers' wording", args: { question: o.young ?? o.question, young: true } },
  } satisfies Record<string, ControlStory>;
}
