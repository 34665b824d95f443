import { type ConsensusSyncResult, syncImageConsensus } from '@tenfold/boards';
import { type DatasetEnum, datasetIdFromEnum } from '@tenfold/datasets';
import type { Db } from '@tenfold/db';
import type { PageChange } from '@tenfold/queue';
import { loadTestLabels } from './load-test-labels.ts';

/**
 * Brings a dataset's per-image consensus up to date, after an evaluation was committed (the job
 * does not await it) and in the reconciler. When the sync changed the consensus, the web app is
 * told, so the cached consensus, label-error, card and model pages follow within the
 * announcement's second or two. It never rejects: a failure is logged and resolves to null, and
 * the next sync (a later evaluation, a moderation, the reconciler) repeats the work, since a
 * sync compares the board with what was counted.
 */
export async function refreshImageConsensus(
  db: Db,
  dataset: DatasetEnum,
  announcePageChange?: (change: PageChange) => void,
): Promise<ConsensusSyncResult | null> {
  try {
    const synced = await syncImageConsensus(db, datasetIdFromEnum(dataset), loadTestLabels);
    if (synced.joined || synced.left || synced.isRebuilt) announcePageChange?.({ dataset, consensus: true });
    return synced;
  } catch (error) {
    console.error(`image consensus of ${dataset} not refreshed: ${error instanceof Error ? error.message : error}`);
    return null;
  }
}
