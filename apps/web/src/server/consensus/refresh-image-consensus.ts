import 'server-only';
import { syncImageConsensus } from '@tenfold/boards';
import { DATASET_IDS } from '@tenfold/datasets/catalog';
import type { Db } from '@tenfold/db';
import { getTestSplit } from '@/server/datasets/get-test-split';

/**
 * After a change that can move a board (moderation, visibility, a deletion), brings both
 * datasets' per-image consensus in line with it. A dataset whose board did not move costs one
 * board query. A failure is logged, never shown to whoever made the change: the change stands,
 * and the worker's reconciler repeats the sync.
 */
export async function refreshImageConsensus(db: Db): Promise<void> {
  for (const datasetId of DATASET_IDS) {
    try {
      await syncImageConsensus(db, datasetId, async (id) => (await getTestSplit(id)).labels);
    } catch (error) {
      console.error(`image consensus of ${datasetId} not refreshed: ${error instanceof Error ? error.message : error}`);
    }
  }
}
