import { defineConfig } from 'vitest/config';

// One run over every workspace; each workspace's own vitest.config.ts (if any) applies to it.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'scripts'],
  },
});
