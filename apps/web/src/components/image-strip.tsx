/** A row of test images (28x28 PNGs served by the web app), each captioned with its index. */
export function ImageStrip({ datasetSlug, indexes, label }: { datasetSlug: string; indexes: number[]; label: string }) {
  return (
    <ul className="image-grid" aria-label={label}>
      {indexes.map((index) => (
        <li key={index}>
          {/* biome-ignore lint/performance/noImgElement: 28x28 PNGs from our own route; next/image would only add a resize hop. */}
          <img
            src={`/api/datasets/${datasetSlug}/images/${index}`}
            alt={`Test set #${index}`}
            width={56}
            height={56}
            className="digit"
            loading="lazy"
            data-testid="disagreement-image"
          />
          <span className="muted small">#{index}</span>
        </li>
      ))}
    </ul>
  );
}
