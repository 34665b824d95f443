import { IMAGE_SIDE, PIXELS_PER_IMAGE } from '@tenfold/contract';

/**
 * A copy of the images moved one pixel to the right (the left column becomes background).
 * A model that generalises barely notices; one that memorised pixel positions drops sharply,
 * so the gap between test and shifted accuracy is a robustness and memorisation signal.
 */
export function shiftImagesRight(images: Uint8Array, count: number): Uint8Array {
  const shifted = new Uint8Array(count * PIXELS_PER_IMAGE);
  for (let row = 0; row < count * IMAGE_SIDE; row++) {
    const start = row * IMAGE_SIDE;
    shifted.set(images.subarray(start, start + IMAGE_SIDE - 1), start + 1);
  }
  return shifted;
}
