import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATASET_IDS, datasetEnumFromId, datasetIdFromEnum, getDatasetInfo, isDatasetId } from './catalog.ts';
import { IMAGE_COLUMNS, IMAGE_ROWS, IMAGES_HEADER_BYTES, LABELS_HEADER_BYTES } from './idx-format.ts';

describe('catalog', () => {
  it('maps ids to the Prisma enum and back', () => {
    expect(DATASET_IDS.map(datasetEnumFromId)).toEqual(['MNIST', 'FASHION_MNIST']);
    for (const id of DATASET_IDS) expect(datasetIdFromEnum(datasetEnumFromId(id))).toBe(id);
    expect(isDatasetId('fashion-mnist')).toBe(true);
    expect(isDatasetId('FASHION_MNIST')).toBe(false);
  });

  it('describes each dataset consistently with the IDX layout', () => {
    for (const id of DATASET_IDS) {
      const info = getDatasetInfo(id);
      expect(info.id).toBe(id);
      expect(info.slug).toBe(id);
      expect(info.classNames).toHaveLength(10);
      expect(info.splits.train.count).toBe(60_000);
      expect(info.splits.test.count).toBe(10_000);
      for (const split of Object.values(info.splits)) {
        expect(split.images.bytes).toBe(IMAGES_HEADER_BYTES + split.count * IMAGE_ROWS * IMAGE_COLUMNS);
        expect(split.labels.bytes).toBe(LABELS_HEADER_BYTES + split.count);
        expect(split.images.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(split.labels.sha256).toMatch(/^[0-9a-f]{64}$/);
      }
      expect(info.downloadBaseUrl).toMatch(/^https?:\/\/.+\/$/);
    }
    expect(getDatasetInfo('fashion-mnist').classNames[9]).toBe('Ankle boot');
  });

  it('imports nothing, so the web app can bundle it', () => {
    const source = readFileSync(new URL('./catalog.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).not.toMatch(/\brequire\(|\bprocess\./);
  });
});
