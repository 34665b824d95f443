import { type DatasetEnum, datasetIdFromEnum } from '@tenfold/datasets/catalog';
import type { Db } from '@tenfold/db';
import { getLeaderboard } from './get-leaderboard.ts';

/**
 * Board positions (`rank`, 1..n, unique; ties are not merged so a move is always visible) of the
 * submissions that are their model's entry on the given datasets' boards, as the boards are now.
 * A submission missing from the map is on no board.
 */
export async function getBoardRanks(db: Db, datasets: Iterable<DatasetEnum>): Promise<Map<string, number>> {
  const ranks = new Map<string, number>();
  for (const dataset of new Set(datasets)) {
    for (const entry of await getLeaderboard(db, datasetIdFromEnum(dataset))) ranks.set(entry.submissionId, entry.rank);
  }
  return ranks;
}
