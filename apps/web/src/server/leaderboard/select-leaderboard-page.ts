import type { LeaderboardEntry } from '@tenfold/boards';
import { defaultDirection, type LeaderboardQuery, PAGE_SIZE, SIZE_BUCKETS, type SortKey } from './leaderboard-query.ts';

type Value = number | string | null;

const SORT_VALUE: Record<SortKey, (entry: LeaderboardEntry) => Value> = {
  rank: (entry) => entry.rank,
  model: (entry) => entry.modelName.toLowerCase(),
  accuracy: (entry) => entry.accuracy,
  parameters: (entry) => entry.parameterCount,
  size: (entry) => entry.artifactBytes,
  latency: (entry) => entry.meanLatencyMs,
  submitter: (entry) => entry.submitterName.toLowerCase(),
  date: (entry) => entry.submittedAt.getTime(),
  format: (entry) => entry.format,
};

/** Unknown values (a model without a parameter count) go last in either direction. */
function compare(a: Value, b: Value, direction: 1 | -1): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a < b ? -1 : 1) * direction;
}

export type LeaderboardPage = {
  entries: LeaderboardEntry[];
  /** Entries left after the filters, before paging. */
  matching: number;
  page: number;
  pageCount: number;
};

/** Filters and sorts (rank breaks ties, so the order is stable). Ranks stay global. */
export function sortLeaderboard(
  all: LeaderboardEntry[],
  query: Pick<LeaderboardQuery, 'sort' | 'dir' | 'format' | 'size'>,
): LeaderboardEntry[] {
  const bucket = query.size ? SIZE_BUCKETS[query.size] : null;
  const filtered = all.filter(
    (entry) =>
      (!query.format || entry.format === query.format) &&
      (!bucket || ((entry.artifactBytes > bucket.min || bucket.min === 0) && entry.artifactBytes <= bucket.max)),
  );
  const direction = (query.dir ?? defaultDirection(query.sort)) === 'asc' ? 1 : -1;
  const value = SORT_VALUE[query.sort];
  return query.sort === 'rank' && direction === 1
    ? filtered
    : [...filtered].sort((a, b) => compare(value(a), value(b), direction) || a.rank - b.rank);
}

/** sortLeaderboard, then one page of PAGE_SIZE entries (a page past the end shows the last). */
export function selectLeaderboardPage(all: LeaderboardEntry[], query: LeaderboardQuery): LeaderboardPage {
  const sorted = sortLeaderboard(all, query);
  const pageCount = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  return {
    entries: sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    matching: sorted.length,
    page,
    pageCount,
  };
}
