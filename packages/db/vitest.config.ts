import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'db',
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    // Integration tests create and drop real databases; the CLI tests start tsx processes.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
