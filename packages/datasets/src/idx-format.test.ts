import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  decompressIfGzipped,
  IMAGES_MAGIC,
  isGzipped,
  LABELS_MAGIC,
  parseIdxImages,
  parseIdxLabels,
} from './idx-format.ts';

function idx(magic: number, dims: number[], body: number[]): Uint8Array {
  const head = new DataView(new ArrayBuffer(4 + 4 * dims.length));
  head.setUint32(0, magic, false);
  for (const [i, dim] of dims.entries()) head.setUint32(4 + 4 * i, dim, false);
  return Uint8Array.from([...new Uint8Array(head.buffer), ...body]);
}

const twoImages = () =>
  idx(
    IMAGES_MAGIC,
    [2, 28, 28],
    Array.from({ length: 2 * 784 }, (_, i) => i % 256),
  );

describe('parseIdxLabels', () => {
  it('reads labels after the 8-byte header', () => {
    expect([...parseIdxLabels(idx(LABELS_MAGIC, [3], [7, 2, 1]))]).toEqual([7, 2, 1]);
  });
  it('refuses an image file, a truncated file, trailing bytes and labels over 9', () => {
    expect(() => parseIdxLabels(twoImages(), 'x')).toThrow(
      /x is not an IDX label file: magic number 2051, expected 2049/,
    );
    expect(() => parseIdxLabels(idx(LABELS_MAGIC, [3], [7, 2]), 'x')).toThrow(
      /x is truncated: its header declares 3 items/,
    );
    expect(() => parseIdxLabels(idx(LABELS_MAGIC, [1], [7, 2]), 'x')).toThrow(/has trailing bytes/);
    expect(() => parseIdxLabels(idx(LABELS_MAGIC, [2], [7, 12]), 'x')).toThrow(/label 12 at item 1/);
    expect(() => parseIdxLabels(Uint8Array.from([0, 0, 8, 1, 0]), 'x')).toThrow(/shorter than the 8-byte IDX header/);
  });
});

describe('parseIdxImages', () => {
  it('reads 28x28 images row-major after the 16-byte header', () => {
    const { count, pixels } = parseIdxImages(twoImages());
    expect(count).toBe(2);
    expect(pixels).toHaveLength(2 * 784);
    expect(pixels[785]).toBe(785 % 256);
  });
  it('refuses other sizes and truncation', () => {
    expect(() => parseIdxImages(idx(IMAGES_MAGIC, [1, 32, 32], new Array(1024).fill(0)), 'x')).toThrow(/32x32 images/);
    expect(() => parseIdxImages(twoImages().subarray(0, 1000), 'x')).toThrow(/x is truncated/);
    expect(() => parseIdxImages(Uint8Array.from([...twoImages(), 0]), 'x')).toThrow(
      /x has trailing bytes: its header declares 2 items \(1584 bytes\) but the file has 1585 bytes/,
    );
    expect(() => parseIdxImages(idx(LABELS_MAGIC, [1], [1]), 'x')).toThrow(/not an IDX image file/);
  });
});

describe('decompressIfGzipped', () => {
  it('recognises gzip by its magic bytes, not by name', () => {
    const raw = twoImages();
    expect(decompressIfGzipped(gzipSync(raw), 'x')).toEqual(raw);
    expect(decompressIfGzipped(raw, 'x')).toBe(raw);
    expect(isGzipped(gzipSync(raw))).toBe(true);
    expect(isGzipped(raw)).toBe(false);
  });
  it('parses gzipped and raw copies of a file identically', () => {
    const labels = idx(LABELS_MAGIC, [3], [9, 2, 1]);
    expect(parseIdxLabels(decompressIfGzipped(gzipSync(labels), 'x.gz'))).toEqual(parseIdxLabels(labels));
  });
  it('reports a damaged gzip file', () => {
    const damaged = gzipSync(twoImages()).subarray(0, 40);
    expect(() => decompressIfGzipped(damaged, 'f.gz')).toThrow(/f.gz is a damaged gzip file/);
  });
});
