import { SCORER_VERSION } from '@tenfold/contract';
import Link from 'next/link';
import {
  defaultDirection,
  type LeaderboardQuery,
  type SortKey,
  toLeaderboardSearch,
} from '@/server/leaderboard/leaderboard-query';
import type { LeaderboardPage } from '@/server/leaderboard/select-leaderboard-page';
import { MAX_COMPARED } from '@/server/queries/get-model-comparison';
import { toLeaderboardRow } from './leaderboard-row.ts';
import { LeaderboardRows } from './leaderboard-rows.tsx';

type Props = { datasetSlug: string; query: LeaderboardQuery; page: LeaderboardPage };

function SortHeader({
  label,
  sortKey,
  query,
  datasetSlug,
  className,
}: {
  label: string;
  sortKey: SortKey;
  query: LeaderboardQuery;
  datasetSlug: string;
  className?: string;
}) {
  const isActive = query.sort === sortKey;
  const direction = query.dir ?? defaultDirection(query.sort);
  const nextDirection = isActive ? (direction === 'asc' ? 'desc' : 'asc') : defaultDirection(sortKey);
  const href = `/datasets/${datasetSlug}${toLeaderboardSearch({ ...query, sort: sortKey, dir: nextDirection, page: 1 })}`;
  return (
    <th
      scope="col"
      className={className}
      aria-sort={isActive ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <Link href={href} className="sort-link" data-testid={`sort-${sortKey}`} scroll={false}>
        {label}
        {isActive ? <span aria-hidden="true">{direction === 'asc' ? ' ▲' : ' ▼'}</span> : null}
      </Link>
    </th>
  );
}

export function LeaderboardTable({ datasetSlug, query, page }: Props) {
  const header = (label: string, sortKey: SortKey, className?: string) => (
    <SortHeader label={label} sortKey={sortKey} query={query} datasetSlug={datasetSlug} className={className} />
  );
  // "=" means "not significantly different from the model above": true only in accuracy order.
  const isAccuracyOrder =
    (query.sort === 'rank' || query.sort === 'accuracy') &&
    (query.dir ?? defaultDirection(query.sort)) === defaultDirection(query.sort);
  const rows = page.entries.map((entry) => toLeaderboardRow(entry, SCORER_VERSION, isAccuracyOrder));
  return (
    <>
      <div className="table-wrap">
        <table className="table leaderboard" data-testid="leaderboard">
          <thead>
            <tr>
              {header('#', 'rank', 'rank')}
              {header('Model', 'model')}
              {header('Accuracy', 'accuracy', 'num')}
              <th scope="col" className="hide-narrow bar-col" aria-label="Accuracy bar" />
              {header('Params', 'parameters', 'num hide-narrow')}
              {header('Size', 'size', 'num hide-narrow')}
              {header('Latency', 'latency', 'num hide-narrow')}
              {header('Submitter', 'submitter', 'hide-narrow')}
              {header('Date', 'date', 'hide-narrow nowrap')}
              {header('Format', 'format', 'hide-narrow')}
              <th scope="col" className="check">
                <span className="visually-hidden">Compare</span>
              </th>
            </tr>
          </thead>
          <LeaderboardRows rows={rows} maxCompared={MAX_COMPARED} />
        </table>
      </div>
      {page.pageCount > 1 ? (
        <nav className="pagination" aria-label="Leaderboard pages">
          {page.page > 1 ? (
            <Link href={`/datasets/${datasetSlug}${toLeaderboardSearch({ ...query, page: page.page - 1 })}`} rel="prev">
              ← Previous
            </Link>
          ) : (
            <span />
          )}
          <span className="muted small" data-testid="page-position">
            Page {page.page} of {page.pageCount}
          </span>
          {page.page < page.pageCount ? (
            <Link
              href={`/datasets/${datasetSlug}${toLeaderboardSearch({ ...query, page: page.page + 1 })}`}
              rel="next"
              data-testid="next-page"
            >
              Next →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
