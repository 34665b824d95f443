import { describe, expect, it } from 'vitest';
import { shiftImagesRight } from './shift-images.ts';

describe('shiftImagesRight', () => {
  it('moves every row one pixel right and blanks the first column', () => {
    const image = Uint8Array.from({ length: 2 * 784 }, (_, i) => (i % 251) + 1);
    const shifted = shiftImagesRight(image, 2);
    for (let n = 0; n < 2; n++) {
      for (let r = 0; r < 28; r++) {
        const base = n * 784 + r * 28;
        expect(shifted[base]).toBe(0);
        for (let c = 1; c < 28; c++) expect(shifted[base + c]).toBe(image[base + c - 1]);
      }
    }
  });
});
