/** Unit and integration tests: `npm test`. Browser tests have their own config (jest.e2e.config.js). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/local'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  // ESM-only packages swc must turn into CommonJS for Jest: jose, preact, @noble/hashes; incoming mail's
  // email-reply-parser and marklassian (ESM only), and marked, which marklassian's import reaches as its ESM build.
  transformIgnorePatterns: ['/node_modules/(?!(jose|preact|@noble/hashes|email-reply-parser|marklassian|marked)/)'],
  // The Custom UIs run on Preact's React compat layer (static/shared/vite-app-config.ts); their tests (*.test.tsx,
  // each with `@jest-environment jsdom`) run them so too.
  moduleNameMapper: {
    '^react$': 'preact/compat',
    '^react-dom$': 'preact/compat',
    '^react-dom/client$': 'preact/compat/client',
    '^react/jsx-runtime$': 'preact/jsx-runtime',
    '^react/jsx-dev-runtime$': 'preact/jsx-dev-runtime',
  },
  // Two workers on CI's two cores: most suites wait on loopback servers and child processes, not the CPU (about
  // 400 s instead of 670 s for the whole run).
  maxWorkers: 2,
  testTimeout: 20000,
  reporters: ['default', ['<rootDir>/test/support/summary-reporter.js', { label: 'tests' }]],
};
