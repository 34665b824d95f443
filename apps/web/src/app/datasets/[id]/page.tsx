import { SCORER_VERSION } from '@tenfold/contract';
import { getDatasetInfo, isDatasetId } from '@tenfold/datasets/catalog';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatCount } from '@/lib/format';
import { getCachedPageDb } from '@/server/db';
import { parseLeaderboardQuery, toLeaderboardSearch } from '@/server/leaderboard/leaderboard-query';
import { selectLeaderboardPage } from '@/server/leaderboard/select-leaderboard-page';
import { getCachedLeaderboardDerived } from '@/server/queries/get-cached-leaderboard';
import { MAX_COMPARED } from '@/server/queries/get-model-comparison';
import { LeaderboardFilters } from './leaderboard-filters.tsx';
import { LeaderboardTable } from './leaderboard-table.tsx';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return isDatasetId(id) ? { title: `${getDatasetInfo(id).name} leaderboard` } : {};
}

export default async function DatasetPage({ params, searchParams }: Props) {
  const { id } = await params;
  if (!isDatasetId(id)) notFound();
  const dataset = getDatasetInfo(id);
  const db = getCachedPageDb();
  const query = parseLeaderboardQuery(await searchParams);
  const { page, total, stale } = await getCachedLeaderboardDerived(
    db,
    id,
    `page${toLeaderboardSearch(query)}`,
    (entries) => ({
      page: selectLeaderboardPage(entries, query),
      total: entries.length,
      stale: entries.filter((entry) => entry.scorerVersion !== SCORER_VERSION).length,
    }),
  );

  return (
    <section aria-labelledby="ranking-heading">
      <div className="section-head">
        <h2 id="ranking-heading">Ranking</h2>
        <p className="muted small">
          {`Best scored submission per public model, on the ${formatCount(dataset.splits.test.count)} test images. `}A
          model marked = is tied with the one above: their 95% intervals overlap, so the difference is not significant.
          The rank is 1 + the number of models significantly better (whose whole interval lies above), so close models
          share it. Equal accuracies go to the earlier submission.
        </p>
      </div>
      {total === 0 ? (
        <div className="empty" data-testid="leaderboard-empty">
          <p>No model has been scored on {dataset.name} yet.</p>
          <Link href={`/submit?dataset=${dataset.id}`} className="button button--small">
            Submit the first one
          </Link>
        </div>
      ) : (
        <>
          <div className="toolbar">
            <LeaderboardFilters datasetSlug={dataset.slug} query={query} />
            <form id="compare-form" method="get" action="/compare">
              <input type="hidden" name="dataset" value={dataset.slug} />
              <button type="submit" className="button button--small button--ghost" data-testid="compare-selected">
                {`Compare ticked models (up to ${MAX_COMPARED})`}
              </button>
            </form>
            <p className="muted small">
              {`${formatCount(page.matching)} of ${formatCount(total)} models · `}
              <a href={`/api/datasets/${dataset.slug}/leaderboard.csv`} data-testid="export-csv">
                CSV
              </a>
              {' · '}
              <a href={`/api/datasets/${dataset.slug}/leaderboard.json`} data-testid="export-json">
                JSON
              </a>
              {' · '}
              <Link href={`/trade-offs?dataset=${dataset.slug}`}>Trade-offs</Link>
              {' · '}
              <Link href="/mnist-vs-fashion">vs the other dataset</Link>
            </p>
            {stale > 0 ? (
              <p className="alert alert--warning small" data-testid="stale-notice">
                {`${formatCount(stale)} of these models were scored by an older scorer than the current ${SCORER_VERSION} and keep those numbers until they are rescored (marked “scorer x.y.z”).`}
              </p>
            ) : null}
          </div>
          {page.entries.length === 0 ? (
            <p className="empty" data-testid="leaderboard-no-match">
              No model matches these filters.
            </p>
          ) : (
            <LeaderboardTable datasetSlug={dataset.slug} query={query} page={page} />
          )}
        </>
      )}
    </section>
  );
}
