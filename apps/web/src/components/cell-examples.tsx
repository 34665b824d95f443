import { formatCount } from '@/lib/format';

type Props = {
  datasetSlug: string;
  classNames: readonly string[];
  cell: { trueClass: number; predictedClass: number };
  /** Test-set indexes, at most the shown limit. */
  indexes: number[];
  /** How many images the cell holds (its confusion-matrix count). */
  total: number;
};

/** The actual test images behind one confusion-matrix cell, served as PNGs by the web app itself. */
export function CellExamples({ datasetSlug, classNames, cell, indexes, total }: Props) {
  const trueName = classNames[cell.trueClass] ?? String(cell.trueClass);
  const predictedName = classNames[cell.predictedClass] ?? String(cell.predictedClass);
  return (
    <div className="cell-examples" id="cell-examples" data-testid="cell-examples">
      <h3>
        {cell.trueClass === cell.predictedClass
          ? `${trueName}, classified correctly`
          : `${trueName} predicted as ${predictedName}`}
      </h3>
      <p className="muted small">
        {indexes.length < total
          ? `The first ${formatCount(indexes.length)} of ${formatCount(total)} test images, in test-set order.`
          : `All ${formatCount(total)} test images in this cell.`}
      </p>
      <ul className="image-grid">
        {indexes.map((index) => (
          <li key={index}>
            {/* biome-ignore lint/performance/noImgElement: 28x28 PNGs from our own route; next/image would only add a resize hop. */}
            <img
              src={`/api/datasets/${datasetSlug}/images/${index}`}
              alt={`${trueName}, test set #${index}`}
              width={56}
              height={56}
              className="digit"
              loading="lazy"
              data-testid="cell-image"
            />
            <span className="muted small">#{index}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
