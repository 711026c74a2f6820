import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json';
import { globalTypes, initialGlobals, withCarerVoice, type StoryGlobals } from '../stories/support.js';
import { setLocale } from '../packages/elements/src/i18n/index.js';
import '@carers-voice/elements/kit/define';

// The docs tables (attributes, properties, events, CSS parts and properties) come from the
// manifest `pnpm cem` writes from the elements' JSDoc.
setCustomElementsManifest(manifest);

const preview: Preview = {
  globalTypes,
  initialGlobals,
  decorators: [(story, context) => withCarerVoice(story(), context.globals as StoryGlobals)],
  // Load the chosen language's strings before the story renders, so Storybook (and its a11y panel)
  // never sees a flash of English; <carer-voice> in the decorator then finds it already active.
  loaders: [
    async (context) => {
      await setLocale((context.globals as StoryGlobals).locale ?? 'en-GB');
      return {};
    },
  ],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    a11y: {
      // Fail the a11y check in the test UI on any violation, not just report it.
      test: 'error',
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
    },
    options: { storySort: { order: ['Introduction', 'Provider', 'Kit', '*'] } },
  },
};

export default preview;
