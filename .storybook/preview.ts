import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json';
import { globalTypes, initialGlobals, withCarerVoice, type StoryGlobals } from '../stories/support.js';
import { localeReady } from '../packages/elements/src/i18n/index.js';
import '@carers-voice/elements/kit/define';

// The docs tables (attributes, properties, events, CSS parts and properties) come from the
// manifest `pnpm cem` writes from the elements' JSDoc.
setCustomElementsManifest(manifest);

const preview: Preview = {
  globalTypes,
  initialGlobals,
  decorators: [(story, context) => withCarerVoice(story(), context.globals as StoryGlobals)],
  // Wait for the Urdu strings before Storybook (and its a11y panel) looks at the story.
  loaders: [async () => localeReady()],
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
