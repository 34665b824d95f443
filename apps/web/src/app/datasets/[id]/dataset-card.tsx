import type { DatasetInfo } from '@tenfold/datasets/catalog';
import { formatBytes, formatCount } from '@/lib/format';

type Props = {
  dataset: DatasetInfo;
  /** Test-set indexes of a few images per class; null when the split is not on this machine. */
  samples: number[][] | null;
};

/** Who made the dataset, how, its classes with real test images, its splits and the checksums scoring verifies. */
export function DatasetCard({ dataset, samples }: Props) {
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
      <h3>How it was built</h3>
      <p>{dataset.provenance.construction}</p>
      <p className="muted small">{dataset.provenance.citation}</p>

      <h3>Classes</h3>
      <ul className="class-samples" data-testid="class-samples">
        {dataset.classNames.map((name, index) => (
          <li key={name}>
            <span className="class-samples__name">
              {index} · {name}
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
