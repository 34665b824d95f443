import Link from 'next/link';
import { Bar } from '@/components/bar';
import { formatBytes, formatCount, formatDate, formatPercent } from '@/lib/format';
import { FORMAT_LABELS } from '@/lib/model-format';
import {
  defaultDirection,
  type LeaderboardQuery,
  type SortKey,
  toLeaderboardSearch,
} from '@/server/leaderboard/leaderboard-query';
import type { LeaderboardPage } from '@/server/leaderboard/select-leaderboard-page';

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
              {header('Date', 'date', 'hide-narrow')}
              {header('Format', 'format', 'hide-narrow')}
              <th scope="col" className="hide-narrow">
                <span className="visually-hidden">Compare</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {page.entries.map((entry) => (
              <tr
                key={entry.modelId}
                data-testid="leaderboard-row"
                data-rank={entry.tieRank}
                data-model-id={entry.modelId}
              >
                <td className="rank" data-testid="leaderboard-rank">
                  {entry.tieRank}
                  {entry.isTiedWithAbove ? (
                    <span className="tie" title="Not significantly different from the model above" data-testid="tie">
                      {' '}
                      =
                    </span>
                  ) : null}
                </td>
                <td>
                  <Link href={`/models/${entry.modelId}`} className="strong-link" data-testid="leaderboard-model">
                    {entry.modelName}
                  </Link>
                  {entry.isBaseline ? <span className="badge badge--baseline">Baseline</span> : null}
                </td>
                <td className="num">
                  <span data-testid="leaderboard-accuracy">{formatPercent(entry.accuracy)}</span>
                  <div className="muted small" title="95% confidence interval">
                    {`${formatPercent(entry.accuracyCiLow)} – ${formatPercent(entry.accuracyCiHigh)}`}
                  </div>
                </td>
                <td className="hide-narrow bar-col">
                  <Bar value={entry.accuracy} />
                </td>
                <td className="num hide-narrow">
                  {entry.parameterCount === null ? '—' : formatCount(entry.parameterCount)}
                </td>
                <td className="num hide-narrow">{formatBytes(entry.artifactBytes)}</td>
                <td className="num hide-narrow">{`${entry.meanLatencyMs.toFixed(3)} ms`}</td>
                <td className="hide-narrow">{entry.submitterName}</td>
                <td className="hide-narrow muted">
                  <Link href={`/submissions/${entry.submissionId}`}>{formatDate(entry.submittedAt)}</Link>
                </td>
                <td className="hide-narrow">{FORMAT_LABELS[entry.format]}</td>
                <td className="hide-narrow">
                  {/* Belongs to the compare form above the table (the `form` attribute), so no script is needed. */}
                  <input
                    type="checkbox"
                    name="m"
                    value={entry.modelId}
                    form="compare-form"
                    aria-label={`Compare ${entry.modelName}`}
                    data-testid="compare-checkbox"
                  />
                </td>
              </tr>
            ))}
          </tbody>
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
