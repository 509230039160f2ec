/**
 * Unit and integration tests: plain Node, no browser. Browser tests live in jest.browser.config.js.
 * Two projects: "proxy" runs everything against the Office double's own proxies; "wire" runs the
 * Office port's suites again with Microsoft's office.js client in front of the same double
 * (tests/office-double/wire). OFFICE_DOUBLE=proxy or =wire runs one of them (`--selectProjects` too).
 */
const base = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/tests/browser/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: { jsx: 'react-jsx', module: 'commonjs', moduleResolution: 'node', esModuleInterop: true, isolatedModules: true } }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};

const proxy = { ...base, displayName: 'proxy' };
const wire = {
  ...base,
  displayName: 'wire',
  roots: ['<rootDir>/tests'],
  testMatch: ['<rootDir>/tests/office-port/**/*.test.ts'],
  setupFiles: ['<rootDir>/tests/office-double/wire/setup.ts'],
};

const only = process.env.OFFICE_DOUBLE;
module.exports = { projects: only === 'wire' ? [wire] : only === 'proxy' ? [proxy] : [proxy, wire] };
