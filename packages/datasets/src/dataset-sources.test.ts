import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getDatasetInfo } from './catalog.ts';
import { DEBIAN_FASHION_MNIST_DIR, localSourceDirs } from './dataset-sources.ts';
import { readVerifiedFile } from './read-verified-file.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tenfold-sources-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a missing Fashion-MNIST', () => {
  it('names the Debian package that provides it', async () => {
    const cacheDir = join(scratch, 'cache');
    // The real source list, with Debian's folder moved somewhere empty as on a machine without the package.
    const dirs = localSourceDirs('fashion-mnist', { cacheDir, usePackagedSources: true }).map((source) =>
      source.dir === DEBIAN_FASHION_MNIST_DIR ? { ...source, dir: join(scratch, 'no-package') } : source,
    );
    const file = getDatasetInfo('fashion-mnist').splits.test.labels;
    await expect(readVerifiedFile(file, { dirs, cacheDir, downloadUrl: null })).rejects.toThrow(
      'Put the file (raw or .gz) in one of those folders (on Debian: `apt-get install dataset-fashion-mnist`).',
    );
  });
});
