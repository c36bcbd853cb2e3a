/** Unit and integration tests: `npm test`. Browser tests have their own config (jest.e2e.config.js). */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } }];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/local'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
  testTimeout: 20000,
  reporters: ['default', ['<rootDir>/test/support/summary-reporter.js', { label: 'tests' }]],
};
