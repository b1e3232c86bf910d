/** Jest runs TypeScript through SWC rather than ts-jest: SWC emits the decorator metadata that
 *  type-graphql reads and skips type-checking, which is fast. Type-checking is `npm run typecheck`. */
const swc = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // jose 6 ships ESM only; SWC turns it into CommonJS like our own sources.
  transform: { '^.+\\.ts$': ['@swc/jest', swc], '^.+/node_modules/jose/.+\\.js$': ['@swc/jest', swc] },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  testTimeout: 20000,
};
