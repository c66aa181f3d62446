// One Jest run for the whole repository, split in projects so `npm run test:unit` can run alone.
// Unit specs sit beside the code and import sibling packages from source; the integration and
// end-to-end suites in tests/ drive the built product over HTTP and in Chromium.
const transform = { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] };
const sourcePackages = {
  '^@baton/contracts$': '<rootDir>/libs/contracts/src/index.ts',
  '^@baton/contracts/engine$': '<rootDir>/libs/contracts/src/engine.ts',
  '^@baton/domain$': '<rootDir>/libs/domain/src/index.ts',
  '^@baton/activity-sdk$': '<rootDir>/libs/activity-sdk/src/index.ts',
  '^@baton/activity-types$': '<rootDir>/libs/activity-types/src/index.ts',
  '^@baton/rules$': '<rootDir>/libs/rules/src/index.ts',
  '^@baton/runtime$': '<rootDir>/libs/runtime/src/index.ts',
  '^@baton/rule-builder-core$': '<rootDir>/rule-builder/core/src/index.ts',
  '^@baton/workflows$': '<rootDir>/workflows/src/index.ts',
};

module.exports = {
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      transform,
      moduleNameMapper: sourcePackages,
      testMatch: ['<rootDir>/{libs,rule-builder,workflows,apps}/**/src/**/*.spec.ts'],
    },
    {
      displayName: 'integration',
      rootDir: __dirname,
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
    },
    {
      // Reliability and security proofs: races and hostile input against the whole product.
      displayName: 'proof',
      rootDir: __dirname,
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/proof/**/*.test.ts'],
    },
  ],
};
