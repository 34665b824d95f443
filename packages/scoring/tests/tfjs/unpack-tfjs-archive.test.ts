import { createDeflateRaw } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { isModelError } from '../../src/errors.ts';
import { MAX_TFJS_FILES } from '../../src/tfjs/tfjs-limits.ts';
import { unpackTfjsArchive } from '../../src/tfjs/unpack-tfjs-archive.ts';
import { crc32, deflated, type RawZipEntry, writeRawZip } from './support/write-raw-zip.ts';
import { readTfjsFixture, zipFiles } from './support/zip-files.ts';

const MIB = 1024 * 1024;
const encoder = new TextEncoder();
const MODEL: RawZipEntry = { name: 'model.json', data: encoder.encode('{}') };

/** Deflates `mib` MiB of zeros without holding them: a zip bomb's payload. */
async function deflateZeros(mib: number): Promise<Uint8Array> {
  const deflate = createDeflateRaw();
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = new Uint8Array(MIB);
  for (let i = 0; i < mib; i++) deflate.write(zeros);
  deflate.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

async function refusal(bytes: Uint8Array): Promise<string> {
  const error = await unpackTfjsArchive(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(isModelError(error)).toBe(true);
  return String(error);
}

describe('unpackTfjsArchive', () => {
  it('unpacks model.json and its shard, at the top or in one folder, ignoring files beside the folder', async () => {
    const fixture = readTfjsFixture('cnn');
    const flat = await unpackTfjsArchive(await zipFiles(fixture));
    expect(flat.folder).toBe('');
    expect(flat.modelJson).toEqual(fixture['model.json']);
    expect([...flat.files.keys()]).toEqual(['group1-shard1of1.bin']);
    expect(flat.files.get('group1-shard1of1.bin')).toEqual(fixture['group1-shard1of1.bin']);

    // What macOS Finder's "Compress" makes of a folder: AppleDouble files under __MACOSX/.
    const zip = new JSZip();
    for (const [name, content] of Object.entries(fixture)) {
      zip.file(`mnist-cnn/${name}`, content);
      zip.file(`__MACOSX/mnist-cnn/._${name}`, 'resource fork');
    }
    const nested = await unpackTfjsArchive(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(nested.folder).toBe('mnist-cnn/');
    expect([...nested.files.keys()]).toEqual(['group1-shard1of1.bin']);
  });

  it('refuses path traversal that JSZip alone would silently rename', async () => {
    const bytes = writeRawZip([MODEL, { name: '../group1-shard1of1.bin', data: encoder.encode('w') }]);
    const jszip = await JSZip.loadAsync(bytes);
    expect(Object.keys(jszip.files)).toContain('group1-shard1of1.bin');
    expect(await refusal(bytes)).toMatch(/member "\.\.\/group1-shard1of1\.bin" contains a "\.\." segment/);
  });

  it.each([
    ['/etc/model.json', /member "\/etc\/model\.json" is an absolute path/],
    ['weights\\..\\x.bin', /member "weights\\\\\.\.\\\\x\.bin" contains a backslash/],
    ['C:/model.json', /member "C:\/model\.json" contains ":"/],
    ['a//model.json', /member "a\/\/model\.json" contains an empty or "\." segment/],
  ])('refuses the member name %s', async (name, reason) => {
    expect(await refusal(writeRawZip([{ name, data: encoder.encode('{}') }]))).toMatch(reason);
  });

  it('refuses symbolic links', async () => {
    const zip = new JSZip();
    zip.file('model.json', '{}');
    zip.file('group1-shard1of1.bin', '/etc/passwd', { unixPermissions: 0o120777 });
    const bytes = await zip.generateAsync({ type: 'uint8array', platform: 'UNIX' });
    expect(await refusal(bytes)).toMatch(/member "group1-shard1of1\.bin" is a symbolic link/);
  });

  it('refuses duplicate names, of which JSZip would keep one', async () => {
    const bytes = writeRawZip([MODEL, { name: 'model.json', data: encoder.encode('{"evil":1}') }]);
    expect(await refusal(bytes)).toMatch(/holds "model\.json" twice/);
  });

  it(`refuses more than ${MAX_TFJS_FILES} entries`, async () => {
    const entries = Array.from({ length: MAX_TFJS_FILES + 1 }, (_, i) => ({ name: `shard${i}.bin` }));
    expect(await refusal(writeRawZip([MODEL, ...entries]))).toMatch(/holds 66 entries; at most 64 are accepted/);
  });

  it('refuses declared expansion beyond the limits before inflating anything', async () => {
    const huge = { name: 'big.bin', data: encoder.encode('x'), uncompressedSize: 300 * MIB };
    expect(await refusal(writeRawZip([MODEL, huge]))).toMatch(
      /"big\.bin" expands to more than 200 MB, the limit for one file/,
    );
    const parts = [1, 2, 3].map((i) => ({
      name: `part${i}.bin`,
      data: encoder.encode('x'),
      uncompressedSize: 80 * MIB,
    }));
    expect(await refusal(writeRawZip([MODEL, ...parts]))).toMatch(/expands to 240 MB; the limit is 200 MB/);
    const bigJson = { ...MODEL, uncompressedSize: 9 * MIB };
    expect(await refusal(writeRawZip([bigJson]))).toMatch(/"model\.json" expands to more than 8 MB/);
  });

  it('stops inflating a zip bomb at the first chunk beyond its declared size', async () => {
    // 1 GiB of zeros deflates to about 1 MB; the entry claims 1,000 bytes. Inflating all of it
    // would take about 4 s here (pako alone).
    const bomb: RawZipEntry = {
      name: 'group1-shard1of1.bin',
      data: await deflateZeros(1024),
      method: 8,
      uncompressedSize: 1000,
    };
    expect(bomb.data?.length).toBeLessThan(2 * MIB);
    const started = performance.now();
    expect(await refusal(writeRawZip([MODEL, bomb]))).toMatch(
      /"group1-shard1of1\.bin" inflates to more than the 1000 bytes its zip entry declares/,
    );
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses a member that inflates to less than it declares', async () => {
    const short = deflated('group1-shard1of1.bin', new Uint8Array(100), 5000);
    expect(await refusal(writeRawZip([MODEL, short]))).toMatch(/inflates to 100 bytes, not the 5000 it declares/);
  });

  it('refuses members that read differently in different zip readers', async () => {
    const renamed = writeRawZip([{ ...MODEL, localName: '../model.json' }]);
    expect(await refusal(renamed)).toMatch(/member "model\.json" has a different name in its local header/);
    // A Unicode Path extra field (0x7075) makes JSZip use another name than the stored one.
    const name = encoder.encode('model.json');
    const alias = encoder.encode('../x.json');
    const extra = new Uint8Array(4 + 5 + alias.length);
    const view = new DataView(extra.buffer);
    view.setUint16(0, 0x7075, true);
    view.setUint16(2, 5 + alias.length, true);
    view.setUint8(4, 1);
    view.setUint32(5, crc32(name), true);
    extra.set(alias, 9);
    expect(await refusal(writeRawZip([{ ...MODEL, centralExtra: extra }]))).toMatch(/zip archive is ambiguous/);
  });

  it('finds exactly one model.json, at the top or in one top-level folder', async () => {
    expect(await refusal(await zipFiles({ 'weights.bin': 'w' }))).toMatch(/holds no model\.json/);
    expect(await refusal(await zipFiles({ 'a/model.json': '{}', 'b/model.json': '{}' }))).toMatch(
      /holds 2 model\.json files \("a\/model\.json", "b\/model\.json"\)/,
    );
    expect(await refusal(await zipFiles({ 'a/b/model.json': '{}' }))).toMatch(
      /model\.json must be at the top of the archive or in one top-level folder; it is at "a\/b\/model\.json"/,
    );
  });

  it('refuses what is not a plain zip', async () => {
    expect(await refusal(encoder.encode('definitely not a zip'))).toMatch(/no zip end-of-central-directory record/);
    expect(await refusal(encoder.encode('\n{"format": "layers-model"}'))).toMatch(/is a JSON file, not a zip/);
    expect(await refusal(writeRawZip([{ ...MODEL, method: 12 as 0 }]))).toMatch(/compression method 12/);
    const zipped = await zipFiles({ 'model.json': '{}' });
    const trailing = new Uint8Array([...zipped, 1, 2, 3]);
    expect(await refusal(trailing)).toMatch(/data follows the end of the central directory/);
  });
});
