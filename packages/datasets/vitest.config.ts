import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'datasets', testTimeout: 60_000 },
});
