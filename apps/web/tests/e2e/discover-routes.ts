import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { exportedNames, listFiles } from './discover-mutations.ts';

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export type AppRoute = {
  /** As in the source tree: `/api/models/[id]`, `/guides/examples/[...path]`; route groups dropped. */
  url: string;
  kind: 'page' | 'route';
  /** The methods a route.ts exports; pages answer GET (and HEAD). */
  methods: string[];
};

/** Every page and route handler under src/app, found the way discover-mutations.ts finds mutations. */
export function discoverAppRoutes(srcDir: string): AppRoute[] {
  const appDir = join(srcDir, 'app');
  return listFiles(appDir)
    .flatMap((file): AppRoute[] => {
      const match = /[/\\](page|route)\.tsx?$/.exec(file);
      if (!match) return [];
      const segments = relative(appDir, file)
        .split(sep)
        .slice(0, -1)
        .filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith('@'));
      const url = `/${segments.join('/')}`;
      if (match[1] === 'page') return [{ url, kind: 'page', methods: ['GET'] }];
      const methods = exportedNames(readFileSync(file, 'utf8')).filter((name) => HTTP_METHODS.includes(name));
      return [{ url, kind: 'route', methods }];
    })
    .sort((a, b) => a.url.localeCompare(b.url));
}
