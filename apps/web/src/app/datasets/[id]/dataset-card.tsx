import { LABEL_ERROR_AGREEMENT, STRONG_MODEL_COUNT } from '@tenfold/boards';
import type { DatasetInfo } from '@tenfold/datasets/catalog';
import Link from 'next/link';
import { formatBytes, formatCount, formatPercent } from '@/lib/format';

type Props = {
  dataset: DatasetInfo;
  /** Test-set indexes of a few images per class; null when the split is not on this machine. */
  samples: number[][] | null;
  /** Test images per class, counted from the labels; null without the split. */
  testCounts: number[] | null;
  /** What the per-image consensus says of the labels. */
  labelQuality: { modelsCounted: number; likelyErrors: number };
};

/** Who made the dataset, why and how, the questions to ask of it, what the models say of its labels, its classes with real test images, its splits and the checksums scoring verifies. */
export function DatasetCard({ dataset, samples, testCounts, labelQuality }: Props) {
  const files = (['train', 'test'] as const).flatMap((split) => [
    { split, kind: 'images', ...dataset.splits[split].images },
    { split, kind: 'labels', ...dataset.splits[split].labels },
  ]);
  return (
    <section className="card" aria-labelledby="card-heading" data-testid="dataset-card">
      <h2 id="card-heading">Dataset card</h2>
      <dl className="details">
        <div>
          <dt>Made by</dt>
          <dd>
            {dataset.provenance.creators} ({dataset.provenance.year})
          </dd>
        </div>
        <div>
          <dt>Licence</dt>
          <dd>{dataset.provenance.licence}</dd>
        </div>
        <div>
          <dt>Homepage</dt>
          <dd>
            <a href={dataset.provenance.homepage} rel="noopener noreferrer">
              {dataset.provenance.homepage}
            </a>
          </dd>
        </div>
      </dl>
      <h3>Why it was made</h3>
      <p data-testid="card-purpose">{dataset.provenance.purpose}</p>
      <h3>How it was built</h3>
      <p>{dataset.provenance.construction}</p>
      <p>{dataset.provenance.labelling}</p>
      <p className="muted small">{dataset.provenance.citation}</p>

      <h3>Questions to ask of it</h3>
      <dl className="details details--stacked" data-testid="card-questions">
        {dataset.provenance.questions.map((entry) => (
          <div key={entry.question}>
            <dt>{entry.question}</dt>
            <dd>{entry.answer}</dd>
          </div>
        ))}
        <div>
          <dt>Are its labels right?</dt>
          <dd data-testid="card-label-quality">
            {labelQuality.modelsCounted === 0 ? (
              <>No public model is scored on it yet; the models&apos; view of its labels starts with the first.</>
            ) : (
              <>
                Seen through {formatCount(labelQuality.modelsCounted)} public models,{' '}
                {formatCount(labelQuality.likelyErrors)} test{' '}
                {labelQuality.likelyErrors === 1 ? 'image has' : 'images have'} a label that at least{' '}
                {formatPercent(LABEL_ERROR_AGREEMENT, 0)} of the {STRONG_MODEL_COUNT} strongest models contradict with
                one other class: <Link href={`/datasets/${dataset.slug}/label-errors`}>the likely label errors</Link>,
                to look at and flag. Scores stay on the official labels.
              </>
            )}
          </dd>
        </div>
      </dl>

      <h3>Classes</h3>
      <ul className="class-samples" data-testid="class-samples">
        {dataset.classNames.map((name, index) => (
          <li key={name}>
            <span className="class-samples__name">
              {index} · {name}
              {testCounts ? (
                <span className="muted small"> · {formatCount(testCounts[index] ?? 0)} test images</span>
              ) : null}
            </span>
            <span className="class-samples__images">
              {(samples?.[index] ?? []).map((imageIndex) => (
                // biome-ignore lint/performance/noImgElement: 28x28 PNGs from our own route; next/image would only add a resize hop.
                <img
                  key={imageIndex}
                  src={`/api/datasets/${dataset.slug}/images/${imageIndex}`}
                  alt={`${name}, test set #${imageIndex}`}
                  width={40}
                  height={40}
                  className="digit"
                  loading="lazy"
                  data-testid="class-sample"
                />
              ))}
            </span>
          </li>
        ))}
      </ul>

      <h3>Splits and files</h3>
      <p className="muted small">
        {formatCount(dataset.splits.train.count)} training and {formatCount(dataset.splits.test.count)} test images of
        28×28 grayscale pixels; models are scored on the test split only. SHA-256 of the uncompressed IDX files, checked
        before every scoring run.
      </p>
      <div className="table-wrap">
        <table className="table" data-testid="dataset-files">
          <thead>
            <tr>
              <th scope="col">Split</th>
              <th scope="col">File</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {files.map((file) => (
              <tr key={file.name}>
                <td>
                  {file.split} {file.kind}
                </td>
                <td className="mono">{file.name}</td>
                <td className="num">{formatBytes(file.bytes)}</td>
                <td className="mono small checksum">{file.sha256}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
