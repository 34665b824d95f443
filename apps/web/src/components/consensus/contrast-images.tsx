import { TestImage } from './test-image.tsx';

type Image = { imageIndex: number; label: number; predicted: number; othersRight: number; others: number };

type Props = {
  datasetSlug: string;
  classNames: readonly string[];
  images: Image[];
  total: number;
  testId: string;
  empty: string;
};

/** Test images where a model parts from the other models, each with its label, the model's answer and the others' tally. */
export function ContrastImages({ datasetSlug, classNames, images, total, testId, empty }: Props) {
  if (images.length === 0) return <p className="muted small">{empty}</p>;
  return (
    <>
      <p className="muted small">
        {total} {total === 1 ? 'image' : 'images'}
        {total > images.length ? `, the ${images.length} most striking shown` : ''}.
      </p>
      <ul className="consensus-grid" data-testid={testId}>
        {images.map((image) => (
          <li key={image.imageIndex} className="consensus-grid__item" data-index={image.imageIndex}>
            <TestImage
              datasetSlug={datasetSlug}
              imageIndex={image.imageIndex}
              alt={`Test image #${image.imageIndex}, labelled ${classNames[image.label]}`}
            />
            <span className="small">
              #{image.imageIndex} · label <strong>{classNames[image.label]}</strong>
            </span>
            <span className="small">
              This model: <strong>{classNames[image.predicted]}</strong>
            </span>
            <span className="small muted">
              {image.othersRight} of {image.others} others right
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
