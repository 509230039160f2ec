/** Browser tests: the production build in dist/ driven through Debian's Chromium with playwright-core.
 * Run by `npm run test:browser`, which builds first. One file at a time: each launches its own browser. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/browser'],
  testMatch: ['**/tests/browser/**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: { jsx: 'react-jsx', module: 'commonjs', moduleResolution: 'node', esModuleInterop: true, isolatedModules: true } }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 600000, // a whole session with axe on every screen, on a busy shared machine
  maxWorkers: 1,
};
