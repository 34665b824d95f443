import { DATASETS, type DatasetEnum, type LoadOptions, loadSplit } from '@tenfold/datasets';

export type DatasetStatus = {
  /** The datasets whose test and training files this worker loaded and verified. */
  scorable: DatasetEnum[];
  /** Why each other dataset cannot be scored here: the loader's words (what is missing, how to get it). */
  problems: Partial<Record<DatasetEnum, string>>;
};

export type DatasetAvailability = {
  /** Tries again every dataset not yet scorable. */
  refresh: () => Promise<void>;
  canScore: (dataset: DatasetEnum) => boolean;
  status: () => DatasetStatus;
};

/**
 * Which datasets this worker can score. A dataset counts once both its splits loaded and passed
 * their checksums (the test split is scored, the training split feeds the sanity pass), so a
 * corrupted copy is never advertised. Each dataset stands alone: one missing never stops the
 * other. Loaded splits stay in memory (@tenfold/datasets), so refreshing a scorable one is free;
 * a missing one is looked for again at each refresh, so files that appear later are noticed.
 */
export function createDatasetAvailability(options: LoadOptions): DatasetAvailability {
  const scorable = new Set<DatasetEnum>();
  const problems: Partial<Record<DatasetEnum, string>> = {};
  return {
    refresh: async () => {
      for (const info of Object.values(DATASETS)) {
        if (scorable.has(info.enumValue)) continue;
        try {
          await Promise.all([loadSplit(info.id, 'test', options), loadSplit(info.id, 'train', options)]);
          scorable.add(info.enumValue);
          delete problems[info.enumValue];
        } catch (error) {
          problems[info.enumValue] = error instanceof Error ? error.message : String(error);
        }
      }
    },
    canScore: (dataset) => scorable.has(dataset),
    status: () => ({ scorable: [...scorable].sort(), problems: { ...problems } }),
  };
}
