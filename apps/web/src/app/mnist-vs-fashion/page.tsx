import { describePointDifference, formatPoints, formatRank } from '@tenfold/datasets/standing-words';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ScatterChart } from '@/components/charts/scatter-chart';
import { formatPercent } from '@/lib/format';
import { PAIR_SORT_KEYS, type PairSortKey, pairDatasetResults } from '@/server/analysis/pair-dataset-results';
import { getCachedPageDb } from '@/server/db';
import { getCachedLeaderboard } from '@/server/queries/get-cached-leaderboard';

export const metadata: Metadata = { title: 'MNIST versus Fashion-MNIST' };

type Props = { searchParams: Promise<{ sort?: string | string[]; dir?: string | string[] }> };

const LABELS: Record<PairSortKey, string> = {
  model: 'Model',
  mnist: 'MNIST',
  fashion: 'Fashion-MNIST',
  drop: 'Drop',
};

const COLUMN_ORDER: PairSortKey[] = ['model', 'mnist', 'fashion', 'drop'];

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function MnistVersusFashionPage({ searchParams }: Props) {
  const query = await searchParams;
  const sortParam = first(query.sort);
  const sort: PairSortKey = PAIR_SORT_KEYS.find((key) => key === sortParam) ?? 'drop';
  const dirParam = first(query.dir);
  const direction = dirParam === 'asc' || dirParam === 'desc' ? dirParam : undefined;
  const db = getCachedPageDb();
  const [mnist, fashion] = await Promise.all([
    getCachedLeaderboard(db, 'mnist'),
    getCachedLeaderboard(db, 'fashion-mnist'),
  ]);
  const pairs = pairDatasetResults(mnist, fashion, sort, direction);
  const activeDirection = direction ?? (sort === 'drop' || sort === 'model' ? 'asc' : 'desc');

  return (
    <>
      <section className="dataset-header">
        <p className="eyebrow">Analysis</p>
        <h1>MNIST versus Fashion-MNIST</h1>
        <p className="lead">
          Fashion-MNIST has MNIST&apos;s format and sizes but harder content. Each public model with results on both,
          its best accuracy on each, and how much it loses on the harder one. Which classes the loss comes from, over
          every model: <Link href="/datasets/fashion-mnist/consensus#drop-heading">the drop class by class</Link>.
        </p>
      </section>
      {pairs.length === 0 ? (
        <p className="empty" data-testid="pairs-empty">
          No public model has results on both datasets yet.
        </p>
      ) : (
        <>
          <section className="card" aria-labelledby="scatter-heading">
            <h2 id="scatter-heading">Accuracy on both</h2>
            <p className="muted small">
              One point per model; hover for details, click to open the model. Below the dashed line a model does worse
              on Fashion-MNIST; orange points are baselines.
            </p>
            <ScatterChart
              title="MNIST accuracy against Fashion-MNIST accuracy"
              xLabel="MNIST accuracy"
              yLabel="Fashion-MNIST accuracy"
              formatX={(value) => formatPercent(value, 0)}
              formatY={(value) => formatPercent(value, 0)}
              showDiagonal
              points={pairs.map((pair) => ({
                id: pair.modelId,
                label: pair.modelName,
                detail: `MNIST ${formatPercent(pair.mnist.accuracy)} · Fashion-MNIST ${formatPercent(pair.fashion.accuracy)} (${describePointDifference(pair.fashion.accuracy, pair.mnist.accuracy)})`,
                x: pair.mnist.accuracy,
                y: pair.fashion.accuracy,
                href: `/models/${pair.modelId}`,
                isBaseline: pair.isBaseline,
              }))}
            />
          </section>
          <section aria-labelledby="pairs-heading">
            <h2 id="pairs-heading">Side by side</h2>
            <div className="table-wrap">
              <table className="table" data-testid="pairs">
                <thead>
                  <tr>
                    {COLUMN_ORDER.map((key) => {
                      const isActive = key === sort;
                      const nextDirection = isActive ? (activeDirection === 'asc' ? 'desc' : 'asc') : undefined;
                      return (
                        <th
                          key={key}
                          scope="col"
                          className={key === 'model' ? undefined : 'num'}
                          aria-sort={isActive ? (activeDirection === 'asc' ? 'ascending' : 'descending') : undefined}
                        >
                          <Link
                            href={`/mnist-vs-fashion?sort=${key}${nextDirection ? `&dir=${nextDirection}` : ''}`}
                            className="sort-link"
                            data-testid={`pairs-sort-${key}`}
                            scroll={false}
                          >
                            {LABELS[key]}
                            {isActive ? (
                              <span aria-hidden="true">{activeDirection === 'asc' ? ' ▲' : ' ▼'}</span>
                            ) : null}
                          </Link>
                        </th>
                      );
                    })}
                  </tr>
                </thead>
                <tbody>
                  {pairs.map((pair) => (
                    <tr key={pair.modelId} data-testid="pair-row">
                      <td>
                        <Link href={`/models/${pair.modelId}`} className="strong-link" data-testid="pair-model">
                          {pair.modelName}
                        </Link>
                        {pair.isBaseline ? <span className="badge badge--baseline">Baseline</span> : null}
                      </td>
                      <td className="num">
                        <Link href={`/submissions/${pair.mnist.submissionId}`}>
                          {formatPercent(pair.mnist.accuracy)}
                        </Link>
                        <div className="muted small">
                          rank {formatRank(pair.mnist.tieRank, pair.mnist.isTiedWithAbove)}
                        </div>
                      </td>
                      <td className="num">
                        <Link href={`/submissions/${pair.fashion.submissionId}`}>
                          {formatPercent(pair.fashion.accuracy)}
                        </Link>
                        <div className="muted small">
                          rank {formatRank(pair.fashion.tieRank, pair.fashion.isTiedWithAbove)}
                        </div>
                      </td>
                      <td className="num" data-testid="pair-drop">
                        {formatPoints(-pair.drop)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </>
  );
}
