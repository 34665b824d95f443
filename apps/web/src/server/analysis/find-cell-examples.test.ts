import { describe, expect, it } from 'vitest';
import { findCellExamples } from './find-cell-examples.ts';

describe('findCellExamples', () => {
  const labels = Uint8Array.from([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
  const predictions = Uint8Array.from([7, 2, 1, 0, 9, 1, 9, 9, 6, 4]);

  it('finds the images of one cell in test-set order, up to the limit', () => {
    expect(findCellExamples(predictions, labels, 4, 9, 10)).toEqual([4, 6]);
    expect(findCellExamples(predictions, labels, 4, 9, 1)).toEqual([4]);
    expect(findCellExamples(predictions, labels, 1, 1, 10)).toEqual([2, 5]);
    expect(findCellExamples(predictions, labels, 3, 3, 10)).toEqual([]);
  });
});
