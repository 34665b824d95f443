import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'queue',
    // Integration tests talk to a real Redis (a queue name per file) and score nothing; the
    // generous limits are for a loaded CI machine, not for slow tests.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
