import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const MUTATING_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Names a module exports: `export [async] function X`, `export const X`, `export const { X, Y } =`, `export { X }`. */
export function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:default\s+)?(?:async\s+)?function\s*\*?\s*(\w+)/g))
    names.add(match[1] as string);
  for (const match of source.matchAll(/export\s+(?:const|let|var)\s+(\w+)/g)) names.add(match[1] as string);
  for (const match of source.matchAll(/export\s+(?:const|let|var)\s*\{([^}]*)\}\s*=/g)) {
    for (const part of (match[1] as string).split(',')) {
      const name = part.split(':').pop()?.trim();
      if (name) names.add(name);
    }
  }
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of (match[1] as string).split(',')) {
      const name = part
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name && !name.startsWith('type ')) names.add(name);
    }
  }
  if (/export\s+default\s/.test(source)) names.add('default');
  return [...names];
}

/**
 * Every mutating route handler under src/app, as "METHOD /url/[param]": each exported
 * POST, PUT, PATCH or DELETE of a route.ts.
 */
export function discoverMutatingRoutes(srcDir: string): string[] {
  const appDir = join(srcDir, 'app');
  return listFiles(appDir)
    .filter((file) => /[/\\]route\.tsx?$/.test(file))
    .flatMap((file) => {
      const url = `/${relative(appDir, file).split(sep).slice(0, -1).join('/')}`;
      const methods = exportedNames(readFileSync(file, 'utf8')).filter((name) =>
        (MUTATING_METHODS as readonly string[]).includes(name),
      );
      return methods.map((method) => `${method} ${url}`);
    })
    .sort();
}

/**
 * Every server action in src: each export of a file that starts with 'use server', as
 * "file#export", and any function with an inline 'use server' directive, as "file#inline".
 */
export function discoverServerActions(srcDir: string): string[] {
  return listFiles(srcDir)
    .flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      const name = relative(srcDir, file).split(sep).join('/');
      const isActionModule = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use server['"]/.test(source);
      if (isActionModule) return exportedNames(source).map((exported) => `${name}#${exported}`);
      return /\{\s*['"]use server['"]/.test(source) ? [`${name}#inline`] : [];
    })
    .sort();
}
