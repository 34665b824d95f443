import {
  DATASETS,
  type DatasetEnum,
  datasetIdFromEnum,
  getDatasetInfo,
  type LoadOptions,
  loadSplit,
} from '@tenfold/datasets';
import { type LabelledSample, takeSanitySample } from './sanity/sanity-sample.ts';
import type { ScoreRequest } from './score-artifact.ts';

export type ScoringInputs = Pick<ScoreRequest, 'dataset' | 'sanity'> & {
  /** Said on the evaluation beside the scorer's own warnings: a check this worker could not run. */
  notes: string[];
};

/**
 * Loads what a model is scored on, for the worker and `npm run score` alike: the dataset's test split and training samples of it for
 * the sanity pass, both required, plus training samples of the other dataset, which only serve
 * to spot a model trained on the wrong one: without them that one check is left out and said so,
 * rather than the submission failed. @tenfold/datasets keeps parsed splits in memory.
 */
export function createScoringInputsLoader(options: LoadOptions) {
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
      sampleOf(other.enumValue).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
    ]);
    const isOtherMissing = otherSample instanceof Error;
    return {
      dataset: { ...split, name: info.name, normalization: info.normalization },
      sanity: { own, other: isOtherMissing ? undefined : { ...otherSample, datasetName: other.name } },
      notes: isOtherMissing
        ? [
            `Not checked whether it was trained on ${other.name} instead: this worker has no ${other.name} training images (${otherSample.message}).`,
          ]
        : [],
    };
  };
}
