import { getDatasetInfo } from '@tenfold/datasets/catalog';
import Link from 'next/link';
import { StatusBadge } from '@/components/status-badge';
import { formatCount, formatDate, formatPercent } from '@/lib/format';
import { getCachedPageDb } from '@/server/db';
import { getHomeStats } from '@/server/queries/get-home-stats';
import { getLatestSubmissions } from '@/server/queries/get-latest-submissions';

/** The home page, served from the page cache through `/home/<view>`. */
export async function HomePage() {
  const db = getCachedPageDb();
  const [stats, latest] = await Promise.all([getHomeStats(db), getLatestSubmissions(db)]);
  const rankedModels = stats.datasets.reduce((sum, dataset) => sum + dataset.rankedModels, 0);

  return (
    <>
      <section className="hero">
        <p className="eyebrow">Open benchmark</p>
        <h1>How good is your image classifier, really?</h1>
        <p className="lead">
          Upload a trained model as ONNX or TensorFlow.js (layers or graph model). Tenfold runs it on the full
          10,000-image test split of MNIST or Fashion-MNIST, the same way for everyone, and ranks it on a public
          leaderboard with its accuracy, a 95% confidence interval and per-class results.
        </p>
        <div className="hero__actions">
          <Link href="/submit" className="button">
            Submit a model
          </Link>
          <Link href="/datasets/mnist" className="button button--ghost">
            MNIST leaderboard
          </Link>
          <Link href="/datasets/fashion-mnist" className="button button--ghost">
            Fashion-MNIST leaderboard
          </Link>
        </div>
        <dl className="stats" data-testid="home-stats">
          <div className="stat">
            <dt>Submissions</dt>
            <dd>{formatCount(stats.totalSubmissions)}</dd>
          </div>
          <div className="stat">
            <dt>Ranked models</dt>
            <dd>{formatCount(rankedModels)}</dd>
          </div>
          <div className="stat">
            <dt>Being scored now</dt>
            <dd>{formatCount(stats.inProgress)}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="datasets-heading">
        <h2 id="datasets-heading">Datasets</h2>
        <div className="card-grid">
          {stats.datasets.map((datasetStats) => {
            const dataset = getDatasetInfo(datasetStats.id);
            return (
              <Link
                key={dataset.id}
                href={`/datasets/${dataset.id}`}
                className="card card--link"
                data-testid="dataset-card"
              >
                <h3>{dataset.name}</h3>
                <p className="muted">{dataset.provenance.summary}</p>
                <dl className="card__facts">
                  <div>
                    <dt>Ranked models</dt>
                    <dd>{formatCount(datasetStats.rankedModels)}</dd>
                  </div>
                  <div>
                    <dt>Best accuracy</dt>
                    <dd>
                      {datasetStats.bestAccuracy === null ? 'none yet' : formatPercent(datasetStats.bestAccuracy)}
                    </dd>
                  </div>
                </dl>
                <span className="card__cta">View leaderboard →</span>
              </Link>
            );
          })}
        </div>
      </section>

      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">Latest submissions</h2>
        {latest.length === 0 ? (
          <div className="empty">
            <p>No submissions yet.</p>
            <Link href="/submit" className="button button--small">
              Be the first
            </Link>
          </div>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="latest-submissions">
              <thead>
                <tr>
                  <th scope="col">Model</th>
                  <th scope="col" className="hide-narrow">
                    Dataset
                  </th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Accuracy
                  </th>
                  <th scope="col" className="hide-narrow">
                    Submitted
                  </th>
                </tr>
              </thead>
              <tbody>
                {latest.map((submission) => (
                  <tr key={submission.id}>
                    <td className="cell-name">
                      <Link href={`/submissions/${submission.id}`} className="strong-link">
                        {submission.modelName}
                      </Link>
                      <div className="muted small">
                        by {submission.submitterName}
                        <span className="show-narrow">on {getDatasetInfo(submission.datasetId).name}</span>
                      </div>
                    </td>
                    <td className="hide-narrow">{getDatasetInfo(submission.datasetId).name}</td>
                    <td>
                      <StatusBadge status={submission.status} />
                    </td>
                    <td className="num">{submission.accuracy === null ? '–' : formatPercent(submission.accuracy)}</td>
                    <td className="hide-narrow muted nowrap">{formatDate(submission.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="how-heading" className="how">
        <h2 id="how-heading">How scoring works</h2>
        <ol className="steps">
          <li>
            <h3>Export</h3>
            <p>
              Export your trained network to ONNX (for example with <code>torch.onnx.export</code>) or TensorFlow.js (
              <code>tensorflowjs_converter</code>) taking a batch of 28×28 grayscale images.{' '}
              <Link href="/guides">The guides</Link> show both.
            </p>
          </li>
          <li>
            <h3>Upload</h3>
            <p>Pick a dataset, name your model and say how it expects its input. Uploads are stored by content hash.</p>
          </li>
          <li>
            <h3>Scored</h3>
            <p>
              A sandboxed worker runs all {formatCount(10_000)} test images through it and records accuracy, its
              confidence interval, per-class recall and speed.
            </p>
          </li>
        </ol>
      </section>
    </>
  );
}
