import { getDatasetInfo, isDatasetId } from '@tenfold/datasets/catalog';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatCount } from '@/lib/format';
import { findClassSamples } from '@/server/analysis/find-class-samples';
import { getTestSplit } from '@/server/datasets/get-test-split';
import { getRequestDb } from '@/server/db';
import { parseLeaderboardQuery } from '@/server/leaderboard/leaderboard-query';
import { selectLeaderboardPage } from '@/server/leaderboard/select-leaderboard-page';
import { getCachedLeaderboard } from '@/server/queries/get-cached-leaderboard';
import { DatasetCard } from './dataset-card.tsx';
import { LeaderboardFilters } from './leaderboard-filters.tsx';
import { LeaderboardTable } from './leaderboard-table.tsx';

const SAMPLES_PER_CLASS = 6;

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
  const db = await getRequestDb();
  const leaderboard = await getCachedLeaderboard(db, id);
  const query = parseLeaderboardQuery(await searchParams);
  const page = selectLeaderboardPage(leaderboard, query);
  // The card still renders where the split is not installed, only without sample images.
  const samples = await getTestSplit(id)
    .then((split) => findClassSamples(split.labels, dataset.classNames.length, SAMPLES_PER_CLASS))
    .catch(() => null);

  return (
    <>
      <section className="dataset-header">
        <p className="eyebrow">Leaderboard</p>
        <h1>{dataset.name}</h1>
        <p className="lead">{dataset.provenance.summary}</p>
        <p className="muted">
          By {dataset.provenance.creators}, {dataset.provenance.year}. {formatCount(dataset.splits.train.count)}{' '}
          training and {formatCount(dataset.splits.test.count)} test images, 28×28 grayscale. Licence:{' '}
          {dataset.provenance.licence}
        </p>
        <ul className="class-list" aria-label="Classes">
          {dataset.classNames.map((name, index) => (
            <li key={name} className="chip">
              {name === String(index) ? null : <span className="chip__index">{index}</span>}
              {name}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="ranking-heading">
        <div className="section-head">
          <h2 id="ranking-heading">Ranking</h2>
          <p className="muted small">
            {`Best scored submission per public model, on the ${formatCount(dataset.splits.test.count)} test images. `}A
            model marked = is tied with the one above: their 95% intervals overlap, so the difference is not
            significant. Equal accuracies go to the earlier submission.
          </p>
        </div>
        {leaderboard.length === 0 ? (
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
              <form id="compare-form" method="get" action="/compare" className="hide-narrow">
                <input type="hidden" name="dataset" value={dataset.slug} />
                <button type="submit" className="button button--small button--ghost" data-testid="compare-selected">
                  Compare ticked models
                </button>
              </form>
              <p className="muted small">
                {`${formatCount(page.matching)} of ${formatCount(leaderboard.length)} models · `}
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

      <DatasetCard dataset={dataset} samples={samples} />
    </>
  );
}
