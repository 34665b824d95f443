import { type DatasetId, loadSplit } from '@tenfold/datasets';
import { readEnv } from './env.ts';

/**
 * A dataset's official test labels, from the sources and options index.ts loads splits with, so
 * the split the worker already holds is reused (loadSplit keys its cache by those options).
 */
export async function loadTestLabels(datasetId: DatasetId): Promise<Uint8Array> {
  const env = readEnv();
  const split = await loadSplit(datasetId, 'test', {
    dataDir: env.TENFOLD_DATASETS_DIR,
    usePackagedSources: env.TENFOLD_DATASETS_PACKAGED,
  });
  return split.labels;
}
