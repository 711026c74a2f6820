import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  addons: ['@storybook/addon-a11y'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(config) {
    // Resolve workspace packages to their TypeScript sources, as the tests do.
    config.resolve = { ...config.resolve, conditions: ['source', 'browser', 'module', 'import', 'default'] };
    return config;
  },
};
export default config;
