/** One real test image (a PNG served by /api/datasets/<id>/images/<index>), drawn at 56 px. */
export function TestImage({ datasetSlug, imageIndex, alt }: { datasetSlug: string; imageIndex: number; alt: string }) {
  return (
    // biome-ignore lint/performance/noImgElement: 28x28 PNGs from our own route; next/image would only add a resize hop.
    <img
      src={`/api/datasets/${datasetSlug}/images/${imageIndex}`}
      alt={alt}
      width={56}
      height={56}
      className="digit"
      loading="lazy"
      data-testid="consensus-image"
    />
  );
}
