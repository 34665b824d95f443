import { PIXELS_PER_IMAGE, SANITY_SAMPLE_SIZE } from '@tenfold/contract';

/** Training images with labels: the sanity pass never uses test labels. */
export type LabelledSample = { images: Uint8Array; labels: Uint8Array; count: number };

export { SANITY_SAMPLE_SIZE };

/** An evenly spread sample of a training split (deterministic, so reruns agree). */
export function takeSanitySample(split: LabelledSample, size = SANITY_SAMPLE_SIZE): LabelledSample {
  const count = Math.min(size, split.count);
  const step = Math.floor(split.count / count);
  const images = new Uint8Array(count * PIXELS_PER_IMAGE);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const source = i * step;
    images.set(split.images.subarray(source * PIXELS_PER_IMAGE, (source + 1) * PIXELS_PER_IMAGE), i * PIXELS_PER_IMAGE);
    labels[i] = split.labels[source] as number;
  }
  return { images, labels, count };
}
