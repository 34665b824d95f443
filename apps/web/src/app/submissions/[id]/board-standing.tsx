import { type DatasetId, getDatasetInfo } from '@tenfold/datasets/catalog';
import { formatRank } from '@tenfold/datasets/standing-words';
import Link from 'next/link';
import { getRequestDb } from '@/server/db';
import { PAGE_SIZE } from '@/server/leaderboard/leaderboard-query';
import { getCachedLeaderboard } from '@/server/queries/get-cached-leaderboard';

/**
 * Where this submission stands on its dataset's board, written as the board writes it ("3 ="
 * when others share the rank), with a link to its row; or why it is not there.
 */
export async function BoardStanding({ datasetId, submissionId }: { datasetId: DatasetId; submissionId: string }) {
  const board = await getCachedLeaderboard(await getRequestDb(), datasetId);
  const entry = board.find((candidate) => candidate.submissionId === submissionId);
  const name = getDatasetInfo(datasetId).name;
  if (!entry) {
    return (
      <p className="muted" data-testid="board-standing">
        {`Not on the ${name} leaderboard: the model is private, or another of its submissions is its entry.`}
      </p>
    );
  }
  const isShared = board.some((other) => other !== entry && other.tieRank === entry.tieRank);
  const page = Math.ceil(entry.rank / PAGE_SIZE);
  return (
    <p data-testid="board-standing">
      {'Rank '}
      <strong data-testid="board-rank">{formatRank(entry.tieRank, isShared)}</strong>
      {` on the ${name} leaderboard${isShared ? ' (shared with models not significantly different)' : ''} · `}
      <Link href={`/datasets/${datasetId}${page > 1 ? `?page=${page}` : ''}#entry-${entry.modelId}`}>see its row</Link>
    </p>
  );
}
