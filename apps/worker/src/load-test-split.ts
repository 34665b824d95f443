import { datasetIdFromEnum, getDatasetInfo, loadSplit } from '@tenfold/datasets';
import type { ScoringDataset } from '@tenfold/scoring';

/** Loads (and keeps in memory, via @tenfold/datasets) the test split a submission is scored on. */
export function createTestSplitLoader(options: { dataDir?: string }) {
  return async (dataset: 'MNIST' | 'FASHION_MNIST'): Promise<ScoringDataset> => {
    const id = datasetIdFromEnum(dataset);
    const split = await loadSplit(id, 'test', { dataDir: options.dataDir });
    const info = getDatasetInfo(id);
    return {
      images: split.images,
      labels: split.labels,
      count: split.count,
      fingerprint: split.fingerprint,
      normalization: info.normalization,
    };
  };
}
