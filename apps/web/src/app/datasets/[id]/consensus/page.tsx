import { DATASET_IDS, DATASETS, getDatasetInfo, isDatasetId } from '@tenfold/datasets/catalog';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConfusionHeatmap } from '@/components/confusion-heatmap';
import { TestImage } from '@/components/consensus/test-image';
import { formatCount, formatDateTime, formatPercent } from '@/lib/format';
import { findConfusedPairs } from '@/server/analysis/find-confused-pairs';
import { PAGE_TAGS, tagCachedPage } from '@/server/cache/revalidate-public-pages';
import { getCachedPageDb } from '@/server/db';
import { getCachedConsensus } from '@/server/queries/get-cached-consensus';
import { getClassDropShares } from '@/server/queries/get-class-drop-shares';
import { getDatasetConsensus } from '@/server/queries/get-dataset-consensus';

/** Cached until a consensus sync changes it (server/cache/revalidate-public-pages.ts); an hour at most as a safety net. */
export const revalidate = 3600;

/** Served from the page cache (server/cache/cached-page-path.ts), rendered on first request. */
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return isDatasetId(id) ? { title: `${getDatasetInfo(id).name}: every image through every model` } : {};
}

export default async function ConsensusPage({ params }: Props) {
  const { id } = await params;
  if (!isDatasetId(id)) notFound();
  // Both datasets: the MNIST to Fashion-MNIST drop below reads both consensus tables.
  await tagCachedPage(...DATASET_IDS.map(PAGE_TAGS.consensus));
  const dataset = getDatasetInfo(id);
  const db = getCachedPageDb();
  const [consensus, drop] = await Promise.all([
    getCachedConsensus(db, `page:${id}`, () => getDatasetConsensus(db, id)),
    getCachedConsensus(db, 'drop', () => getClassDropShares(db)),
  ]);
  const name = (index: number | null) => (index === null ? '–' : dataset.classNames[index]);

  if (consensus.modelsCounted === 0) {
    return (
      <p className="empty" data-testid="consensus-empty">
        No public model is scored on {dataset.name} yet: the consensus starts with the first one.
      </p>
    );
  }
  return (
    <>
      <section className="card" aria-labelledby="consensus-heading">
        <h2 id="consensus-heading">Every test image through every model</h2>
        <p>
          Each of the {formatCount(dataset.splits.test.count)} test images as{' '}
          <strong data-testid="consensus-models">{formatCount(consensus.modelsCounted)}</strong> public models see it
          (each model once, through its leaderboard entry), updated whenever an evaluation lands or a model is moderated
          {consensus.updatedAt ? ` (last on ${formatDateTime(consensus.updatedAt)})` : ''}. Download it per image:{' '}
          <a href={`/api/v1/datasets/${id}/consensus`}>JSON</a> ·{' '}
          <a href={`/api/v1/datasets/${id}/consensus?format=csv`}>CSV</a>. See also the{' '}
          <Link href={`/datasets/${id}/label-errors`}>likely label errors</Link>.
        </p>
      </section>

      <section className="card" aria-labelledby="hardest-heading">
        <h2 id="hardest-heading">The hardest images</h2>
        <p className="muted small">
          Fewest models right first: the official label, the most common answer, and how many models get it right.
        </p>
        <ul className="consensus-grid" data-testid="hardest-images">
          {consensus.hardest.map((image) => (
            <li
              key={image.imageIndex}
              className="consensus-grid__item"
              data-testid="hardest-image"
              data-index={image.imageIndex}
            >
              <TestImage
                datasetSlug={dataset.slug}
                imageIndex={image.imageIndex}
                alt={`Test image #${image.imageIndex}, labelled ${name(image.label)}`}
              />
              <span className="small">#{image.imageIndex}</span>
              <span className="small">
                Label <strong>{name(image.label)}</strong>
              </span>
              <span className="small">
                Most say <strong data-testid="majority-vote">{name(image.majorityClass)}</strong>
              </span>
              <span className="small muted" data-testid="agreement">
                {image.correctCount} of {image.modelsCounted} right
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="confusion-heading">
        <h2 id="confusion-heading">Which classes models mix up</h2>
        <p className="muted small">
          Every counted model&apos;s predictions added together: rows are the true class, columns the answer.
        </p>
        <ol className="small" data-testid="confused-pairs">
          {findConfusedPairs(consensus.confusion, 6).map((pair) => (
            <li key={`${pair.trueClass}-${pair.predictedClass}`}>
              {name(pair.trueClass)} taken for {name(pair.predictedClass)}: {formatPercent(pair.share, 1)} of its
              answers
            </li>
          ))}
        </ol>
        <ConfusionHeatmap matrix={consensus.confusion} classNames={dataset.classNames} />
      </section>

      {drop ? (
        <section className="card" aria-labelledby="drop-heading">
          <h2 id="drop-heading">From MNIST to Fashion-MNIST: where the accuracy goes</h2>
          <p className="muted small">
            The mean accuracy of {formatCount(drop.mnistModels)} models on MNIST against{' '}
            {formatCount(drop.fashionModels)} on Fashion-MNIST falls by {drop.drop.toFixed(2)} points. Class by class
            (digit k beside clothing class k), the share of that drop each explains:
          </p>
          <div className="table-wrap">
            <table className="table" data-testid="drop-shares">
              <thead>
                <tr>
                  <th scope="col">Class</th>
                  <th scope="col" className="num">
                    MNIST
                  </th>
                  <th scope="col" className="num">
                    Fashion-MNIST
                  </th>
                  <th scope="col" className="num">
                    Points lost
                  </th>
                  <th scope="col" className="num">
                    Share of the drop
                  </th>
                </tr>
              </thead>
              <tbody>
                {drop.classes.map((row) => (
                  <tr key={row.classIndex} data-testid="drop-share-row">
                    <td>
                      {DATASETS.mnist.classNames[row.classIndex]} /{' '}
                      {DATASETS['fashion-mnist'].classNames[row.classIndex]}
                    </td>
                    <td className="num">{formatPercent(row.mnistAccuracy, 1)}</td>
                    <td className="num">{formatPercent(row.fashionAccuracy, 1)}</td>
                    <td className="num">{row.dropPoints.toFixed(2)}</td>
                    <td className="num">{formatPercent(row.share, 1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
