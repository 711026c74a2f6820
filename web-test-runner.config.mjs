// Element tests run in Debian's Chromium (never a browser downloaded by a test tool: that fails here).
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { scriptedCollector } from './test/support/scripted-collector.mjs';

const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
if (!executablePath) {
  console.error('Chromium is missing. Run: apt-get install -y chromium (pnpm test does this for you when run as root).');
  process.exit(1);
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Stops Chromium looking up outside hosts: this machine has no network but the package registries.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

export default {
  files: [
    'packages/elements/src/**/*.test.ts',
    'packages/charts/src/**/*.test.ts',
    'packages/*/src/**/*.browser.test.ts',
    'test/browser/**/*.test.ts',
  ],
  middleware: [scriptedCollector],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  plugins: [
    // Points at the file that itself holds the decorator options: esbuild ignores `extends`.
    esbuildPlugin({ ts: true, json: true, tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)) }),
  ],
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: { executablePath, headless: true, args: chromiumArgs } })],
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
};
