import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'worker',
    // Integration tests score real models on the full 10,000-image test split.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
