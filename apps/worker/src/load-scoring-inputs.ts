import { DATASETS, type DatasetEnum, datasetIdFromEnum, getDatasetInfo, loadSplit } from '@tenfold/datasets';
import { type LabelledSample, type ScoreRequest, takeSanitySample } from '@tenfold/scoring';

export type ScoringInputs = Pick<ScoreRequest, 'dataset' | 'sanity'>;

/**
 * Loads what a submission is scored on: the dataset's test split, plus training samples of it
 * and of the other dataset for the sanity pass. @tenfold/datasets keeps parsed splits in memory.
 */
export function createScoringInputsLoader(options: { dataDir?: string }) {
  const samples = new Map<DatasetEnum, Promise<LabelledSample>>();
  const sampleOf = (dataset: DatasetEnum) => {
    let sample = samples.get(dataset);
    if (!sample) {
      sample = loadSplit(datasetIdFromEnum(dataset), 'train', options).then((split) => takeSanitySample(split));
      samples.set(dataset, sample);
      sample.catch(() => samples.delete(dataset));
    }
    return sample;
  };
  return async (dataset: DatasetEnum): Promise<ScoringInputs> => {
    const info = getDatasetInfo(datasetIdFromEnum(dataset));
    const other = Object.values(DATASETS).find((candidate) => candidate.enumValue !== dataset);
    if (!other) throw new Error('Tenfold needs two datasets to cross-check submissions.');
    const [split, own, otherSample] = await Promise.all([
      loadSplit(info.id, 'test', options),
      sampleOf(dataset),
      sampleOf(other.enumValue),
    ]);
    return {
      dataset: { ...split, name: info.name, normalization: info.normalization },
      sanity: { own, other: { ...otherSample, datasetName: other.name } },
    };
  };
}
