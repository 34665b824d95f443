import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // tsconfig.json leaves JSX to Next.js (`preserve`); tests that render a component need it compiled.
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${fromHere('./src')}/` },
      // Outside Next's `react-server` condition `server-only` throws on import by design;
      // tests call server modules directly, so they get its empty twin.
      { find: /^server-only$/, replacement: fromHere('./tests/support/empty-module.ts') },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
