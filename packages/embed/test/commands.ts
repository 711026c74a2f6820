// The test runner's keyboard commands, resolved from this package (the repository root does not
// list @web/test-runner-commands), for test/browser/embed-*.test.ts.
export { sendKeys } from '@web/test-runner-commands';
