import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every /api and /api/v1 handler is `withRoute(...)`, so none skips the who-asks check or answers
// a refusal in a shape of its own. better-auth's catch-all is the one exception: it checks Origin
// and limits sign-ins itself (server/auth/auth.ts).
const API_DIR = fileURLToPath(new URL('../src/app/api', import.meta.url));
const EXEMPT = ['auth/[...all]/route.ts'];
const METHOD_EXPORT =
  /export\s+(?:async\s+function\s+|const\s+|function\s+)(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b([^\n]*)/g;

describe('API route handlers', () => {
  it('are all written with withRoute', () => {
    const routes = readdirSync(API_DIR, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name === 'route.ts')
      .map((entry) => join(entry.parentPath, entry.name));
    expect(routes.length).toBeGreaterThan(25);
    const unwrapped = routes.flatMap((file) => {
      const name = relative(API_DIR, file);
      if (EXEMPT.includes(name)) return [];
      const exports = [...readFileSync(file, 'utf8').matchAll(METHOD_EXPORT)];
      if (exports.length === 0) return [`${name}: no method export`];
      return exports
        .filter(([, , rest]) => !/^\s*=\s*withRoute\(/.test(rest ?? ''))
        .map(([, method]) => `${name} ${method}`);
    });
    expect(unwrapped).toEqual([]);
  });
});
