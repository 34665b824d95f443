import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// Walks what a set of source files can load at run time: their imports, followed through
// relative paths, the web app's `@/` alias and workspace packages' `exports` (their TypeScript
// source), and every npm package reached, with its package.json dependencies, transitively.
// Type-only imports are left out: they load nothing.

const SOURCE = /\.(ts|tsx|mts|js|mjs|jsx)$/;
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];
// `import x from 'a'`, `export { x } from 'a'`, `import 'a'`, `import('a')`, `require('a')`; not `import type`.
const SPECIFIERS =
  /(?:^|[;\n]\s*)(?:import|export)(?!\s+type\s)(?:[\s\w{},*$]*?\sfrom\s*)?\s*['"]([^'"]+)['"]|\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g;

export type ImportGraph = {
  /** Source files reached (absolute paths). */
  files: Set<string>;
  /** npm packages reached, by name, each with the chain that first reached it. */
  packages: Map<string, string[]>;
  /** Workspace packages reached (`@tenfold/...`). */
  workspaces: Set<string>;
};

type Options = { alias: { prefix: string; dir: string }; workspaceScope: string };

function resolveFile(base: string): string | null {
  for (const extension of EXTENSIONS) {
    const candidate = base + extension;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

/** The folder of a package as Node finds it from `fromDir` (node_modules, walking up). */
function findPackageDir(name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return null;
  }
}

function readManifest(dir: string): {
  name: string;
  exports?: Record<string, string>;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
} {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
}

/** The modules a source file loads; a statement must start a line (or follow `;`), so comments do not count. */
export function importSpecifiers(source: string): string[] {
  return [...source.matchAll(SPECIFIERS)].map((match) => (match[1] ?? match[2]) as string);
}

type PendingPackage = { name: string; fromDir: string; chain: string[] };

/** Packages and, transitively, their package.json dependencies (workspace packages included). */
function walkPackages(pending: PendingPackage[]): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const seenDirs = new Set<string>();
  while (pending.length > 0) {
    const { name, fromDir, chain } = pending.pop() as PendingPackage;
    const dir = findPackageDir(name, fromDir);
    // Node's built-ins without the `node:` prefix, and optional packages not installed, load nothing.
    if (!dir || seenDirs.has(dir)) continue;
    seenDirs.add(dir);
    if (!reached.has(name)) reached.set(name, chain);
    const manifest = readManifest(dir);
    for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      pending.push({ name: dependency, fromDir: dir, chain: [...chain, dependency] });
    }
  }
  return reached;
}

/** What installing a workspace's `dependencies` brings, transitively, each with the chain that brings it. */
export function dependencyClosure(workspaceDir: string): Map<string, string[]> {
  const manifest = readManifest(workspaceDir);
  return walkPackages(
    Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies }).map((name) => ({
      name,
      fromDir: workspaceDir,
      chain: [manifest.name, name],
    })),
  );
}

export function walkImportGraph(entries: string[], options: Options): ImportGraph {
  const graph: ImportGraph = { files: new Set(), packages: new Map(), workspaces: new Set() };
  const pendingFiles = entries.map((file) => ({ file, chain: [file] }));
  const pendingPackages: PendingPackage[] = [];

  while (pendingFiles.length > 0) {
    const { file, chain } = pendingFiles.pop() as { file: string; chain: string[] };
    if (graph.files.has(file)) continue;
    graph.files.add(file);
    if (!SOURCE.test(file)) continue;
    for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('node:')) continue;
      const next = [...chain, specifier];
      if (specifier.startsWith('.') || specifier.startsWith(options.alias.prefix)) {
        const base = specifier.startsWith('.')
          ? resolve(dirname(file), specifier)
          : join(options.alias.dir, specifier.slice(options.alias.prefix.length));
        const target = resolveFile(base);
        if (!target) throw new Error(`${file}: cannot resolve "${specifier}"`);
        pendingFiles.push({ file: target, chain: next });
        continue;
      }
      const name = packageName(specifier);
      if (name.startsWith(`${options.workspaceScope}/`)) {
        const dir = findPackageDir(name, dirname(file));
        if (!dir) throw new Error(`${file}: workspace package ${name} is not installed`);
        const subpath = `.${specifier.slice(name.length)}`;
        const target = readManifest(dir).exports?.[subpath];
        if (!target) throw new Error(`${file}: ${name} does not export "${subpath}"`);
        graph.workspaces.add(name);
        pendingFiles.push({ file: join(dir, target), chain: next });
      } else {
        pendingPackages.push({ name, fromDir: dirname(file), chain: next });
      }
    }
  }

  graph.packages = walkPackages(pendingPackages);
  return graph;
}
