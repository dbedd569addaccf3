/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/unit/**/*.test.tsx',
      'tests/conformance/**/*.test.ts',
    ],
    environment: 'node',
    // Property and fuzz suites run thousands of cases; on a busy 2-core machine the default 5 s
    // per test is a measure of load, not of correctness.
    testTimeout: 60_000,
  },
});
