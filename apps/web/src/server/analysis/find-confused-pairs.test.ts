import { describe, expect, it } from 'vitest';
import { findConfusedPairs } from './find-confused-pairs.ts';

describe('findConfusedPairs', () => {
  it('ranks the mistakes by their share of the true class, not by raw count', () => {
    const matrix = new Array<number>(100).fill(0);
    matrix[0] = 90; // class 0: 10 of 100 go to 6
    matrix[6] = 10;
    matrix[66] = 500; // class 6: 20 of 1,000 go to 0
    matrix[60] = 20;
    expect(findConfusedPairs(matrix, 5)).toEqual([
      { trueClass: 0, predictedClass: 6, count: 10, share: 0.1 },
      { trueClass: 6, predictedClass: 0, count: 20, share: 20 / 520 },
    ]);
    expect(findConfusedPairs(matrix, 1)).toHaveLength(1);
  });
});
