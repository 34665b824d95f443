import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'boards',
    // Each test file creates and migrates its own PostgreSQL database.
    hookTimeout: 60_000,
  },
});
