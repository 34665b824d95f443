import 'server-only';
import type { DatasetId } from '@tenfold/datasets/catalog';
import { getTestSplit } from '@/server/datasets/get-test-split';
import { encodeGrayPng } from './encode-gray-png.ts';

const IMAGE_SIDE = 28;
const IMAGE_PIXELS = IMAGE_SIDE * IMAGE_SIDE;
/** About 1 MB of PNGs: every image of a few drill-downs stays encoded. */
const MAX_CACHED = 5_000;
const cache = new Map<string, Buffer>();

/**
 * One test image as PNG, or null when the index is out of range. Ink is drawn dark on light
 * (255 − pixel) to match the page; the pixels themselves are the dataset's.
 */
export async function getTestImagePng(datasetId: DatasetId, index: number): Promise<Buffer | null> {
  const key = `${datasetId}:${index}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const split = await getTestSplit(datasetId);
  if (!Number.isInteger(index) || index < 0 || index >= split.count) return null;
  const pixels = split.images.subarray(index * IMAGE_PIXELS, (index + 1) * IMAGE_PIXELS).map((p) => 255 - p);
  const png = encodeGrayPng(pixels, IMAGE_SIDE, IMAGE_SIDE);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, png);
  return png;
}
