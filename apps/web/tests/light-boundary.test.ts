import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dependencyClosure, importSpecifiers, walkImportGraph } from './support/walk-import-graph.ts';

// The light/heavy boundary (CONTRIBUTING.md): inference never runs in the web process, so ONNX
// Runtime, TF.js and the scorer stay out of what the web app loads and what it installs.
const HEAVY = /^(onnxruntime-(node|web|common)|@tensorflow\/.+|@tenfold\/scoring)$/;

const WEB_DIR = fileURLToPath(new URL('..', import.meta.url));
const REPO_DIR = join(WEB_DIR, '../..');
const OPTIONS = { alias: { prefix: '@/', dir: join(WEB_DIR, 'src') }, workspaceScope: '@tenfold' };

function webSources(): string[] {
  const sources = readdirSync(join(WEB_DIR, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
  return [...sources, join(WEB_DIR, 'next.config.ts')];
}

const heavyIn = (reached: Iterable<[string, string[]]>) =>
  [...reached].filter(([name]) => HEAVY.test(name)).map(([, chain]) => chain.join(' -> '));

describe('the light/heavy boundary', () => {
  it('reads every form of import but type-only ones', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from 'type-only';",
      'import {\n  c,\n  type D,\n} from "@tenfold/c";',
      "import 'side-effect';",
      "export { e } from '@/e';",
      "export type { F } from 'type-only-too';",
      "const g = await import('g');",
      '// import { h } from "commented-out";',
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(['./a.ts', '@tenfold/c', 'side-effect', '@/e', 'g']);
  });

  it("finds ONNX Runtime and TF.js where they are: from the scorer's in-process engines", () => {
    const graph = walkImportGraph([join(REPO_DIR, 'packages/scoring/src/engines.ts')], OPTIONS);
    expect(graph.packages.has('onnxruntime-node')).toBe(true);
    expect(graph.packages.has('@tensorflow/tfjs')).toBe(true);
  });

  it("keeps ONNX Runtime, TF.js and the scorer out of the web app's import graph", () => {
    const graph = walkImportGraph(webSources(), OPTIONS);
    // The walk reaches the whole app: the light workspace packages and their npm dependencies.
    expect(graph.files.size).toBeGreaterThan(200);
    for (const workspace of ['@tenfold/contract', '@tenfold/boards', '@tenfold/db', '@tenfold/datasets']) {
      expect(graph.workspaces).toContain(workspace);
    }
    for (const name of ['next', 'react', 'zod', 'pg', 'bullmq']) expect(graph.packages.has(name)).toBe(true);
    expect([...graph.workspaces].filter((name) => HEAVY.test(name))).toEqual([]);
    expect(heavyIn(graph.packages)).toEqual([]);
  });

  it("installs none of them with the web app's or the boards' dependencies", () => {
    for (const workspace of ['apps/web', 'packages/boards', 'packages/contract']) {
      const closure = dependencyClosure(join(REPO_DIR, workspace));
      expect(closure.size, workspace).toBeGreaterThan(0);
      expect(heavyIn(closure), workspace).toEqual([]);
    }
    // The check itself: the worker's dependencies do bring them.
    expect(heavyIn(dependencyClosure(join(REPO_DIR, 'apps/worker'))).length).toBeGreaterThan(0);
  });
});
