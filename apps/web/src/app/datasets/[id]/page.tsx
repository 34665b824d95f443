import { getDatasetInfo, isDatasetId } from '@tenfold/datasets/catalog';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Bar } from '@/components/bar';
import { formatCount, formatDate, formatPercent } from '@/lib/format';
import { getRequestDb } from '@/server/db';
import { getLeaderboard } from '@/server/queries/get-leaderboard';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return isDatasetId(id) ? { title: `${getDatasetInfo(id).name} leaderboard` } : {};
}

export default async function DatasetPage({ params }: Props) {
  const { id } = await params;
  if (!isDatasetId(id)) notFound();
  const dataset = getDatasetInfo(id);
  const db = await getRequestDb();
  const leaderboard = await getLeaderboard(db, id);

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
        <details className="provenance">
          <summary>How the dataset was made</summary>
          <p>{dataset.provenance.construction}</p>
          <p className="muted small">
            {dataset.provenance.citation}{' '}
            <a href={dataset.provenance.homepage} rel="noopener noreferrer">
              Homepage
            </a>
          </p>
        </details>
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
            {`Best scored submission per public model, on the ${formatCount(dataset.splits.test.count)} test images. Ties go to the earlier submission.`}
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
          <div className="table-wrap">
            <table className="table leaderboard" data-testid="leaderboard">
              <thead>
                <tr>
                  <th scope="col" className="rank">
                    #
                  </th>
                  <th scope="col">Model</th>
                  <th scope="col" className="num">
                    Accuracy
                  </th>
                  <th scope="col" className="hide-narrow bar-col" aria-label="Accuracy bar" />
                  <th scope="col" className="hide-narrow">
                    Submitter
                  </th>
                  <th scope="col" className="hide-narrow">
                    Date
                  </th>
                </tr>
              </thead>
              <tbody>
                {leaderboard.map((entry) => (
                  <tr key={entry.modelId} data-testid="leaderboard-row" data-rank={entry.rank}>
                    <td className="rank">{entry.rank}</td>
                    <td>
                      <Link
                        href={`/submissions/${entry.submissionId}`}
                        className="strong-link"
                        data-testid="leaderboard-model"
                      >
                        {entry.modelName}
                      </Link>
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
                    <td className="hide-narrow">{entry.submitterName}</td>
                    <td className="hide-narrow muted">{formatDate(entry.submittedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
