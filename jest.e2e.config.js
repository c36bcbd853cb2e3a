/** Browser tests: `npm run test:e2e` (Playwright driving Debian's Chromium, headless). */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 60000,
  maxWorkers: 1,
  reporters: ['default', ['<rootDir>/test/support/summary-reporter.js', { label: 'e2e' }]],
};
