import { describe, expect, it } from 'vitest';
import { comparePredictions } from './compare-predictions.ts';

describe('comparePredictions', () => {
  it('counts and lists the images where exactly one model is right', () => {
    const labels = Uint8Array.from([0, 1, 2, 3, 4, 5]);
    const first = Uint8Array.from([0, 1, 9, 3, 9, 9]); // right on 0, 1, 3
    const second = Uint8Array.from([0, 9, 2, 9, 4, 9]); // right on 0, 2, 4
    expect(comparePredictions(first, second, labels, 1)).toEqual({
      onlyFirstRight: 2,
      onlySecondRight: 2,
      firstRightExamples: [1],
      secondRightExamples: [2],
    });
  });
});
